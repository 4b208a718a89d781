#!/usr/bin/env bash
# End-to-end tests of shared mode (issue #7): two app instances from the existing build, nginx from
# deploy/ in front of both, on a throwaway PostgreSQL database, a Redis server of the suite's own
# (on a free port, so a test may stop and restart it) and a real S3 server (radosgw, via
# scripts/s3-server.sh). The instances and nginx are started by the tests themselves
# (tests/helpers/cluster.ts), since some tests kill and restart them. playwright.multi.config.ts.
#
#   bash scripts/e2e-multi.sh [playwright arguments, e.g. --grep 'kill A']
#
# It needs a build (.next): `bash scripts/e2e.sh` or `npx next build` makes one; this script never
# builds, so `npm test` runs it after the single-instance suite on the same build.
# PostgreSQL: TEST_POSTGRES_URL, else the local server on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "e2e-multi: $*" >&2
  exit 1
}

[ -f .next/BUILD_ID ] || fail "no build in .next: run \`bash scripts/e2e.sh\` (or \`npx next build\`) first; this suite reuses that build."
command -v nginx >/dev/null || fail "nginx is missing (apt-get install nginx): the suite puts deploy/ in front of the two instances."
command -v redis-server >/dev/null || fail "redis-server is missing (apt-get install redis-server): the suite starts a Redis of its own."
postgres_server="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

work="$(mktemp -d "${TMPDIR:-/tmp}/byline-e2e-multi.XXXXXX")"
# Readable by nginx's workers (the page store and the front's files live here).
chmod 755 "$work"
database=
redis_port=
s3_dir="$work/s3"
pg_admin() {
  node -e '
    const pg = require("pg")
    const client = new pg.Client({ connectionString: process.argv[1] })
    client.connect().then(() => client.query(process.argv[2])).then(() => client.end(), (error) => { console.error(error.message); process.exit(1) })
  ' "$postgres_server" "$1"
}
cleanup() {
  local status=$?
  set +e
  # A failed run keeps every process's log (the instances, nginx, Redis, radosgw) for the reader.
  if [ "$status" -ne 0 ] && [ -d "$work" ]; then
    # Beside Playwright's output directory, which it empties at the start of a run.
    rm -rf test-results/multi-logs
    mkdir -p test-results/multi-logs
    cp "$work"/*.log test-results/multi-logs/ 2>/dev/null
    echo "e2e-multi: the instances' and nginx's logs are in test-results/multi-logs/" >&2
  fi
  # Instances and nginx a test worker left running (tests/helpers/cluster.ts records their process groups).
  for pgid_file in "$work"/*.pgid; do
    [ -f "$pgid_file" ] && kill -TERM -- "-$(cat "$pgid_file")" 2>/dev/null
  done
  [ -n "$redis_port" ] && redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1
  [ -d "$s3_dir" ] && bash scripts/s3-server.sh stop --dir "$s3_dir" >/dev/null 2>&1
  [ -n "$database" ] && pg_admin "drop database if exists $database with (force)"
  rm -rf "$work"
}
trap cleanup EXIT
# Bash skips the EXIT trap when a signal ends it; exiting from a handler runs it.
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

started=$SECONDS
database="byline_e2e_multi_$$"
echo "== PostgreSQL: database $database on ${postgres_server%%\?*}"
pg_admin "create database $database" || fail "could not create a database on $postgres_server (is PostgreSQL running? set TEST_POSTGRES_URL)"
database_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$postgres_server" "$database")"

redis_port="$(free_port)"
echo "== Redis of the suite's own on port $redis_port"
# The same command line restarts it after a test stops it (tests/helpers/cluster.ts).
export E2E_REDIS_COMMAND="redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir $work --pidfile $work/redis.pid --logfile $work/redis.log"
eval "$E2E_REDIS_COMMAND" || fail "redis-server did not start on port $redis_port"
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$redis_port" ping >/dev/null 2>&1 || fail "redis-server on port $redis_port does not answer; its log: $(cat "$work/redis.log" 2>/dev/null)"

echo "== S3: radosgw on one node (scripts/s3-server.sh, about 20 s)"
if ! s3_env="$(bash scripts/s3-server.sh start --dir "$s3_dir" --port "$(free_port)")"; then
  fail "the S3 server (radosgw) did not start; the reason is above. The suite tests uploads on S3 and cannot run without it."
fi
eval "$s3_env"
export S3_ENDPOINT S3_BUCKET S3_REGION S3_ACCESS_KEY_ID S3_SECRET_ACCESS_KEY S3_FORCE_PATH_STYLE

# Exported, these win over any .env (Next never overrides a variable that is already set), so a
# developer's own database is never touched.
export DATA_DIR="$work/data"
mkdir -p "$DATA_DIR"
export DATABASE_URL="$database_url"
export PAYLOAD_SECRET="$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
export REDIS_URL="redis://127.0.0.1:$redis_port"
export BYLINE_REDIS_PREFIX="byline-e2e-multi:"
export E2E_REDIS_PORT="$redis_port"
export E2E_MULTI_DIR="$work"
export E2E_A_PORT="$(free_port)"
export E2E_B_PORT="$(free_port)"
export E2E_FRONT_PORT="$(free_port)"
# Editors and readers reach the site through the front; the admin checks origins against it.
export NEXT_PUBLIC_SERVER_URL="http://localhost:$E2E_FRONT_PORT"
export NEXT_TELEMETRY_DISABLED=1

echo "== migrating and seeding $database (once, for both instances)"
npx tsx src/db/prepare.ts
[ -s "$DATA_DIR/demo-credentials.txt" ] || fail "prepare-db wrote no $DATA_DIR/demo-credentials.txt"

echo "== playwright test (A on $E2E_A_PORT, B on $E2E_B_PORT, nginx on $E2E_FRONT_PORT)"
npx playwright test -c playwright.multi.config.ts "$@"
echo "== two-instance run took $((SECONDS - started))s"
