// Open the hello example, add a Socket.IO Send from the toolbox, wire it between two nodes, fix
// the problem the loader reports (its event name), choose its connection, change a constant, save; then check
// that the saved file validates and runs with the expected output, and that a run started in the
// studio shows its received event in the messages panel.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, drag, freePort, openStudio } from './harness.mjs';

export async function authoring(options) {
  const { classpath, repo, out, javaRun } = options;
  const dir = mkdtempSync(join(tmpdir(), 'studio-authoring-'));
  const file = join(dir, 'hello.json');
  const port = await freePort();
  // The example's fixed port, moved to a free one so that parallel runs cannot collide.
  writeFileSync(file, readFileSync(join(repo, 'examples/hello/project.json'), 'utf8').replaceAll('29011', String(port)));
  const studio = await openStudio(options, file);
  const { page, node } = studio;
  try {
    const handle = (id, pin, kind) => node(id).locator(`.react-flow__handle.${kind}[data-handleid="${pin}"]`);
    await node('sayConnected').waitFor({ timeout: 15000 });
    await page.getByText('No problems').waitFor();

    // Add a node from the toolbox and move it to an empty place.
    await page.locator('.toolbox-search').fill('send');
    await page.locator('.toolbox-item[data-type="socketio.send"]').click();
    await node('send').waitFor();
    const canvas = await page.locator('.canvas').boundingBox();
    const title = node('send').locator('.pnode-title');
    const t = await title.boundingBox();
    await page.mouse.move(t.x + 20, t.y + t.height / 2);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width - 260, canvas.y + 120, { steps: 10 });
    await page.mouse.up();

    // Undo takes back the move, then the node; redo brings both back; a pasted copy gets a fresh
    // id and Delete removes it.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await node('send').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+y');
    await page.keyboard.press('Control+y');
    await node('send').waitFor();
    const back = await title.boundingBox();
    check(Math.abs(back.x - (canvas.x + canvas.width - 260 - 20)) < 30, 'redo put the node back where it was moved: ' + JSON.stringify(back));
    await title.click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await node('send2').waitFor();
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + 8); // the empty pane: nothing selected
    await node('send2').locator('.pnode-title').click({ position: { x: 8, y: 5 } });
    await page.keyboard.press('Delete');
    await node('send2').waitFor({ state: 'detached' });

    // The loader says the Send needs its event name (its connection defaults to the only one).
    const problem = page.locator('.problem', { hasText: 'node send' });
    await problem.first().waitFor();
    check((await problem.first().textContent()).includes('eventName'), 'the problem names the input: ' + await problem.first().textContent());

    // Wire it between "connected" and the hello Send: sayConnected.out → send.in (it replaces
    // sayConnected.out → hello.in: one link per pulse output), send.out → hello.in.
    await drag(page, handle('sayConnected', 'out', 'source'), handle('send', 'in', 'target'));
    await drag(page, handle('send', 'out', 'source'), handle('hello', 'in', 'target'));

    // Choose its connection from the drop-down, and what it sends (the fix).
    await title.click();
    await page.locator('select[name="attr-configuration"]').selectOption('main');
    await page.locator('input[name="input-eventName"]').fill('note');
    await page.locator('input[name="input-message"]').fill('from the studio');
    await page.getByText('No problems').waitFor({ timeout: 10000 });

    // Change a constant of another node.
    await node('sayConnected').locator('.pnode-title').click();
    await page.locator('input[name="input-message"]').fill('connected from the studio');
    await page.screenshot({ path: join(out, 'studio-authoring.png') });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.notice', { hasText: 'saved' }).waitFor();

    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const graph = saved.logic.project;
    const send = graph.nodes.find(n => n.id === 'send');
    check(send && send.attributes.configuration === 'main', 'the saved Send has its connection: ' + JSON.stringify(send));
    const links = graph.links.map(l => l.from + '>' + l.to);
    check(links.includes('sayConnected.out>send.in') && links.includes('send.out>hello.in') && !links.includes('sayConnected.out>hello.in'),
      'the saved links are rewired: ' + links.join(', '));

    const trace = join(dir, 'hello.trace.jsonl');
    const run = await javaRun(classpath, file, trace);
    const expected = [`server listening on port ${port}`, 'connected from the studio', 'server got: Hello, Socket.IO!',
      'server says: Hello, Socket.IO!', 'disconnected (io client disconnect)', 'server stopped'].join('\n');
    check(run.code === 0, 'the saved project runs with exit code 0, got ' + run.code + '\n' + run.stderr);
    check(run.stdout.trim() === expected, 'the saved project prints\n' + expected + '\nbut printed\n' + run.stdout);
    check(readFileSync(trace, 'utf8').includes('"kind":"sent","connection":"main","namespace":"/","name":"note"'),
      'the trace has the added Send\'s event');
    copyFileSync(trace, join(out, 'hello.trace.jsonl'));

    // Run it in the studio and see the received event in the messages panel.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('[data-panel="messages"]').click();
    // (Generous waits: this is the studio process's first run, its hosted server and client cold.)
    await page.locator('tr.msg-received', { hasText: 'echo-back' }).first().waitFor({ timeout: 45000 }).catch(async e => {
      await page.screenshot({ path: join(out, 'studio-run-failed.png') });
      await page.locator('[data-panel="printed"]').click();
      throw new Error(e.message + '\nprinted so far: ' + await page.locator('.bottom-body').textContent());
    });
    await page.locator('.run-state', { hasText: 'stopped' }).waitFor({ timeout: 30000 });
    await node('sayEcho').locator('.pnode-live', { hasText: 'ran 1×' }).waitFor();
    await page.screenshot({ path: join(out, 'studio-run.png') });
    studio.checkNoPageErrors();
  } finally {
    await studio.close();
  }
}
