#!/usr/bin/env bash
# `npm test`: every test kind — typecheck, lint, unit and integration (Vitest, both Redis transports),
# end-to-end (Playwright in Debian's Chromium against the production build).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export TEST_RUN_ID="${TEST_RUN_ID:-$(node -e 'console.log(require("crypto").randomBytes(4).toString("hex"))')}"

bash scripts/install-if-needed.sh
npx tsx scripts/check-services.ts
echo "== typecheck" && npm run --silent typecheck
echo "== lint" && npm run --silent lint
echo "== unit and integration (Vitest)" && npx vitest run
echo "== end-to-end (Playwright)" && bash scripts/e2e.sh
