#!/usr/bin/env bash
# `npm run bench`: builds the app if needed and measures the session check under load; results go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-if-needed.sh
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next}"
if [ ! -f "$NEXT_DIST_DIR/BUILD_ID" ] || [ "${BENCH_REBUILD:-0}" = "1" ]; then
  npx next build
fi
npx tsx --conditions=react-server bench/session-check.ts "$@"
