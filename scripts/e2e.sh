#!/usr/bin/env bash
# End-to-end tests: a production build run by `next start` against a throwaway embedded database
# holding the demo newsroom, driven by Playwright in Chromium (playwright.config.ts).
# Extra arguments go to `playwright test`, e.g. `bash scripts/e2e.sh --grep 'reference article'`.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/byline-e2e.XXXXXX")"
trap 'rm -rf "$DATA_DIR"' EXIT
# Bash skips the EXIT trap when a signal ends it; exiting from a handler runs it.
trap 'exit 130' INT
trap 'exit 143' TERM

# Exported, these win over any .env (Next never overrides a variable that is already set), so a
# developer's own database is never touched. Without a PAYLOAD_SECRET the embedded database
# generates one into DATA_DIR, shared by the seed, the build and the server.
export DATA_DIR
export DATABASE_URL="file:$DATA_DIR/e2e.db"
# A free port unless one is given, so a developer's own server (or a second run) never collides.
export E2E_PORT="${E2E_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
# The admin panel addresses the API and checks request origins through serverURL, so it must be
# the origin the browser uses, not the default http://localhost:3000.
export NEXT_PUBLIC_SERVER_URL="http://localhost:$E2E_PORT"
export NEXT_TELEMETRY_DISABLED=1

started=$SECONDS
echo "== migrating and seeding $DATABASE_URL"
npx tsx src/db/prepare.ts
[ -s "$DATA_DIR/demo-credentials.txt" ] || { echo "prepare-db wrote no $DATA_DIR/demo-credentials.txt" >&2; exit 1; }

echo "== next build"
npx next build

echo "== playwright test (next start on port $E2E_PORT)"
npx playwright test "$@"
echo "== end-to-end run took $((SECONDS - started))s"
