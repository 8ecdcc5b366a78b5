#!/usr/bin/env bash
# Runs RuntimeBench against a fresh Node reference server (../shared/bench/node/server.js), then stops it.
#   bench/runtime-bench.sh [--n N] [--acks N] [--rounds R] [--size BYTES] [--timeout-s S]
# Needs bench/target/benchmarks.jar (mvn -q -B -DskipTests -pl bench -am package) and node with
# socket.io: interop/node_modules is used unless NODE_PATH is set. SERVER_JS overrides the server script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
server_js="${SERVER_JS:-$repo/../shared/bench/node/server.js}"
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || { echo "missing $jar: build it first" >&2; exit 69; }
[ -f "$server_js" ] || { echo "missing $server_js (set SERVER_JS)" >&2; exit 69; }
export NODE_PATH="${NODE_PATH:-$repo/interop/node_modules}"

out="$(mktemp)"
BENCH_SERVER_LIFETIME_S=900 node "$server_js" 0 127.0.0.1 >"$out" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do
  grep -q '^LISTENING ' "$out" && break
  kill -0 "$server" 2>/dev/null || { echo "the server exited" >&2; exit 69; }
  sleep 0.1
done
port="$(sed -n 's/^LISTENING //p' "$out")"
[ -n "$port" ] || { echo "the server did not start within 10 s" >&2; exit 69; }
timeout 900 java -cp "$jar" io.pulseio.bench.runtime.RuntimeBench "http://127.0.0.1:$port" "$@"
