// The studio's benchmarks (not tests: they print figures and assert nothing about time). A real
// Chromium from Debian's packages, the studio's Java side from the test class path, and the
// official Node.js socket.io server in this process. Maven runs it instead of the browser tests:
//   mvn -B -pl studio -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dstudio.browser.script=bench/run.mjs
// 1. open: a 500-node project (no positions: laid out by the page) is opened; time until the nodes
//    in view are drawn and the loader's answer is shown, then until a click on a node shows it in the
//    side panel; the longest task meanwhile.
// 2. watch: a project echoes with the Node server as fast as it can, once from a plain run (no
//    studio, no trace) and once run in the studio with the page open and watching; the Node server
//    counts round trips per second; the page records its long tasks and the trace events it was sent.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Server } from 'socket.io';
import { launch, studioSession } from '../test/harness.mjs';

const arg = name => process.argv[process.argv.indexOf('--' + name) + 1];
const classpath = arg('classpath');
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error('studio benchmarks need ' + CHROMIUM + ' (apt-get install -y chromium)');
  process.exit(69);
}
const dir = mkdtempSync(join(tmpdir(), 'studio-bench-'));
const sleep = ms => new Promise(r => setTimeout(r, ms));
const watchLongTasks = () => {
  window.__longTasks = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => window.__longTasks.push(e.duration)))
    .observe({ type: 'longtask', buffered: true });
};

function bigProject(count) {
  const nodes = [{ id: 'start', type: 'core.onProjectStart' }];
  const links = [];
  for (let i = 1; i < count; i++) {
    nodes.push({ id: 'p' + i, type: 'core.print', inputs: { message: 'line ' + i } });
    links.push({ from: (i === 1 ? 'start' : 'p' + (i - 1)) + '.out', to: 'p' + i + '.in' });
  }
  return { format: 1, name: 'big', logic: { project: { nodes, links } } };
}

async function open(browser, count) {
  const file = join(dir, 'big.json');
  writeFileSync(file, JSON.stringify(bigProject(count), null, 2) + '\n');
  const studio = await studioSession(classpath, file);
  try {
    // The first load is the studio process's first: its loader is not compiled yet. Then again, warm.
    for (const round of ['first load', 'again', 'again']) {
      const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
      try {
        await page.addInitScript(watchLongTasks);
        const t0 = Date.now();
        await page.goto(studio.url);
        await page.locator('.react-flow__node').first().waitFor({ timeout: 30000 });
        const first = Date.now() - t0;
        await page.getByText('No problems').waitFor({ timeout: 30000 });
        const drawn = Date.now() - t0;
        const inDom = await page.locator('.react-flow__node').count();
        const t1 = Date.now();
        const visible = await page.evaluate(() => [...document.querySelectorAll('.react-flow__node')].map(n => {
          const r = n.getBoundingClientRect();
          const c = document.querySelector('.canvas').getBoundingClientRect();
          return { id: n.dataset.id, inside: r.left > c.left && r.top > c.top && r.right < c.right - 250 && r.bottom < c.bottom - 200 };
        }).find(n => n.inside && n.id !== 'start').id);
        await page.locator(`.react-flow__node[data-id="${visible}"] .pnode-title`).click();
        await page.locator('.panel-section h3', { hasText: visible }).first().waitFor({ timeout: 10000 });
        const clicked = Date.now() - t1;
        const longest = Math.max(0, ...await page.evaluate(() => window.__longTasks));
        console.log(`open ${count} nodes (${round}): first node drawn in ${first} ms, the ${inDom} in view drawn and checked in ${drawn} ms;`
          + ` a click selects in ${clicked} ms; longest task ${longest.toFixed(0)} ms`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await studio.stop();
  }
}

function echoProject(url) {
  const conn = { configuration: 'node' };
  const nodes = [
    { id: 'go', type: 'core.onProjectStart' },
    { id: 'listen', type: 'socketio.subscribe', attributes: conn, inputs: { eventName: 'pong' } },
    { id: 'connect', type: 'socketio.start', attributes: conn },
    { id: 'onConnected', type: 'socketio.onStart', attributes: conn },
    { id: 'first', type: 'socketio.send', attributes: conn, inputs: { eventName: 'ping', message: 'x' } },
    { id: 'onPong', type: 'socketio.onReceive', attributes: { ...conn, eventName: 'pong' } },
    { id: 'again', type: 'socketio.send', attributes: conn, inputs: { eventName: 'ping' } },
  ];
  const links = [['go.out', 'listen.in'], ['listen.out', 'connect.in'], ['onConnected.out', 'first.in'],
    ['onPong.out', 'again.in'], ['onPong.message', 'again.message']].map(([from, to]) => ({ from, to }));
  return { format: 1, name: 'echo', settings: { socketio: { connections: [{ name: 'node', url }] } },
    logic: { project: { nodes, links } } };
}

/** Round trips per second the Node server sees over `window` ms, `warm` ms after the next ping. */
async function measure(io, warm, window) {
  const start = io.__pings;
  for (let waited = 0; io.__pings === start; waited += 50) {
    if (waited > 60000) throw new Error('no ping reached the Node server within 60 s');
    await sleep(50);
  }
  await sleep(warm);
  const before = io.__pings;
  await sleep(window);
  return ((io.__pings - before) * 1000) / window;
}

async function watch(browser, seconds) {
  const http = createServer();
  const io = new Server(http);
  io.__pings = 0;
  io.on('connection', socket => socket.on('ping', m => { io.__pings++; socket.emit('pong', m); }));
  await new Promise(resolve => http.listen(0, '127.0.0.1', resolve));
  const file = join(dir, 'echo.json');
  writeFileSync(file, JSON.stringify(echoProject(`http://127.0.0.1:${http.address().port}`), null, 2) + '\n');
  try {
    const plain = spawn('java', ['-cp', classpath, 'io.pulseio.studio.BrowserTestMain', 'run', file, '-'], { stdio: 'ignore' });
    const alone = await measure(io, 3000, seconds * 1000);
    plain.kill();
    await sleep(500);

    const studio = await studioSession(classpath, file);
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    try {
      await page.addInitScript(watchLongTasks);
      await page.goto(studio.url);
      await page.locator('.react-flow__node[data-id="again"]').waitFor({ timeout: 15000 });
      await page.getByText('No problems').waitFor();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.locator('.run-state', { hasText: 'running' }).waitFor({ timeout: 15000 });
      await page.evaluate(() => { window.__longTasks = []; });
      const watched = await measure(io, 3000, seconds * 1000);
      const longest = Math.max(0, ...await page.evaluate(() => window.__longTasks));
      const count = await page.locator('.react-flow__node[data-id="again"] .pnode-live').textContent();
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      console.log(`watch: ${alone.toFixed(0)} round trips/s alone, ${watched.toFixed(0)}/s in the studio with the page watching`
        + ` (${(100 * watched / alone).toFixed(0)} %); trace records ${(watched * 5).toFixed(0)}/s`
        + ` (5 per round trip: received, On Receive, its pulse, Send, sent — as a trace file of this project counts them);`
        + ` longest page task ${longest.toFixed(0)} ms; the Send node shows "${count}"`);
    } finally {
      await page.close();
      await studio.stop();
    }
  } finally {
    io.close();
  }
}

const browser = await launch(CHROMIUM);
try {
  // BENCH_ONLY=open or BENCH_ONLY=watch runs one of the two
  if (process.env.BENCH_ONLY !== 'watch') await open(browser, 500);
  if (process.env.BENCH_ONLY !== 'open') await watch(browser, 10);
} finally {
  await browser.close();
}
