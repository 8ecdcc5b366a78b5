#!/usr/bin/env bash
# Runs RuntimeBench against a fresh Node reference server (bench/side-by-side/node/server.js), then stops it.
#   bench/runtime-bench.sh [--n N] [--acks N] [--rounds R] [--size BYTES] [--timeout-s S]
# Needs bench/target/benchmarks.jar (mvn -q -B -DskipTests -pl bench -am package) and node; the server's
# npm packages are installed from bench/side-by-side/node/package-lock.json when missing. SERVER_JS overrides
# the server script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

server_js="${SERVER_JS:-$here/side-by-side/node/server.js}"
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || { echo "missing $jar: build it first" >&2; exit 69; }
[ -f "$server_js" ] || { echo "missing $server_js (set SERVER_JS)" >&2; exit 69; }
if [ -z "${SERVER_JS:-}" ] && [ ! -d "$here/side-by-side/node/node_modules/socket.io" ]; then
  (cd "$here/side-by-side/node" && npm ci --no-audit --no-fund >&2)
fi

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
