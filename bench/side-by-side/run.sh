#!/usr/bin/env bash
# Side-by-side client benchmark: pulseio's client against the official Node client
# (socket.io-client 4.8.4) and the official Java client (io.socket:socket.io-client 2.1.2), each
# against a fresh official Node server (socket.io 4.8.4) on 127.0.0.1. See bench/README.md,
# "Client, side by side", for the cases, the variables and how to read the report.
#
#   bench/side-by-side/run.sh                      # defaults: 5 cases x 3 candidates x 3 repeats
#   BENCH_REPEAT=1 EMIT_N=20000 ACK_N=2000 PUSH_N=20000 CONNECT_M=50 bench/side-by-side/run.sh
#
# Writes bench/results/<stamp>/ (runs.jsonl, per-run .out/.err, report.md; git-ignored) and
# prints the report. Signals only the processes it started, by their PID.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

cases="${BENCH_CASES:-emit:websocket emit:polling ack:websocket push:websocket connect:websocket}"
repeat="${BENCH_REPEAT:-3}"
only="${BENCH_ONLY:-node-official java-official pulseio}"
run_timeout="${BENCH_RUN_TIMEOUT_S:-180}"
export BENCH_PHASE_TIMEOUT_S="${BENCH_PHASE_TIMEOUT_S:-60}"
export BENCH_SERVER_LIFETIME_S="${BENCH_SERVER_LIFETIME_S:-600}"
server_cmd="${BENCH_SERVER_CMD:-node $here/node/server.js}"
warmup_pct="${WARMUP_PCT:-10}"

die() { echo "run.sh: $*" >&2; exit 64; }
int_in() { [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -ge "$3" ] && [ "$2" -le "$4" ] || die "$1 must be $3..$4, was '$2'"; }
int_in BENCH_REPEAT "$repeat" 1 20
int_in WARMUP_PCT "$warmup_pct" 0 100
for v in EMIT_N ACK_N PUSH_N CONNECT_M; do
  [ -z "${!v:-}" ] || int_in "$v" "${!v}" 1 10000000
done
for c in $only; do
  case "$c" in node-official|java-official|pulseio) ;; *) die "unknown candidate '$c' in BENCH_ONLY" ;; esac
done

# scenario -> N and payload size
n_of() { case "$1" in emit) echo "${EMIT_N:-200000}" ;; ack) echo "${ACK_N:-20000}" ;; push) echo "${PUSH_N:-200000}" ;; connect) echo "${CONNECT_M:-500}" ;; *) die "unknown scenario '$1'" ;; esac; }
size_of() { case "$1" in emit) echo "${EMIT_SIZE:-64}" ;; ack) echo "${ACK_SIZE:-64}" ;; push) echo "${PUSH_SIZE:-64}" ;; connect) echo 0 ;; esac; }
for c in $cases; do
  case "${c#*:}" in websocket|polling) n_of "${c%%:*}" >/dev/null ;; *) die "unknown transport in case '$c'" ;; esac
done

candidate_cmd() {
  case "$1" in
    node-official) echo "node $here/node/client.js" ;;
    java-official) echo "java -jar $here/java-official/target/java-official.jar" ;;
    pulseio) echo "$root/bench/client-candidate" ;;
  esac
}

if [ "${BENCH_PREPARE:-1}" = 1 ]; then
  echo "== prepare" >&2
  [ -d "$here/node/node_modules/socket.io" ] || (cd "$here/node" && npm ci --no-audit --no-fund >&2)
  case " $only " in *" java-official "*) (cd "$here/java-official" && mvn -q -B package >&2) ;; esac
  case " $only " in *" pulseio "*) "$root/bench/build-candidate" >&2 ;; esac
fi

stamp="$(date -u +%Y%m%d-%H%M%S)"
out="${BENCH_RESULTS:-$root/bench/results}/$stamp"
mkdir -p "$out"
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%e %U %S %M' -o)

server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -- "-$server_pid" 2>/dev/null || kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

start_server() { # $1 = file for its stdout; sets server_pid and port
  : >"$1" # exists before the server opens it, for the sed below
  setsid $server_cmd 0 127.0.0.1 >"$1" 2>"$1.err" </dev/null &
  server_pid=$!
  port=""
  for _ in $(seq 1 300); do # up to 30 s: a JVM server warms up before LISTENING
    port="$(sed -n 's/^LISTENING \([0-9][0-9]*\)$/\1/p' "$1" || true)"
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "run.sh: the server did not print LISTENING within 30 s (see $1.err)" >&2
  stop_server
  exit 69
}

{
  echo "started $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  echo "server: $server_cmd"
  echo "cases: $cases; repeats: $repeat; candidates: $only"
} >"$out/meta.txt"

i=0
for c in $cases; do
  scenario="${c%%:*}"
  transport="${c#*:}"
  n="$(n_of "$scenario")"
  size="$(size_of "$scenario")"
  warmup=$(( (n * warmup_pct + 99) / 100 ))
  for rep in $(seq 1 "$repeat"); do
    for cand in $only; do
      i=$((i + 1))
      f="$out/$i-$scenario-$transport-$cand-$rep"
      start_server "$f.server"
      load="$(cut -d' ' -f1 /proc/loadavg)"
      set +e
      # shellcheck disable=SC2046
      BENCH_CANDIDATE="$cand" timeout "$run_timeout" ${timer[@]+"${timer[@]}"} ${timer[@]+"$f.time"} \
        $(candidate_cmd "$cand") "http://127.0.0.1:$port" "$scenario" "$n" "$size" "$transport" "$warmup" \
        >"$f.out" 2>"$f.err"
      code=$?
      set -e
      stop_server
      node "$here/report.js" --record "$f.out" "${f}.time" "$i" "$c" "$cand" "$rep" "$code" "$load" >>"$out/runs.jsonl"
      echo "$i $c $cand rep $rep: exit $code, $(head -c 160 "$f.out" | tr -d '\n')" >&2
    done
  done
done
echo "ended $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/meta.txt"
node "$here/report.js" "$out" | tee "$out/report.md"
