#!/usr/bin/env node
// Reference server of the side-by-side client benchmark: the official socket.io 4.8.4 with its
// default options (ping 25 s / 20 s, maxHttpBufferSize 1e6, polling and websocket).
//
//   node bench/side-by-side/node/server.js PORT [HOST]    PORT 0 = a free port; HOST loopback only
//
// Prints "LISTENING <port>" once bound; exits by itself after BENCH_SERVER_LIFETIME_S (1800).
// Per socket: echo (...args, ack) -> ack(...args); count (...) -> counter++;
// count-done (ack) -> ack(counter), counter = 0; push (n, size) -> n x 'p' with a size-byte string,
// 500 per event-loop turn, then 'push-done' (n); stats (ack) -> ack({cpu_us, rss_kb}).
'use strict';

const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.argv[2] ?? 0);
const host = process.argv[3] ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`usage: node server.js PORT [HOST]: PORT must be 0..65535, was ${process.argv[2]}`);
  process.exit(64);
}
if (!/^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host)) {
  console.error(`refusing to listen on ${host}: the benchmark runs on loopback only`);
  process.exit(64);
}

const PER_TURN = 500;
const httpServer = http.createServer();
const io = new Server(httpServer, { serveClient: false });

function lastIsFunction(args) {
  return args.length > 0 && typeof args[args.length - 1] === 'function';
}

io.on('connection', (socket) => {
  let counter = 0;
  socket.on('echo', (...args) => {
    if (lastIsFunction(args)) args.pop()(...args);
  });
  socket.on('count', () => {
    counter++;
  });
  socket.on('count-done', (...args) => {
    if (lastIsFunction(args)) args.pop()(counter);
    counter = 0;
  });
  socket.on('push', (n, size) => {
    const total = Math.max(0, Math.min(Number(n) || 0, 10_000_000));
    const text = 'x'.repeat(Math.max(0, Math.min(Number(size) || 0, 1 << 20)));
    let sent = 0;
    const turn = () => {
      const until = Math.min(total, sent + PER_TURN);
      for (; sent < until; sent++) socket.emit('p', text);
      if (sent < total && socket.connected) setImmediate(turn);
      else socket.emit('push-done', sent);
    };
    turn();
  });
  socket.on('stats', (...args) => {
    if (!lastIsFunction(args)) return;
    const cpu = process.cpuUsage();
    args.pop()({ cpu_us: cpu.user + cpu.system, rss_kb: Math.round(process.memoryUsage.rss() / 1024) });
  });
});

httpServer.listen(port, host, () => {
  process.stdout.write(`LISTENING ${httpServer.address().port}\n`);
});

const lifetimeS = Number(process.env.BENCH_SERVER_LIFETIME_S || 1800);
setTimeout(() => {
  console.error(`server: lifetime of ${lifetimeS} s reached, exiting`);
  process.exit(3);
}, lifetimeS * 1000).unref();

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    io.close();
    setTimeout(() => process.exit(0), 200).unref();
  });
}
