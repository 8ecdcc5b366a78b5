// Run a project in the studio against the official Node.js socket.io server (started here, in the
// test's own process) and see what it sent and received on the graph and in the panels: the
// received event in the Messages panel, the printed line, each node's count, the Send's
// connection state.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { check, openStudio, projectFile } from './harness.mjs';

/** Start → subscribe → connect; on connect send `echo`; print the `echo-back`, disconnect, stop. */
function project(url) {
  const conn = { configuration: 'node' };
  const nodes = [
    { id: 'go', type: 'core.onProjectStart' },
    { id: 'listen', type: 'socketio.subscribe', attributes: conn, inputs: { eventName: 'echo-back' } },
    { id: 'connect', type: 'socketio.start', attributes: conn },
    { id: 'onConnected', type: 'socketio.onStart', attributes: conn },
    { id: 'send', type: 'socketio.send', attributes: conn, inputs: { eventName: 'echo', message: 'from the studio' } },
    { id: 'onEcho', type: 'socketio.onReceive', attributes: { ...conn, eventName: 'echo-back' } },
    { id: 'say', type: 'core.print' },
    { id: 'disconnect', type: 'socketio.stop', attributes: conn },
    { id: 'onDisconnected', type: 'socketio.onStop', attributes: conn },
    { id: 'done', type: 'core.stopProject' },
  ];
  const links = [['go.out', 'listen.in'], ['listen.out', 'connect.in'], ['onConnected.out', 'send.in'],
    ['onEcho.out', 'say.in'], ['onEcho.message', 'say.message'], ['say.out', 'disconnect.in'],
    ['onDisconnected.out', 'done.in']].map(([from, to]) => ({ from, to }));
  return { format: 1, name: 'against-node', settings: { socketio: { connections: [{ name: 'node', url }] } },
    logic: { project: { nodes, links } } };
}

export async function nodeServer(options) {
  const { out } = options;
  const http = createServer();
  const io = new Server(http);
  const got = [];
  io.on('connection', socket => socket.on('echo', message => {
    got.push(message);
    socket.emit('echo-back', 'node says: ' + message);
  }));
  await new Promise(resolve => http.listen(0, '127.0.0.1', resolve));
  const file = projectFile('studio-node-', 'against-node.json', project(`http://127.0.0.1:${http.address().port}`));
  let studio;
  try {
    studio = await openStudio(options, file);
    const { page, node } = studio;
    await node('send').waitFor({ timeout: 15000 });
    await page.getByText('No problems').waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.run-state', { hasText: 'stopped' }).waitFor({ timeout: 15000 });
    await page.locator('[data-panel="messages"]').click();
    const received = page.locator('tr.msg-received', { hasText: 'echo-back' }).first();
    await received.waitFor({ timeout: 5000 });
    check((await received.textContent()).includes('node says: from the studio'),
      'the received row shows the Node server\'s payload: ' + await received.textContent());
    check(await page.locator('tr.msg-sent', { hasText: 'echo' }).count() >= 1, 'the sent event is listed');
    for (const id of ['go', 'connect', 'send', 'onEcho', 'say', 'done']) {
      await node(id).locator('.pnode-live', { hasText: 'ran 1×' }).waitFor({ timeout: 5000 });
    }
    await page.screenshot({ path: join(out, 'studio-node-server.png') });
    check(got.length === 1 && got[0] === 'from the studio', 'the Node server got the event once: ' + JSON.stringify(got));
    studio.checkNoPageErrors();
  } finally {
    if (studio) await studio.close();
    io.close();
  }
}
