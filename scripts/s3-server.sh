#!/usr/bin/env bash
# A real S3-compatible server on this machine, for tests and the local cluster: Debian's Ceph
# `radosgw` on a single node (one monitor, one OSD on `memstore`, the gateway on 127.0.0.1). It
# checks request signatures, unlike s3rver. Everything lives in memory and in one directory: a
# stop loses every object, so never use it as a real store.
#
#   bash scripts/s3-server.sh start [--dir DIR] [--port PORT] [--bucket NAME] [--access-key KEY] [--secret-key SECRET]
#       installs Ceph from Debian if missing (as root), boots the cluster, creates an S3 user and the
#       bucket, writes DIR/s3.env and prints the S3_* environment (shell `export` lines) on stdout.
#   bash scripts/s3-server.sh stop [--dir DIR]    kills that cluster's daemons and removes DIR.
#   bash scripts/s3-server.sh env [--dir DIR]     prints the environment of a running cluster.
#   bash scripts/s3-server.sh install             only installs the packages.
#
# Defaults: DIR=${TMPDIR:-/tmp}/byline-s3, PORT=7480, bucket byline-media, generated keys.
# Progress and errors go to stderr, so `eval "$(bash scripts/s3-server.sh start)"` works.
set -euo pipefail

PACKAGES=(ceph-mon ceph-osd radosgw ceph-common)
BINARIES=(ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph ceph-authtool)

log() { printf 's3-server: %s\n' "$*" >&2; }
fail() {
  printf 's3-server: %s\n' "$*" >&2
  exit 1
}

command_name="${1:-}"
[ -n "$command_name" ] && shift
dir="${TMPDIR:-/tmp}/byline-s3"
port=7480
bucket=byline-media
access_key=""
secret_key=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --bucket) bucket="$2"; shift 2 ;;
    --access-key) access_key="$2"; shift 2 ;;
    --secret-key) secret_key="$2"; shift 2 ;;
    *) fail "unknown argument \"$1\" (see the top of $0 for usage)" ;;
  esac
done
# Absolute, because stop recognises the daemons by this path on their command lines.
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac

missing_binaries() {
  local name
  for name in "${BINARIES[@]}"; do command -v "$name" >/dev/null || printf '%s ' "$name"; done
}

install_ceph() {
  local missing
  missing="$(missing_binaries)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    fail "missing ${missing}: install them with \`sudo apt-get install ${PACKAGES[*]}\` (Debian) and run again."
  fi
  log "installing ${PACKAGES[*]} from Debian (missing: ${missing})"
  export DEBIAN_FRONTEND=noninteractive
  # The packages must not start system-wide Ceph services: policy-rc.d answering 101 is Debian's
  # way to say "no services now". One already there is someone else's; leave it alone.
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  local status=0
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}"; } >&2 || status=$?
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ "$status" = 0 ] || fail "apt-get install ${PACKAGES[*]} failed (exit $status)."
  missing="$(missing_binaries)"
  [ -z "$missing" ] || fail "still missing after installing: ${missing}"
}

conf() { printf '%s/ceph.conf' "$dir"; }
ceph_cli() { ceph -c "$(conf)" --connect-timeout 10 "$@"; }

# A start that fails half-way shows the end of the failing daemon's log, then stops what it started.
fail_start() {
  local message="$1" logfile="$2"
  log "$message; the end of $logfile:"
  tail -n 20 "$logfile" >&2 2>/dev/null || true
  stop_cluster
  exit 1
}

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local seconds="$1" what="$2" logfile="$3"
  shift 3
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail_start "$what did not come up within ${seconds}s" "$logfile"
    sleep 0.5
  done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if port_free "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  fail "found no free port for the monitor"
}

random_token() { head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c "$1"; }

osd_up() { ceph_cli osd dump 2>/dev/null | grep -q '^osd\.0 up'; }
rgw_answers() { curl -fsS -o /dev/null "http://127.0.0.1:$port/"; }

write_env() {
  cat >"$dir/s3.env" <<EOF
export S3_ENDPOINT=http://127.0.0.1:$port
export S3_BUCKET=$bucket
export S3_REGION=us-east-1
export S3_ACCESS_KEY_ID=$access_key
export S3_SECRET_ACCESS_KEY=$secret_key
export S3_FORCE_PATH_STYLE=true
EOF
}

start_cluster() {
  install_ceph
  [[ "$port" =~ ^[0-9]+$ ]] || fail "--port \"$port\" is not a port number."
  [[ "$bucket" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] || fail "--bucket \"$bucket\" is not a valid S3 bucket name."
  port_free "$port" || fail "port $port on 127.0.0.1 is in use; choose another with --port."
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    fail "$dir is not empty (a cluster already running there? stop it with \`$0 stop --dir $dir\`)."
  fi
  access_key="${access_key:-$(random_token 20 | tr '[:lower:]' '[:upper:]')}"
  secret_key="${secret_key:-$(random_token 40)}"
  local started=$SECONDS mon_port fsid osd_uuid
  mon_port="$(free_port)"
  fsid="$(cat /proc/sys/kernel/random/uuid)"
  osd_uuid="$(cat /proc/sys/kernel/random/uuid)"
  mkdir -p "$dir"/{run,log,mon/a,osd/0,rgw}
  # Interrupted half-way, leave no daemon behind.
  trap 'stop_cluster; exit 130' INT TERM

  # cephx is off inside the cluster (one node, loopback only); the gateway still checks every S3
  # request's signature against the user's keys. One OSD holds everything, so pools have size 1
  # and CRUSH places replicas across OSDs (type 0), not hosts.
  cat >"$(conf)" <<EOF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$mon_port]
public addr = 127.0.0.1
ms bind ipv6 = false
# With cephx off, a daemon can only talk to the monitor in crc mode (radosgw asks for secure alone).
ms mon client mode = crc secure
auth cluster required = none
auth service required = none
auth client required = none
run dir = $dir/run
admin socket = $dir/run/\$name.asok
pid file = $dir/run/\$name.pid
log file = $dir/log/\$name.log
keyring = $dir/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0

[mon.a]
mon data = $dir/mon/a

[osd.0]
osd data = $dir/osd/0
osd objectstore = memstore
memstore device bytes = 1073741824

[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$port
rgw data = $dir/rgw
EOF
  ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --clobber --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon -c "$(conf)" -i a --mkfs --monmap "$dir/monmap" --keyring "$dir/keyring" >"$dir/log/mkfs.log" 2>&1 ||
    fail_start "ceph-mon --mkfs failed" "$dir/log/mkfs.log"

  log "starting the monitor on 127.0.0.1:$mon_port"
  ceph-mon -c "$(conf)" -i a || fail_start "ceph-mon did not start" "$dir/log/mon.a.log"
  wait_for 60 "the monitor" "$dir/log/mon.a.log" ceph_cli mon stat

  log "starting the OSD (memstore)"
  local osd_id
  osd_id="$(ceph_cli osd new "$osd_uuid" 2>>"$dir/log/mkfs.log")" || fail_start "\`ceph osd new\` failed" "$dir/log/mkfs.log"
  [ "$osd_id" = 0 ] || fail_start "expected OSD id 0, got \"$osd_id\"" "$dir/log/mkfs.log"
  ceph-osd -c "$(conf)" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$dir/log/mkfs.log" 2>&1 ||
    fail_start "ceph-osd --mkfs failed" "$dir/log/mkfs.log"
  ceph_cli osd crush add osd.0 1.0 root=default host=localhost >>"$dir/log/mkfs.log" 2>&1 ||
    fail_start "could not place osd.0 in the CRUSH map" "$dir/log/mkfs.log"
  ceph-osd -c "$(conf)" -i 0 >>"$dir/log/mkfs.log" 2>&1 || fail_start "ceph-osd did not start" "$dir/log/osd.0.log"
  wait_for 90 "the OSD" "$dir/log/osd.0.log" osd_up

  log "starting the gateway on http://127.0.0.1:$port"
  radosgw -c "$(conf)" -n client.rgw.a || fail_start "radosgw did not start" "$dir/log/client.rgw.a.log"
  wait_for 120 "the gateway" "$dir/log/client.rgw.a.log" rgw_answers

  radosgw-admin -c "$(conf)" user create --uid=byline --display-name="Byline tests" \
    --access-key="$access_key" --secret="$secret_key" >/dev/null 2>"$dir/log/user-create.log" ||
    fail_start "radosgw-admin user create failed" "$dir/log/user-create.log"
  # curl signs the request (AWS Signature V4) itself, so no S3 client is needed; S3 also wants the
  # payload's SHA-256 (here of the empty body) in a signed header, which curl 7.88 does not add.
  local status
  status="$(curl -sS -o "$dir/log/bucket-create.xml" -w '%{http_code}' -X PUT \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
    --aws-sigv4 "aws:amz:us-east-1:s3" --user "$access_key:$secret_key" "http://127.0.0.1:$port/$bucket")" ||
    fail_start "creating bucket $bucket failed" "$dir/log/client.rgw.a.log"
  [ "$status" = 200 ] || fail_start "creating bucket $bucket answered HTTP $status: $(cat "$dir/log/bucket-create.xml")" "$dir/log/client.rgw.a.log"

  write_env
  trap - INT TERM
  log "ready in $((SECONDS - started))s (stop it with: bash $0 stop --dir $dir)"
  cat "$dir/s3.env"
}

stop_cluster() {
  [ -d "$dir" ] || return 0
  [ -f "$dir/ceph.conf" ] || fail "$dir holds no cluster started by this script (no ceph.conf); not touching it."
  local pidfile pid pids=()
  for pidfile in "$dir"/run/*.pid; do
    [ -f "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    # Only our daemons: a reused pid would not have this directory's config on its command line.
    if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir/ceph.conf"; then
      kill "$pid" 2>/dev/null && pids+=("$pid")
    fi
  done
  local deadline=$((SECONDS + 15))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do
      if [ $SECONDS -ge $deadline ]; then
        kill -9 "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  done
  rm -rf "$dir"
}

case "$command_name" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  env)
    [ -f "$dir/s3.env" ] || fail "no running cluster in $dir (no s3.env)."
    cat "$dir/s3.env"
    ;;
  install) install_ceph ;;
  *) fail "usage: $0 start|stop|env|install [--dir DIR] [--port PORT] [--bucket NAME] [--access-key KEY] [--secret-key SECRET]" ;;
esac
