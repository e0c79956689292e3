#!/usr/bin/env bash
# `npm run demo`: install, create and migrate the database, seed, build, and serve on PORT (default 3000).
# Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# A demo, so its published demo accounts are wanted (production refuses them otherwise).
export DEMO_ACCOUNTS="${DEMO_ACCOUNTS:-on}"

bash scripts/install-if-needed.sh
npx tsx scripts/ensure-local-env.ts
npx tsx --conditions=react-server scripts/prepare-db.ts
npx next build
echo "Northwind Supply: http://localhost:${PORT:-3000}  (admin@example.com / demo-admin-pass, shopper@example.com / demo-shopper-pass)"
exec npx next start -p "${PORT:-3000}"
