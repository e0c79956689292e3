#!/usr/bin/env bash
# What every bench that serves the app does first (bench/run.sh, bench/load-run.sh): create, migrate and seed the
# database given as $1, then build into NEXT_DIST_DIR unless a build is there (BENCH_REBUILD=1 builds again). The
# build prerenders the catalog, so it reads the database the servers will use.
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE_URL="$1" npx tsx --conditions=react-server scripts/prepare-db.ts
if [ ! -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ] || [ "${BENCH_REBUILD:-0}" = "1" ]; then
  DATABASE_URL="$1" npx next build
fi
