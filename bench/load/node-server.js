#!/usr/bin/env node
// The load tool's Node counterpart of BenchServer (socket.io 4.8.4 from interop/node_modules):
//
//   NODE_PATH=interop/node_modules node --expose-gc bench/load/node-server.js PORT [HOST]
//
// PORT 0 picks a free port; HOST (default 127.0.0.1) must be loopback. Prints "LISTENING <port>".
// Default socket.io options, as the shared benchmark's reference server. Exits by itself after
// BENCH_SERVER_LIFETIME_S (default 1800). Events:
//   'broadcast-ping' ([ack])  -> io.emit('ping-all', epoch microseconds), then ack(sockets)
//   'heap' (ack)              -> ack({heap_used, rss_kb, sockets}); heap used after global.gc()
//                                when node runs with --expose-gc
//   'echo' (...args, ack)     -> ack(...args)
//   'fetch-sockets' (ack)     -> ack(count of io.fetchSockets(), every server of the cluster)
// With BENCH_REDIS=redis://HOST:PORT the server joins a cluster over Redis with the official
// @socket.io/redis-adapter (BENCH_REDIS_ADAPTER=streams: @socket.io/redis-streams-adapter).
'use strict';

const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.argv[2] ?? 0);
const host = process.argv[3] ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: node node-server.js PORT [HOST]');
  process.exit(2);
}
if (!/^127\.|^::1$|^localhost$/.test(host)) {
  console.error('refusing to listen on a non-loopback address: ' + host);
  process.exit(2);
}

const httpServer = http.createServer();
const io = new Server(httpServer, { transports: ['polling', 'websocket'], serveClient: false });

async function joinCluster(url) {
  const { createClient } = require('redis');
  if (process.env.BENCH_REDIS_ADAPTER === 'streams') {
    const { createAdapter } = require('@socket.io/redis-streams-adapter');
    const client = createClient({ url });
    await client.connect();
    io.adapter(createAdapter(client));
  } else {
    const { createAdapter } = require('@socket.io/redis-adapter');
    const pub = createClient({ url });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
  }
  console.error('server: in a cluster over ' + url);
}

function heapAfterGc() {
  if (typeof global.gc === 'function') {
    for (let i = 0; i < 3; i++) global.gc();
  }
  return process.memoryUsage().heapUsed;
}

io.on('connection', (socket) => {
  socket.on('echo', (...args) => {
    const ack = args.pop();
    if (typeof ack === 'function') ack(...args);
  });
  socket.on('broadcast-ping', (...args) => {
    const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    const micros = Math.round((performance.timeOrigin + performance.now()) * 1000);
    io.emit('ping-all', micros);
    if (ack) ack(io.of('/').sockets.size);
  });
  socket.on('fetch-sockets', async (ack) => {
    if (typeof ack !== 'function') return;
    try {
      ack((await io.fetchSockets()).length);
    } catch (e) {
      ack({ error: String(e) });
    }
  });
  socket.on('heap', (...args) => {
    const ack = args.pop();
    if (typeof ack !== 'function') return;
    const heapUsed = heapAfterGc();
    ack({
      heap_used: heapUsed,
      rss_kb: Math.round(process.memoryUsage.rss() / 1024),
      sockets: io.of('/').sockets.size,
      gc: typeof global.gc === 'function',
    });
  });
});

(process.env.BENCH_REDIS ? joinCluster(process.env.BENCH_REDIS) : Promise.resolve()).then(() => {
  httpServer.listen(port, host, () => {
    process.stdout.write(`LISTENING ${httpServer.address().port}\n`);
  });
}, (e) => {
  console.error('server: cannot join the cluster: ' + e);
  process.exit(69);
});

const lifetimeS = Number(process.env.BENCH_SERVER_LIFETIME_S || 1800);
setTimeout(() => {
  console.error(`server: lifetime of ${lifetimeS}s reached, exiting`);
  process.exit(3);
}, lifetimeS * 1000).unref();

function shutdown() {
  io.close();
  httpServer.close();
  setTimeout(() => process.exit(0), 200).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
