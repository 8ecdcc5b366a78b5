// A new user builds the hello example in the studio alone: `pulseio edit` on a file that does not
// exist, the server and connection typed into the settings, every node dragged from the toolbox,
// its attributes and constants set in the side panel, every wire drawn pin to pin; then Save, and
// the saved file runs with the example's output.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, drag, freePort, openStudio } from './harness.mjs';

// [name, node type, column, row, attributes, constants]; columns 350 px apart, rows 170 px.
const NODES = [
  ['go', 'core.onProjectStart', 0, 0],
  ['listen', 'socketio.serverStart', 1, 0],
  ['onListening', 'socketio.onServerStart', 0, 1],
  ['sayListening', 'core.printFormat', 1, 1, {}, { format: 'server listening on port {0}' }],
  ['connect', 'socketio.start', 2, 1],
  ['onConnected', 'socketio.onStart', 0, 2],
  ['sayConnected', 'core.print', 1, 2, {}, { message: 'connected' }],
  ['hello', 'socketio.send', 2, 2, {}, { eventName: 'echo', message: 'Hello, Socket.IO!' }],
  ['onEcho', 'socketio.onServerReceive', 0, 3, { eventName: 'echo' }],
  ['sayGot', 'core.printFormat', 1, 3, {}, { format: 'server got: {0}' }],
  ['echoBack', 'socketio.serverEmit', 2, 3, { target: 'client' }, { eventName: 'echo-back' }],
  ['onEchoBack', 'socketio.onReceive', 0, 4, { eventName: 'echo-back', subscribe: 'true' }],
  ['sayEcho', 'core.printFormat', 1, 4, {}, { format: 'server says: {0}' }],
  ['disconnect', 'socketio.stop', 2, 4],
  ['onDisconnected', 'socketio.onStop', 3, 0],
  ['sayBye', 'core.printFormat', 4, 0, {}, { format: 'disconnected ({0})' }],
  ['close', 'socketio.serverStop', 5, 0],
  ['onClosed', 'socketio.onServerStop', 3, 1],
  ['sayClosed', 'core.print', 4, 1, {}, { message: 'server stopped' }],
  ['done', 'core.stopProject', 5, 1],
  ['onError', 'socketio.onError', 3, 2],
  ['sayError', 'core.printFormat', 4, 2, {}, { format: 'error: {0}: {1}' }],
  ['fail', 'core.stopProject', 5, 2, {}, { exitCode: '1' }],
  ['onServerError', 'socketio.onServerError', 3, 3],
  ['sayServerError', 'core.printFormat', 4, 3, {}, { format: 'server error: {0}: {1}' }],
];

const LINKS = [
  'go.out listen.in', 'onListening.out sayListening.in', 'onListening.port sayListening.arg0',
  'sayListening.out connect.in', 'onConnected.out sayConnected.in', 'sayConnected.out hello.in',
  'onEcho.out sayGot.in', 'onEcho.message sayGot.arg0', 'sayGot.out echoBack.in', 'onEcho.clientId echoBack.to',
  'onEcho.message echoBack.message', 'onEchoBack.out sayEcho.in', 'onEchoBack.message sayEcho.arg0',
  'sayEcho.out disconnect.in', 'onDisconnected.out sayBye.in', 'onDisconnected.reason sayBye.arg0',
  'sayBye.out close.in', 'onClosed.out sayClosed.in', 'sayClosed.out done.in', 'onError.out sayError.in',
  'onError.reason sayError.arg0', 'onError.message sayError.arg1', 'sayError.out fail.in',
  'onServerError.out sayServerError.in', 'onServerError.reason sayServerError.arg0',
  'onServerError.message sayServerError.arg1', 'sayServerError.out fail.in',
];

export async function scratch(options) {
  const { classpath, out, javaRun } = options;
  const dir = mkdtempSync(join(tmpdir(), 'studio-scratch-'));
  const file = join(dir, 'my-hello.json');
  const port = await freePort();
  const studio = await openStudio(options, file, { width: 2800, height: 1400 });
  const { page } = studio;
  try {
    await page.locator('.canvas').waitFor({ timeout: 15000 });
    const canvas = await page.locator('.canvas').boundingBox();
    const emptyPane = () => page.mouse.click(canvas.x + canvas.width - 40, canvas.y + canvas.height - 40);

    // The server and the connection, typed into the project's settings.
    await page.locator('.field-json textarea').first().fill(JSON.stringify({
      servers: [{ name: 'local', host: '127.0.0.1', port }],
      connections: [{ name: 'main', url: `http://127.0.0.1:${port}` }],
    }, null, 2));

    // Each node from the toolbox onto its place, then its attributes and constants.
    const ids = new Map();
    const node = name => page.locator(`.react-flow__node[data-id="${ids.get(name)}"]`);
    for (const [name, type, col, row, attributes = {}, constants = {}] of NODES) {
      await page.locator('.toolbox-search').fill(type.slice(type.indexOf('.') + 1));
      const before = new Set(await page.locator('.react-flow__node').evaluateAll(ns => ns.map(n => n.dataset.id)));
      await page.locator(`.toolbox-item[data-type="${type}"]`).dragTo(page.locator('.canvas'),
        { targetPosition: { x: 40 + col * 350, y: 30 + row * 170 } });
      const added = page.locator('.react-flow__node.selected');
      await added.waitFor({ timeout: 5000 });
      const id = await added.getAttribute('data-id');
      check(!before.has(id), `dragging ${type} added a node (selected: ${id})`);
      ids.set(name, id);
      for (const [attr, value] of Object.entries(attributes)) {
        const field = page.locator(`[name="attr-${attr}"]`);
        if (await field.evaluate(el => el.tagName) === 'SELECT') await field.selectOption(value);
        else await field.fill(value);
      }
      for (const [input, value] of Object.entries(constants)) await page.locator(`input[name="input-${input}"]`).fill(value);
      await emptyPane();
    }
    await page.locator('.toolbox-search').fill('');

    // Every wire, drawn from output pin to input pin.
    for (const link of LINKS) {
      const [from, to] = link.split(' ').map(end => end.split('.'));
      const source = node(from[0]).locator(`.react-flow__handle.source[data-handleid="${from[1]}"]`);
      const target = node(to[0]).locator(`.react-flow__handle.target[data-handleid="${to[1]}"]`);
      const edge = page.locator(`.react-flow__edge[data-id="${ids.get(from[0])}.${from[1]}>${ids.get(to[0])}.${to[1]}"]`);
      await drag(page, source, target);
      // A drag made while the nodes are drawn again for the loader's answer to the last wire can miss
      // its pin (seen once in CI): as a user would, draw it again once; twice missed is a failure.
      await edge.waitFor({ state: 'attached', timeout: 3000 }).catch(async () => {
        await page.waitForTimeout(500);
        await drag(page, source, target);
      });
      await edge
        .waitFor({ state: 'attached', timeout: 5000 })
        .catch(async () => {
          await page.screenshot({ path: join(out, 'studio-scratch-failed.png') });
          throw new Error('the wire ' + link + ' was not drawn (screenshot studio-scratch-failed.png)');
        });
    }
    await page.getByText('No problems').waitFor({ timeout: 10000 });
    await page.screenshot({ path: join(out, 'studio-scratch.png') });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.notice', { hasText: 'saved' }).waitFor();

    const saved = JSON.parse(readFileSync(file, 'utf8'));
    check(saved.logic.project.nodes.length === NODES.length && saved.logic.project.links.length === LINKS.length,
      `the saved project has ${NODES.length} nodes and ${LINKS.length} links: ` + JSON.stringify(saved.logic.project).slice(0, 400));
    const run = await javaRun(classpath, file, join(dir, 'my-hello.trace.jsonl'));
    const expected = [`server listening on port ${port}`, 'connected', 'server got: Hello, Socket.IO!',
      'server says: Hello, Socket.IO!', 'disconnected (io client disconnect)', 'server stopped'].join('\n');
    check(run.code === 0, 'the project built in the studio runs with exit code 0, got ' + run.code + '\n' + run.stderr);
    check(run.stdout.trim() === expected, 'the project built in the studio prints\n' + expected + '\nbut printed\n' + run.stdout);
    studio.checkNoPageErrors();
  } finally {
    await studio.close();
  }
}
