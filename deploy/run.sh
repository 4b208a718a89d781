#!/usr/bin/env bash
# nginx in front of the app server, `npm start` (deploy/nginx.conf.template, explained in the README's
# "Production deployment" and in deploy/README.md). Renders the config into a prefix directory and
# runs nginx in the foreground on it; stop it with SIGTERM (fast) or SIGQUIT (graceful).
#
#   bash deploy/run.sh [--listen ADDR:PORT] [--upstream HOST:PORT]... [--prefix DIR] [--static DIR]
#                      [--store DIR] [--workers N|auto] [--access-log FILE|off] [--trust ADDR/CIDR]... [--check]
#
# Defaults: listen 8080, upstream 127.0.0.1:3000 (`npm start`), prefix $TMPDIR/byline-nginx,
# static .next/static of this checkout, workers auto, access log PREFIX/logs/access.log.
# --upstream may be given several times (app instances in shared mode: REDIS_URL, PostgreSQL): nginx
# balances readers across them (least connections) and, for reads, retries the next instance when
# one refuses, times out or answers 502/503, so readers see no error while one instance is up.
# --store is the page store: the directory the app writes its cached pages to, the app's
# BYLINE_PAGE_STORE (src/productionServer/pageStore.ts), given to every instance on the machine: one writes
# it, the others take over should it go (deploy/README.md). Without it every page is asked of the
# app (and kept for a second). With Debian's libnginx-mod-http-brotli-static installed, the store's
# brotli copies are served too.
# --trust names a proxy in front of nginx (a load balancer, a CDN; repeat for several): nginx then
# takes the client's address from its X-Forwarded-For. Without it, the address nginx sees is the client.
# --check renders and tests the configuration, then exits.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

listen=8080
upstreams=()
prefix="${TMPDIR:-/tmp}/byline-nginx"
static="$here/../.next/static"
workers=auto
access_log=
store=
check=false
trust=()
mime_types=/etc/nginx/mime.types

fail() {
  echo "deploy/run.sh: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --listen) listen="${2:?--listen needs ADDR:PORT}"; shift 2 ;;
    --upstream) upstreams+=("${2:?--upstream needs HOST:PORT}"); shift 2 ;;
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --static) static="${2:?--static needs a directory}"; shift 2 ;;
    --store) store="${2:?--store needs a directory}"; shift 2 ;;
    --workers) workers="${2:?--workers needs a number or auto}"; shift 2 ;;
    --access-log) access_log="${2:?--access-log needs a file or off}"; shift 2 ;;
    --trust) trust+=("${2:?--trust needs an address or CIDR range}"); shift 2 ;;
    --check) check=true; shift ;;
    *) fail "unknown argument $1 (see the top of this file)" ;;
  esac
done

command -v nginx >/dev/null || fail "nginx is not installed. On Debian: apt-get install nginx"
[ -f "$mime_types" ] || fail "$mime_types is missing (Debian's nginx-common ships it)"
[ -d "$static" ] || fail "$static does not exist: build the app first (npm run build)"
[[ "$workers" =~ ^([1-9][0-9]*|auto)$ ]] || fail "--workers must be a number or auto, not $workers"
[ ${#upstreams[@]} -gt 0 ] || upstreams=(127.0.0.1:3000)

# One server line per instance. A failed connection, a timeout or a 502/503 marks the instance down
# for fail_timeout after max_fails of them, so readers stop waiting on a dead one; with a single
# instance nginx never marks it down (there is nowhere else to go).
servers=
declare -A seen=()
for upstream in "${upstreams[@]}"; do
  [[ "$upstream" =~ ^[A-Za-z0-9.-]+:[0-9]{1,5}$|^\[[0-9A-Fa-f:]+\]:[0-9]{1,5}$|^unix:/[^[:space:]]+$ ]] ||
    fail "--upstream needs HOST:PORT (or unix:/path), not $upstream"
  [ -z "${seen[$upstream]:-}" ] || fail "--upstream $upstream is given twice"
  seen[$upstream]=1
  servers="$servers        server $upstream max_fails=2 fail_timeout=5s;\n"
done

prefix="$(mkdir -p "$prefix" && cd "$prefix" && pwd)"
static="$(cd "$static" && pwd)"
mkdir -p "$prefix/logs" "$prefix/temp"
# Started as root, nginx's workers run as nobody: they must be able to reach the cache and temp
# directories nginx creates (and chowns) under the prefix.
chmod 755 "$prefix" "$prefix/temp"
if [ -n "$store" ]; then
  # The app may start after nginx: until it has written the store, every page goes to the app.
  mkdir -p "$store"
  store="$(cd "$store" && pwd)"
else
  store="$prefix/no-store"
fi

# Brotli copies from the store, where Debian's module is installed (the app writes them anyway).
load_modules=
brotli_static=
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ -f "$brotli_module" ]; then
  load_modules="load_module $brotli_module;"
  brotli_static="            brotli_static on;"
fi
case "$access_log" in
  off) access_log=off ;;
  '') access_log="$prefix/logs/access.log byline buffer=64k flush=5s" ;;
  *) access_log="$access_log byline buffer=64k flush=5s" ;;
esac

real_ip=
if [ ${#trust[@]} -gt 0 ]; then
  for proxy in "${trust[@]}"; do
    [[ "$proxy" =~ ^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$ ]] || fail "--trust needs an address or CIDR range, not $proxy"
    real_ip="$real_ip    set_real_ip_from $proxy;\n"
  done
  real_ip="$real_ip    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;"
fi

# The values go into sed replacements: refuse the characters that would break them.
for value in "$listen" "$prefix" "$static" "$store" "$access_log"; do
  [[ "$value" != *[\|\;\&\\]* ]] || fail "unsupported character in \"$value\""
done
sed -e "s|@LISTEN@|$listen|g" \
    -e "s|@UPSTREAM_SERVERS@|$servers|g" \
    -e "s|@PREFIX@|$prefix|g" \
    -e "s|@STATIC_DIR@|$static|g" \
    -e "s|@STORE@|$store|g" \
    -e "s|@LOAD_MODULES@|$load_modules|g" \
    -e "s|@BROTLI_STATIC@|$brotli_static|g" \
    -e "s|@WORKERS@|$workers|g" \
    -e "s|@ACCESS_LOG@|$access_log|g" \
    -e "s|@MIME_TYPES@|$mime_types|g" \
    -e "s|@REAL_IP@|$real_ip|g" \
    "$here/nginx.conf.template" >"$prefix/nginx.conf"
if grep -q '@[A-Z_]*@' "$prefix/nginx.conf"; then fail "placeholders left unreplaced in $prefix/nginx.conf"; fi

nginx -t -q -e stderr -p "$prefix/" -c "$prefix/nginx.conf"
if [ "$check" = true ]; then
  echo "deploy/run.sh: $prefix/nginx.conf is valid"
  exit 0
fi
echo "deploy/run.sh: nginx on $listen in front of ${upstreams[*]} (config: $prefix/nginx.conf)"
exec nginx -e stderr -p "$prefix/" -c "$prefix/nginx.conf"
