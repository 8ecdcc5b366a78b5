#!/usr/bin/env bash
# Steady-state server comparison: the shared benchmark's cases against ONE long-lived server per
# kind (Node reference server, then pulseio's BenchServer), each client running each case R times
# in a row; the first run of each client/case warms the server up and is reported apart.
#   bench/load/warm-servers.sh [R]            R default 4 (1 warm-up + R-1 measured), max 10
# Env: SIDE_BY_SIDE (default bench/side-by-side: its node/server.js and node/client.js, npm ci in node/ first), CASES (default "emit push ack"),
# EMIT_N/PUSH_N (200000), ACK_N (20000). Prints one line per run: server case client run rate p50 p99.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sbs="${SIDE_BY_SIDE:-$root/bench/side-by-side}"
reps="${1:-4}"
[ "$reps" -ge 2 ] && [ "$reps" -le 10 ] || { echo "R must be 2..10" >&2; exit 64; }
export BENCH_SERVER_LIFETIME_S=600
work="$(mktemp -d "${TMPDIR:-/tmp}/pulseio-warm.XXXXXX")"
n_of() { case "$1" in ack) echo "${ACK_N:-20000}" ;; emit) echo "${EMIT_N:-200000}" ;; push) echo "${PUSH_N:-200000}" ;; esac; }

for server in node pulseio; do
  case "$server" in
    node) cmd=(node "$sbs/node/server.js" 0 127.0.0.1) ;;
    pulseio) cmd=("$root/bench/server-candidate" 0 127.0.0.1) ;;
  esac
  : >"$work/$server.out"
  "${cmd[@]}" >"$work/$server.out" 2>"$work/$server.err" </dev/null &
  pid=$!
  port=""
  for _ in $(seq 1 150); do
    port="$(sed -n 's/^LISTENING \([0-9]*\)$/\1/p' "$work/$server.out" || true)"
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "$server did not start" >&2; kill "$pid" || true; exit 69; }
  for scenario in ${CASES:-emit push ack}; do
    n="$(n_of "$scenario")"
    for client in node-official pulseio; do
      for run in $(seq 1 "$reps"); do
        case "$client" in
          node-official) c=(node "$sbs/node/client.js") ;;
          pulseio) c=("$root/bench/client-candidate") ;;
        esac
        line="$(BENCH_CANDIDATE=$client timeout 120 "${c[@]}" "http://127.0.0.1:$port" "$scenario" "$n" 64 websocket $((n / 10)) || true)"
        echo "$line" | python3 -c '
import json, sys
s, sc, cl, r, load = sys.argv[1:6]
try:
    d = json.loads(sys.stdin.read())
except Exception:
    d = {}
print(s, sc, cl, r, d.get("rate"), d.get("p50_us", "-"), d.get("p99_us", "-"), "srv_cpu_ms", d.get("server_cpu_ms"), "load", load, d.get("error") or "")
' "$server" "$scenario" "$client" "$run" "$(cut -d' ' -f1 /proc/loadavg)"
      done
    done
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
rm -rf "$work"
