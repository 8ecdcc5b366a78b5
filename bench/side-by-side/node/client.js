#!/usr/bin/env node
// The "node-official" candidate of the side-by-side client benchmark: socket.io-client 4.8.4.
//
//   node bench/side-by-side/node/client.js URL SCENARIO N SIZE TRANSPORT WARMUP
//
// Prints one JSON line; exit code 0 when the result is ok. Scenarios (bench/README.md,
// "Client, side by side"): emit, ack, push, connect. Every wait is bounded by
// BENCH_PHASE_TIMEOUT_S (60).
'use strict';

const { io } = require('socket.io-client');
const pkg = require('socket.io-client/package.json');

const result = {
  candidate: process.env.BENCH_CANDIDATE || 'node-official',
  impl: `socket.io-client ${pkg.version} / node ${process.versions.node}`,
  ok: false,
};
const timeoutMs = 1000 * Number(process.env.BENCH_PHASE_TIMEOUT_S || 60);
const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

function finish(code) {
  result.peak_rss_kb = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(code));
}

function usage(message) {
  result.error = 'usage: URL SCENARIO N SIZE TRANSPORT WARMUP: ' + message;
  finish(2);
}

// A promise that fails after the phase timeout, or as soon as the socket disconnects.
function bounded(socket, what, executor) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout after ${timeoutMs} ms: ${what()}`)), timeoutMs);
    const lost = (reason) => reject(new Error(`disconnected: ${reason}`));
    socket.once('disconnect', lost);
    executor((v) => {
      clearTimeout(timer);
      socket.off('disconnect', lost);
      resolve(v);
    }, reject);
  });
}

function open(url, transport) {
  const socket = io(url, { forceNew: true, reconnection: false, transports: [transport], upgrade: false, timeout: timeoutMs });
  return bounded(socket, () => `connect to ${url}`, (resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(new Error(`connect_error: ${e.message}`)));
  });
}

// Runs a phase between two server stats calls; puts elapsed, client and server CPU.
async function measured(socket, phase) {
  const stats = () => bounded(socket, () => 'stats', (resolve) => socket.emit('stats', resolve));
  const before = await stats();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const out = await phase();
  const elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const after = await stats();
  result.elapsed_ms = round(elapsedMs, 3);
  result.client_cpu_ms = round((cpu.user + cpu.system) / 1000, 1);
  if (before && after && typeof before.cpu_us === 'number') {
    result.server_cpu_ms = round((after.cpu_us - before.cpu_us) / 1000, 1);
  }
  return out;
}

function latencies(nanos, unit) {
  const div = unit === 'ms' ? 1e6 : 1e3;
  const sorted = Float64Array.from(nanos).sort();
  const rank = (p) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
  result[`mean_${unit}`] = round(sorted.reduce((a, b) => a + b, 0) / sorted.length / div, 3);
  for (const [name, p] of [['p50', 0.5], ['p90', 0.9], ['p99', 0.99]]) result[`${name}_${unit}`] = round(rank(p) / div, 3);
  result[`max_${unit}`] = round(sorted[sorted.length - 1] / div, 3);
}

const scenarios = {
  async emit(url, transport, n, payload, warmup) {
    const socket = await open(url, transport);
    const phase = (count) => {
      for (let i = 0; i < count; i++) socket.emit('count', payload);
      return bounded(socket, () => `count-done after ${count} events`, (resolve) => socket.emit('count-done', resolve));
    };
    if (warmup > 0 && (await phase(warmup)) !== warmup) throw new Error('warm-up: the server did not count every event');
    const counted = await measured(socket, () => phase(n));
    socket.disconnect();
    result.server_count = counted;
    result.rate = round(n / (result.elapsed_ms / 1000), 1);
    result.ok = counted === n;
  },
  async ack(url, transport, n, payload, warmup) {
    const socket = await open(url, transport);
    const phase = (count, record) => {
      let done = 0;
      let bad = 0;
      return bounded(socket, () => `ack after ${done} of ${count} round trips`, (resolve) => {
        let start;
        const next = () => {
          start = process.hrtime.bigint();
          socket.emit('echo', payload, (reply) => {
            if (record) record[done] = Number(process.hrtime.bigint() - start);
            if (reply !== payload) bad++;
            if (++done === count) resolve(bad);
            else next();
          });
        };
        next();
      });
    };
    if (warmup > 0) await phase(warmup, null);
    const nanos = new Array(n);
    const bad = await measured(socket, () => phase(n, nanos));
    socket.disconnect();
    result.rate = round(n / (result.elapsed_ms / 1000), 1);
    latencies(nanos, 'us');
    result.bad_replies = bad;
    result.ok = bad === 0;
  },
  async push(url, transport, n, payload, warmup) {
    const socket = await open(url, transport);
    const size = payload.length;
    const phase = (count) => {
      let received = 0;
      let wrongSize = 0;
      const onP = (text) => {
        received++;
        if (typeof text !== 'string' || text.length !== size) wrongSize++;
      };
      socket.on('p', onP);
      return bounded(socket, () => `push-done after ${received} of ${count} events`, (resolve) => {
        socket.once('push-done', () => {
          socket.off('p', onP);
          resolve([received, wrongSize]);
        });
        socket.emit('push', count, size);
      });
    };
    if (warmup > 0) await phase(warmup);
    const [received, wrongSize] = await measured(socket, () => phase(n));
    socket.disconnect();
    result.received = received;
    result.bad_payloads = wrongSize;
    result.rate = round(n / (result.elapsed_ms / 1000), 1);
    result.ok = received === n && wrongSize === 0;
  },
  async connect(url, transport, n, payload, warmup) {
    for (let i = 0; i < warmup; i++) (await open(url, transport)).disconnect();
    const nanos = new Array(n);
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const start = process.hrtime.bigint();
      const socket = await open(url, transport);
      nanos[i] = Number(process.hrtime.bigint() - start);
      socket.disconnect();
    }
    const elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    result.elapsed_ms = round(elapsedMs, 3);
    result.client_cpu_ms = round((cpu.user + cpu.system) / 1000, 1);
    result.rate = round(n / (elapsedMs / 1000), 1);
    latencies(nanos, 'ms');
    result.ok = true;
  },
};

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 6) return usage(`got ${args.length} arguments`);
  const [url, scenario, nText, sizeText, transport, warmupText] = args;
  const [n, size, warmup] = [nText, sizeText, warmupText].map(Number);
  Object.assign(result, { scenario, transport, n, size, warmup });
  if (!scenarios[scenario]) return usage(`SCENARIO must be emit, ack, push or connect, was ${scenario}`);
  if (transport !== 'websocket' && transport !== 'polling') return usage(`TRANSPORT must be websocket or polling, was ${transport}`);
  if (![n, size, warmup].every(Number.isInteger) || n < 1 || n > 10_000_000 || warmup < 0 || warmup > 10_000_000 || size < 0 || size > 1 << 20) {
    return usage('N (1..10000000), SIZE (0..1048576) or WARMUP out of range');
  }
  try {
    await scenarios[scenario](url, transport, n, 'x'.repeat(size), warmup);
    finish(result.ok ? 0 : 1);
  } catch (e) {
    result.ok = false;
    result.error = e.message;
    finish(1);
  }
}

main();
