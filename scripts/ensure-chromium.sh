#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (Playwright's own browser downloads are not
# reachable from our machines). Installs it when missing and we may; otherwise says how.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium (for the end-to-end tests and Lighthouse)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || true
  apt-get install -y -qq chromium
else
  echo "Chromium is missing at $chromium: install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
