#!/usr/bin/env bash
# Builds the production app, prepares the e2e database, and runs the Playwright specs in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export TEST_RUN_ID="${TEST_RUN_ID:-$(node -e 'console.log(require("crypto").randomBytes(4).toString("hex"))')}"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium not found at ${CHROMIUM_PATH:-/usr/bin/chromium}. Install it: apt-get install -y chromium" >&2
  exit 1
fi
npx tsx --conditions=react-server scripts/prepare-db.ts --e2e
if [ "${E2E_SKIP_BUILD:-0}" != "1" ]; then
  npx tsx scripts/build-e2e.ts
fi
npx playwright test "$@"
