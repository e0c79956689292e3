#!/usr/bin/env bash
# `npm run bench`: builds the app if needed and measures it under load; results go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-if-needed.sh
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next}"
export BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/storefront_bench}"
# The build prerenders the catalog, so the bench database is created and seeded before it.
DATABASE_URL="$BENCH_DATABASE_URL" npx tsx scripts/prepare-db.ts
if [ ! -f "$NEXT_DIST_DIR/BUILD_ID" ] || [ "${BENCH_REBUILD:-0}" = "1" ]; then
  DATABASE_URL="$BENCH_DATABASE_URL" npx next build
fi
npx tsx --conditions=react-server bench/session-check.ts "$@"
