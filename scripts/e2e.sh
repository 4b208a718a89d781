#!/usr/bin/env bash
# End-to-end tests: a production build run by the production server (src/productionServer/start.ts) against a throwaway embedded database
# holding the demo newsroom, driven by Playwright in Chromium (playwright.config.ts).
# Extra arguments go to `playwright test`, e.g. `bash scripts/e2e.sh --grep 'reference article'`.
set -euo pipefail
cd "$(dirname "$0")/.."

# The suite also tests the production deployment (deploy/): nginx in front of that server.
# As root it is installed from Debian, like Chromium; anywhere else, say so now rather than after a
# two-minute build.
if ! command -v nginx >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx || true
fi
if ! command -v nginx >/dev/null; then
  echo "nginx is missing: the end-to-end tests start nginx from deploy/ in front of the app. Install it (sudo apt-get install nginx) and run again." >&2
  exit 1
fi

DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/byline-e2e.XXXXXX")"
# nginx's own files (config, cache, temp); its workers may run as another user, so not under DATA_DIR.
E2E_FRONT_PREFIX="$(mktemp -d "${TMPDIR:-/tmp}/byline-e2e-front.XXXXXX")"
trap 'rm -rf "$DATA_DIR" "$E2E_FRONT_PREFIX"' EXIT
# Bash skips the EXIT trap when a signal ends it; exiting from a handler runs it.
trap 'exit 130' INT
trap 'exit 143' TERM

# Exported, these win over any .env (Next never overrides a variable that is already set), so a
# developer's own database is never touched. Without a PAYLOAD_SECRET the embedded database
# generates one into DATA_DIR, shared by the seed, the build and the server.
export DATA_DIR
export DATABASE_URL="file:$DATA_DIR/e2e.db"
# A free port unless one is given, so a developer's own server (or a second run) never collides.
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
export E2E_PORT="${E2E_PORT:-$(free_port)}"
export E2E_FRONT_PORT="${E2E_FRONT_PORT:-$(free_port)}"
export E2E_FRONT_PREFIX
# The admin panel addresses the API and checks request origins through serverURL, so it must be
# the origin the browser uses, not the default http://localhost:3000.
export NEXT_PUBLIC_SERVER_URL="http://localhost:$E2E_PORT"
export NEXT_TELEMETRY_DISABLED=1

started=$SECONDS
echo "== migrating and seeding $DATABASE_URL"
npx tsx src/db/prepare.ts
[ -s "$DATA_DIR/demo-credentials.txt" ] || { echo "prepare-db wrote no $DATA_DIR/demo-credentials.txt" >&2; exit 1; }

# The build runs against a copy of that database in which one article has a title nobody serves:
# the build must hold no content (issue #7), and tests/e2e/buildContent.e2e.spec.ts checks that
# readers never see it.
BUILD_DATABASE="$DATA_DIR/build.db"
for suffix in '' -wal -shm; do
  if [ -e "$DATA_DIR/e2e.db$suffix" ]; then cp "$DATA_DIR/e2e.db$suffix" "$BUILD_DATABASE$suffix"; fi
done
export E2E_BUILD_ONLY_TITLE="Only in the build database $(node -e "console.log(require('crypto').randomBytes(4).toString('hex'))")"
DATABASE_URL="file:$BUILD_DATABASE" npx tsx scripts/e2e-build-db.ts

echo "== next build (against $BUILD_DATABASE)"
DATABASE_URL="file:$BUILD_DATABASE" npx next build

echo "== playwright test (the app server on port $E2E_PORT, nginx from deploy/ on port $E2E_FRONT_PORT)"
npx playwright test "$@"
echo "== end-to-end run took $((SECONDS - started))s"
