// Wires the page accepts are the ones the loader accepts: a loop of computed nodes is refused (the
// loader's DATA_CYCLE), a pulse back into its own node is allowed; a JSON attribute typed in the side
// panel is saved as a JSON value.
import { readFileSync } from 'node:fs';
import { check, drag, openStudio, projectFile } from './harness.mjs';

const PROJECT = {
  format: 1,
  name: 'wiring',
  logic: {
    project: {
      nodes: [
        { id: 'm1', type: 'core.math', inputs: { a: 1, b: 1 }, position: { x: 0, y: 0 } },
        { id: 'm2', type: 'core.math', inputs: { b: 2 }, position: { x: 260, y: 0 } },
        { id: 'p', type: 'core.print', inputs: { message: 'x' }, position: { x: 0, y: 200 } },
        { id: 'sw', type: 'core.switch', attributes: { cases: ['a'] }, inputs: { value: 'a' }, position: { x: 260, y: 200 } },
      ],
      links: [{ from: 'm1.result', to: 'm2.a' }],
    },
  },
};

export async function wiring(options) {
  const file = projectFile('studio-wiring-', 'wiring.json', PROJECT);
  const studio = await openStudio(options, file);
  const { page, node } = studio;
  const handle = (id, pin, kind) => node(id).locator(`.react-flow__handle.${kind}[data-handleid="${pin}"]`);
  const edges = () => page.locator('.react-flow__edge').count();
  try {
    await node('m1').waitFor({ timeout: 15000 });
    await page.getByText('No problems').waitFor({ timeout: 15000 });
    const before = await edges();
    await drag(page, handle('m2', 'result', 'source'), handle('m1', 'a', 'target'));
    await page.waitForTimeout(300);
    check((await edges()) === before, 'a wire closing a loop of computed nodes was accepted');
    await drag(page, handle('p', 'out', 'source'), handle('p', 'in', 'target'));
    // (a loop back into its own node is drawn as a path of no size: attached, not visible)
    await page.locator('.react-flow__edge[data-id="p.out>p.in"]').waitFor({ state: 'attached', timeout: 5000 });
    await page.getByText('No problems').waitFor({ timeout: 5000 });

    await node('sw').locator('.pnode-title').click();
    const cases = page.locator('input[name="attr-cases"]');
    await cases.fill('');
    await cases.pressSequentially('["a", 2]', { delay: 10 });
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => !document.querySelector('.topbar .file').textContent.includes('•'), null, { timeout: 5000 });
    const saved = JSON.parse(readFileSync(file, 'utf8')).logic.project;
    const sw = saved.nodes.find(n => n.id === 'sw');
    check(JSON.stringify(sw.attributes.cases) === '["a",2]', 'saved cases: ' + JSON.stringify(sw.attributes.cases));
    check(saved.links.some(l => l.from === 'p.out' && l.to === 'p.in'), 'the pulse loop was not saved: ' + JSON.stringify(saved.links));
    check(!saved.links.some(l => l.from === 'm2.result'), 'the refused wire was saved');
    studio.checkNoPageErrors();
  } finally {
    await studio.close();
  }
}
