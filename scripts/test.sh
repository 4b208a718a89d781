#!/usr/bin/env bash
# `npm test`: the whole suite, in the order that fails fastest.
#   1. generated files (types, admin import map, GraphQL schema) are fresh
#   2. typecheck and lint
#   3. unit + integration tests on SQLite, then on PostgreSQL (TEST_POSTGRES_URL) and MongoDB
#      (TEST_MONGODB_URL) when those are given
#   4. production build and end-to-end tests in Chromium against the production server
#   5. on that build, two instances behind nginx on PostgreSQL + Redis + S3 (scripts/e2e-multi.sh),
#      when PostgreSQL and redis-server are available
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "generated files are up to date"
bash scripts/check-generated.sh

step "typecheck"
npx tsc --noEmit

step "lint"
npx eslint . --max-warnings 0

step "no import cycles (type-only imports aside: they vanish at run time)"
npm run --silent cycles

step "unit and integration tests (SQLite)"
BYLINE_TEST_DB=sqlite npx vitest run

# The PostgreSQL run uses the server named by TEST_POSTGRES_URL, or the local one when it answers.
if [ -z "${TEST_POSTGRES_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
  TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
fi
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  step "integration tests (PostgreSQL)"
  TEST_POSTGRES_URL="$TEST_POSTGRES_URL" BYLINE_TEST_DB=postgres npx vitest run tests/int
else
  echo "No PostgreSQL (TEST_POSTGRES_URL unset, none on 127.0.0.1:5432): skipping the PostgreSQL run."
fi

if [ -n "${TEST_MONGODB_URL:-}" ]; then
  step "integration tests (MongoDB)"
  BYLINE_TEST_DB=mongodb npx vitest run tests/int
else
  echo "TEST_MONGODB_URL is not set: skipping the MongoDB run (no MongoDB server on this machine)."
fi

step "end-to-end tests (production build, Chromium)"
bash scripts/ensure-chromium.sh
bash scripts/e2e.sh


# The two-instance suite needs a PostgreSQL server (the one found above) and redis-server (it
# starts a Redis of its own, so a test can stop it); it starts radosgw itself (scripts/s3-server.sh).
if [ -n "${TEST_POSTGRES_URL:-}" ] && command -v redis-server >/dev/null; then
  step "two instances behind nginx on PostgreSQL, Redis and S3 (the same build)"
  TEST_POSTGRES_URL="$TEST_POSTGRES_URL" bash scripts/e2e-multi.sh
else
  echo "No PostgreSQL or no redis-server: skipping the two-instance end-to-end tests (scripts/e2e-multi.sh)."
fi
