#!/usr/bin/env bash
# Regenerates the committed generated files (Payload's TypeScript types and the admin import map)
# and fails when they differ from what was there: a schema change must ship with its types.
set -euo pipefail
cd "$(dirname "$0")/.."

files=(src/payload-types.ts "app/(payload)/admin/importMap.js")
before=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$before" "$scratch"' EXIT
for f in "${files[@]}"; do cp "$f" "$before/$(basename "$f")"; done

# Generation loads the config, which needs an environment: a scratch embedded database.
export DATA_DIR="$scratch" DATABASE_URL="file:$scratch/generate.db"
npx payload generate:types >/dev/null
npx payload generate:importmap >/dev/null

stale=0
for f in "${files[@]}"; do
  if ! cmp -s "$f" "$before/$(basename "$f")"; then
    echo "stale generated file: $f (regenerated now; review and commit it)" >&2
    diff -u "$before/$(basename "$f")" "$f" | head -n 40 >&2 || true
    stale=1
  fi
done
[ "$stale" = 0 ] && echo "payload-types.ts and importMap.js are up to date"
exit "$stale"
