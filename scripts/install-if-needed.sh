#!/usr/bin/env bash
# Installs the dependencies when node_modules is missing or older than the lock file; generates the Prisma client.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)..."
  npm ci --no-audit --no-fund
else
  npm run --silent db:generate >/dev/null
fi
