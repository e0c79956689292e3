#!/usr/bin/env bash
# `npm run demo`: install, create and migrate the database, seed, build, and serve on PORT (default 3000) and HOST
# (every interface when unset).
# Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# A demo, so its published demo accounts are wanted (production refuses them otherwise).
export DEMO_ACCOUNTS="${DEMO_ACCOUNTS:-on}"

bash scripts/install-if-needed.sh
npx tsx scripts/ensure-local-env.ts
npx tsx --conditions=react-server scripts/prepare-db.ts
# Mailed links point at the address served here unless SITE_URL is given; the build reads it too (HSTS).
SITE_URL="$(npx tsx scripts/demo-site-url.ts)"
export SITE_URL
npx next build
echo "Northwind Supply: ${SITE_URL}  (admin@example.com / demo-admin-pass, shopper@example.com / demo-shopper-pass)"
exec npx next start ${HOST:+-H "$HOST"} -p "${PORT:-3000}"
