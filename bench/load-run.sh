#!/usr/bin/env bash
# `npm run bench:load`: the shopper workload against two `next start` instances (bench/shopper-load.ts), on a build
# and a database of its own; the result replaces its section of docs/benchmarks.md. Options:
# docs/benchmarking.md#options.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-if-needed.sh
# Its own build folder: the build prerenders the catalog from this database, whose product ids differ from the
# other benches' and the tests'.
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-bench-load}"
export BENCH_LOAD_DATABASE_URL="${BENCH_LOAD_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/storefront_bench_load}"
# The workload signs in as the demo admin, so the seed creates the demo accounts.
export DEMO_ACCOUNTS=on
bash bench/prepare-app.sh "$BENCH_LOAD_DATABASE_URL"
npx tsx bench/shopper-load.ts "$@"
