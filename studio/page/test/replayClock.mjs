// Replay on the records' own clock: a trace whose records are spread over 3 s takes about 3 s at 1×
// and a quarter of that at 4×. On the hello example, whose Socket.IO nodes leave `configuration` and
// `server` out (the project's only ones), the nodes show their connection's state, with an upgrade
// shown as `open (websocket)` and the session's start not replacing it.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, openStudio } from './harness.mjs';

const S = 1e9;
const RECORDS = [
  { t: 0, kind: 'runStarted', project: 'hello' },
  { t: 0.05 * S, kind: 'connection', connection: 'local', state: 'listening', detail: '127.0.0.1:29011' },
  { t: 0.1 * S, kind: 'connection', connection: 'main', state: 'connecting', detail: 'http://127.0.0.1:29011' },
  { t: 0.2 * S, kind: 'connection', connection: 'main', state: 'open', detail: 'polling' },
  { t: 0.3 * S, kind: 'connection', connection: 'main', state: 'started', detail: 'AAAAAAAAAAAAAAAA' },
  { t: 0.4 * S, kind: 'connection', connection: 'main', state: 'transport', detail: 'websocket' },
  { t: 1 * S, kind: 'node', node: 'go', nodeType: 'core.onProjectStart', graph: 'project', ns: 1000 },
  { t: 2 * S, kind: 'node', node: 'connect', nodeType: 'socketio.start', graph: 'project', ns: 1000 },
  { t: 3 * S, kind: 'node', node: 'disconnect', nodeType: 'socketio.stop', graph: 'project', ns: 1000 },
  { t: 3 * S, kind: 'connection', connection: 'main', state: 'closed', detail: 'forced close' },
  { t: 3 * S, kind: 'runStopped', exitCode: 0 },
];

export async function replayClock(options) {
  const dir = mkdtempSync(join(tmpdir(), 'studio-replay-clock-'));
  const file = join(dir, 'hello.json');
  copyFileSync(join(options.repo, 'examples/hello/project.json'), file);
  const trace = join(dir, 'slow.trace.jsonl');
  writeFileSync(trace, RECORDS.map(r => JSON.stringify(r)).join('\n') + '\n');
  const studio = await openStudio(options, file);
  const { page, node } = studio;
  const shown = async () => Number(/^(\d+) \//.exec(await page.locator('.replay .muted').textContent())[1]);
  const toEnd = () => page.waitForFunction(n => document.querySelector('.replay .muted').textContent.startsWith(n + ' / '),
    RECORDS.length, { timeout: 20000 });
  try {
    await node('connect').waitFor({ timeout: 15000 });
    await page.locator('[data-panel="replay"]').click();
    await page.locator('.replay input[type="file"]').setInputFiles(trace);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    let started = Date.now();
    await play.click();
    await page.waitForTimeout(700);
    const early = await shown();
    check(early === 6, 'at 0.7 s of a 1× replay, ' + early + ' records are shown (6 have t < 1 s)');
    // the default connection's state, the upgrade as `open (websocket)`
    await node('connect').locator('.pnode-conn', { hasText: 'main: open (websocket)' }).waitFor({ timeout: 2000 });
    await node('listen').locator('.pnode-conn', { hasText: 'local: listening (127.0.0.1:29011)' }).waitFor({ timeout: 2000 });
    await toEnd();
    const oneX = Date.now() - started;
    check(oneX > 2700, 'a 3 s trace played in ' + oneX + ' ms at 1×');
    await node('disconnect').locator('.pnode-conn', { hasText: 'main: closed (forced close)' }).waitFor({ timeout: 2000 });
    await node('disconnect').locator('.pnode-live', { hasText: 'ran 1×' }).waitFor({ timeout: 2000 });
    // at 4× the same trace takes a quarter of the time (Play at the end starts again)
    await page.locator('.replay select').selectOption('4');
    started = Date.now();
    await play.click();
    await toEnd();
    const fourX = Date.now() - started;
    check(fourX > 600 && fourX < 2000, 'a 3 s trace played in ' + fourX + ' ms at 4×');
    studio.checkNoPageErrors();
  } finally {
    await studio.close();
  }
}
