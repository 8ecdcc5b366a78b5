#!/usr/bin/env bash
# Server CPU and allocation per ack round trip, steady state: one server, RUNS client runs of N
# sequential acks (pulseio client, WebSocket, 64-byte payload) in a row, each measured on its own.
#
#   bench/server-ack-cpu.sh SERVER N RUNS      # SERVER: a bench-server.jar, or "node" (side-by-side/node/server.js)
#   ALLOC=1 bench/server-ack-cpu.sh bench/target/bench-server.jar 20000 3   # adds bytes allocated per op (JFR)
#
# Per run: the client's rate and p50/p99, the server's user and system CPU per op from
# /proc/PID/stat around the run, its minor page faults per op, the load average; with ALLOC=1
# (Java servers) the bytes the server's event loop threads allocated per op, from JFR's
# jdk.ThreadAllocationStatistics (every 500 ms; the server is idle between runs). Build first with
# bench/build-candidate. Linux only; needs node (JSON) and, for ALLOC, the JDK's jfr on the PATH
# (or JFR=...). Stops only the server it started.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -eq 3 ] || { echo "usage: $0 SERVER(jar|node) N RUNS" >&2; exit 64; }
server=$1; n=$2; runs=$3
[[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 100 ] && [ "$n" -le 1000000 ] || { echo "N must be 100..1000000" >&2; exit 64; }
[[ "$runs" =~ ^[0-9]+$ ]] && [ "$runs" -ge 1 ] && [ "$runs" -le 20 ] || { echo "RUNS must be 1..20" >&2; exit 64; }
spid=0
work="$(mktemp -d)"
cleanup() { if [ "$spid" -gt 0 ]; then kill -- "-$spid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
jfropt=""
if [ "${ALLOC:-0}" = 1 ] && [ "$server" != node ]; then
  printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?><configuration version="2.0">' \
    '<event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">500 ms</setting></event></configuration>' > "$work/alloc.jfc"
  jfropt="-XX:StartFlightRecording=filename=$work/rec.jfr,settings=$work/alloc.jfc,dumponexit=true"
fi
if [ "$server" = node ]; then
  setsid node "$here/side-by-side/node/server.js" 0 127.0.0.1 > "$work/srv" 2> "$work/srv.err" &
else
  BENCH_SERVER_WARMUP_MS="${BENCH_SERVER_WARMUP_MS:-8000}" setsid java $jfropt -jar "$server" 0 127.0.0.1 > "$work/srv" 2> "$work/srv.err" &
fi
spid=$!
port=""
for _ in $(seq 1 300); do port="$(sed -n 's/^LISTENING \([0-9][0-9]*\)$/\1/p' "$work/srv")"; [ -n "$port" ] && break; sleep 0.1; done
[ -n "$port" ] || { echo "server did not print LISTENING" >&2; cat "$work/srv.err" >&2; exit 1; }
warm=$(( (n + 9) / 10 ))
for r in $(seq 1 "$runs"); do
  read -r u0 s0 f0 < <(awk '{print $14, $15, $10}' "/proc/$spid/stat")
  t0=$(date +%s.%N)
  res="$(timeout 180 "$here/client-candidate" "http://127.0.0.1:$port" ack "$n" 64 websocket "$warm" 2> "$work/cli.err")"
  t1=$(date +%s.%N)
  read -r u1 s1 f1 < <(awk '{print $14, $15, $10}' "/proc/$spid/stat")
  echo "$r $t0 $t1" >> "$work/marks"
  RES="$res" node -e '
    const r = JSON.parse(process.env.RES), [n, w, du, ds, df, tck] = process.argv.slice(1).map(Number), ops = n + w;
    const us = (t) => (t * 1e6 / tck / ops).toFixed(1);
    console.log(`run ${process.argv[7]}: ${r.ok ? "ok" : "FAILED " + r.error} rate ${Math.round(r.rate)}/s p50 ${Math.round(r.p50_us)} us p99 ${Math.round(r.p99_us)} us;`
      + ` server CPU per op: user ${us(du)} + sys ${us(ds)} us, minor faults ${(df / ops).toFixed(2)}; client CPU ${(r.client_cpu_ms * 1000 / n).toFixed(1)} us/op;`
      + ` load ${require("fs").readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`);
  ' "$n" "$warm" $((u1 - u0)) $((s1 - s0)) $((f1 - f0)) "$(getconf CLK_TCK)" "$r"
done
kill -- -"$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true; spid=0
if [ -n "$jfropt" ]; then
  "${JFR:-jfr}" print --json --events jdk.ThreadAllocationStatistics "$work/rec.jfr" > "$work/alloc.json"
  node -e '
    const fs = require("fs"), [file, marks, n] = process.argv.slice(1), ops = Number(n) + Math.ceil(Number(n) / 10);
    const series = {};
    for (const e of JSON.parse(fs.readFileSync(file, "utf8")).recording.events) {
      const name = e.values.thread && e.values.thread.javaName;
      if (!name || !name.startsWith("pulseio-server")) continue;
      (series[name] ||= []).push([Date.parse(e.values.startTime) / 1000, e.values.allocated]);
    }
    for (const line of fs.readFileSync(marks, "utf8").trim().split("\n")) {
      const [r, t0, t1] = line.split(" ").map(Number);
      let bytes = 0;
      for (const pts of Object.values(series)) {
        pts.sort((a, b) => a[0] - b[0]);
        const before = pts.filter((p) => p[0] <= t0), after = pts.filter((p) => p[0] >= t1);
        bytes += (after.length ? after[0][1] : pts[pts.length - 1][1]) - (before.length ? before[before.length - 1][1] : 0);
      }
      console.log(`run ${r}: the event loops allocated ${Math.round(bytes / ops)} bytes per op`);
    }
  ' "$work/alloc.json" "$work/marks" "$n"
fi
