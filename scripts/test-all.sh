#!/usr/bin/env bash
# `npm test`: every test of the project, in the order a failure is cheapest to find.
#   typecheck → lint → import rules → build → vitest (unit, data layer, contract suite three ways) → Playwright.
# PostgreSQL runs join in when TEST_POSTGRES_URL names a server (CI sets it); otherwise SQLite only.
# Chromium for the browser tests comes from Debian's package (installed here if missing and we can).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    step "installing Debian's chromium for the browser tests"
    apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
  else
    echo "Chromium not found at $CHROMIUM_PATH: install Debian's 'chromium' package or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi

if [ -z "${TEST_POSTGRES_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
  # A local PostgreSQL answers: use it too, as CI does.
  export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:5432/postgres"
fi
echo "databases: sqlite${TEST_POSTGRES_URL:+ + postgresql ($TEST_POSTGRES_URL)}"

step "typecheck (tsc --strict)"
npx tsc --noEmit -p .

step "lint (eslint)"
npx eslint --max-warnings 0 .

step "import layering and cycles (dependency-cruiser, .dependency-cruiser.cjs)"
npm run --silent check:imports

step "build (next build)"
npm run build

step "unit, data layer and contract tests (vitest)"
npx vitest run

step "browser tests (playwright, Chromium)"
npx playwright test

step "all tests passed"
