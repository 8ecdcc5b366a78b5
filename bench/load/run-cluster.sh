#!/usr/bin/env bash
# The cluster measurement (bench/README.md, "Cluster"): for each cluster, a fresh redis-server on a
# free loopback port, three servers on it (each its own process), the load tool's N clients spread
# over the three; then everything is stopped (by PID only).
#   bench/load/run-cluster.sh [N] [BROADCASTS] [BURST] [FETCHES]    default 10000 5 20 50
#   CLUSTERS="pulseio,pulseio,node node,node,node"   the clusters, each a comma-separated list
#   BENCH_REDIS_ADAPTER=classic|streams              the adapter every server speaks (classic)
# Needs bench/build-candidate first, /usr/bin/redis-server, and interop/node_modules (socket.io 4.8.4,
# @socket.io/redis-adapter 8.3.0, @socket.io/redis-streams-adapter, redis) for the Node servers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-10000}"
broadcasts="${2:-5}"
burst="${3:-20}"
fetches="${4:-50}"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
export BENCH_SERVER_LIFETIME_S="${BENCH_SERVER_LIFETIME_S:-900}"
export BENCH_REDIS_ADAPTER="${BENCH_REDIS_ADAPTER:-classic}"
work="$(mktemp -d "${TMPDIR:-/tmp}/pulseio-cluster.XXXXXX")"
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT

# Starts "$@" with its output in $work/$name.out; sets $port from its LISTENING line.
start_server() {
  local name="$1"; shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" </dev/null &
  pids+=($!)
  port=""
  for _ in $(seq 1 300); do
    port="$(sed -n 's/^LISTENING \([0-9]*\)$/\1/p' "$work/$name.out" || true)"
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "$name did not start:" >&2; cat "$work/$name.err" >&2; exit 69
}

start_redis() {
  for _ in $(seq 1 20); do
    redis_port=$((20000 + RANDOM % 20000))
    /usr/bin/redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
      >"$work/redis.out" 2>&1 </dev/null &
    local pid=$!
    for _ in $(seq 1 50); do
      if grep -q "Ready to accept" "$work/redis.out"; then pids+=("$pid"); return 0; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
  done
  echo "redis-server did not start:" >&2; cat "$work/redis.out" >&2; exit 69
}

for cluster in ${CLUSTERS:-pulseio,pulseio,node node,node,node}; do
  start_redis
  export BENCH_REDIS="redis://127.0.0.1:$redis_port"
  urls=()
  i=0
  for server in ${cluster//,/ }; do
    i=$((i + 1))
    case "$server" in
      pulseio) start_server "s$i" "$root/bench/server-candidate" 0 127.0.0.1 ;;
      node) start_server "s$i" env "NODE_PATH=${NODE_PATH:-$root/interop/node_modules}" node --expose-gc "$here/node-server.js" 0 127.0.0.1 ;;
      *) echo "unknown server $server" >&2; exit 64 ;;
    esac
    urls+=("http://127.0.0.1:$port")
  done
  list="$(IFS=,; echo "${urls[*]}")"
  echo "== cluster $cluster ($BENCH_REDIS_ADAPTER adapter, redis port $redis_port), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  result="$(timeout 600 "$root/bench/load-tool" "$list" "$n" --broadcasts "$broadcasts" --burst "$burst" --fetches "$fetches" || true)"
  echo "{\"cluster\":\"$cluster\",\"adapter\":\"$BENCH_REDIS_ADAPTER\",\"loadavg\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"result\":${result:-null}}"
  stop_all
done
