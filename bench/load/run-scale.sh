#!/usr/bin/env bash
# The Scale measurement (bench/README.md): for each server, start it on a free loopback port, run the
# load tool against it, stop it (by its PID only).
#   bench/load/run-scale.sh [N] [BROADCASTS]          default 10000 and 5; SERVERS="pulseio node"
# Needs bench/build-candidate first and interop/node_modules (socket.io 4.8.4) for the Node server.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-10000}"
broadcasts="${2:-5}"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
export BENCH_SERVER_LIFETIME_S="${BENCH_SERVER_LIFETIME_S:-600}"
work="$(mktemp -d "${TMPDIR:-/tmp}/pulseio-scale.XXXXXX")"

for server in ${SERVERS:-pulseio node}; do
  case "$server" in
    pulseio) cmd=("$root/bench/server-candidate" 0 127.0.0.1) ;;
    node) cmd=(env "NODE_PATH=${NODE_PATH:-$root/interop/node_modules}" node --expose-gc "$here/node-server.js" 0 127.0.0.1) ;;
    *) echo "unknown server $server" >&2; exit 64 ;;
  esac
  : >"$work/$server.out"
  "${cmd[@]}" >"$work/$server.out" 2>"$work/$server.err" </dev/null &
  pid=$!
  port=""
  for _ in $(seq 1 200); do
    port="$(sed -n 's/^LISTENING \([0-9]*\)$/\1/p' "$work/$server.out" || true)"
    [ -n "$port" ] && break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    echo "$server server did not start:" >&2; cat "$work/$server.err" >&2; kill "$pid" 2>/dev/null || true; exit 69
  fi
  echo "== $server server (pid $pid, port $port), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  result="$(timeout 300 "$root/bench/load-tool" "http://127.0.0.1:$port" "$n" --broadcasts "$broadcasts" || true)"
  echo "{\"server\":\"$server\",\"loadavg\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"result\":${result:-null}}"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
rm -rf "$work"
