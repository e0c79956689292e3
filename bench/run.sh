#!/usr/bin/env bash
# `npm run bench`: the compared session checks and, unless BENCH_PARTS=peers, the app under load (built first if
# needed); results go to docs/benchmarks.md. Options: docs/benchmarking.md#options.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-if-needed.sh
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next}"
export BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/storefront_bench}"
if [[ ",${BENCH_PARTS:-peers,app}," == *",app,"* ]]; then
  bash bench/prepare-app.sh "$BENCH_DATABASE_URL"
fi
# 'server-only' modules (the project's session check) load under the react-server condition, as in the app.
npx tsx --conditions=react-server bench/main.ts "$@"
