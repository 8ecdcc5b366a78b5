// Open the trace the authoring test's run wrote and replay it on the graph to its end: the nodes
// show how often they ran and the messages panel fills.
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, openStudio } from './harness.mjs';

export async function replay(options) {
  const { repo, out } = options;
  const trace = join(out, 'hello.trace.jsonl');
  check(existsSync(trace), 'the authoring test left no trace to replay');
  const dir = mkdtempSync(join(tmpdir(), 'studio-replay-'));
  const file = join(dir, 'hello.json');
  copyFileSync(join(repo, 'examples/hello/project.json'), file);
  const studio = await openStudio(options, file);
  const { page } = studio;
  try {
    await page.locator('.react-flow__node[data-id="sayEcho"]').waitFor({ timeout: 15000 });
    await page.locator('[data-panel="replay"]').click();
    await page.locator('.replay input[type="file"]').setInputFiles(trace);
    await page.locator('.replay select').selectOption('100');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const counter = page.locator('.replay .muted');
    await page.waitForFunction(() => {
      const m = /^(\d+) \/ (\d+) records/.exec(document.querySelector('.replay .muted').textContent);
      return m && m[1] === m[2] && Number(m[2]) > 0;
    }, null, { timeout: 20000 });
    check(/records · hello\.trace\.jsonl/.test(await counter.textContent()), 'the counter names the file');
    await page.locator('.react-flow__node[data-id="sayEcho"] .pnode-live', { hasText: 'ran 1×' }).waitFor();
    await page.locator('.react-flow__node[data-id="go"] .pnode-live', { hasText: 'ran 1×' }).waitFor();
    await page.locator('[data-panel="messages"]').click();
    await page.locator('tr.msg-received', { hasText: 'echo-back' }).first().waitFor();
    await page.locator('[data-panel="replay"]').click();
    await page.screenshot({ path: join(out, 'studio-replay.png') });
    studio.checkNoPageErrors();
  } finally {
    await studio.close();
  }
}
