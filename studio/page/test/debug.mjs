// Set a breakpoint from the side panel, run, see the node halted with its input values and the
// events waiting, step, then disable the breakpoint and resume: the run ends with every line printed.
import { join } from 'node:path';
import { check, openStudio, projectFile } from './harness.mjs';

// A timer ticks three times, 300 ms apart; each tick prints its count; the third stops the run.
const COUNTER = {
  format: 1, name: 'counter', logic: { project: {
    nodes: [
      { id: 'go', type: 'core.onProjectStart' },
      { id: 'tick', type: 'core.timer', inputs: { intervalMs: 300, times: 3 } },
      { id: 'text', type: 'core.formatString', inputs: { format: 'tick {0}' } },
      { id: 'say', type: 'core.print' },
      { id: 'last', type: 'core.compare', attributes: { op: '==' }, inputs: { b: 3 } },
      { id: 'if', type: 'core.branch' },
      { id: 'stop', type: 'core.stopProject' },
    ],
    links: [['go.out', 'tick.start'], ['tick.tick', 'say.in'], ['tick.count', 'text.arg0'], ['text.text', 'say.message'],
      ['say.out', 'if.in'], ['tick.count', 'last.a'], ['last.result', 'if.condition'], ['if.true', 'stop.in']]
      .map(([from, to]) => ({ from, to })),
  } },
};

export async function debug(options) {
  const { out } = options;
  const studio = await openStudio(options, projectFile('studio-debug-', 'counter.json', COUNTER));
  const { page, node } = studio;
  try {
    await node('say').waitFor({ timeout: 15000 });
    await page.getByText('No problems').waitFor();

    // A breakpoint before Print, set in the side panel.
    await node('say').locator('.pnode-title').click();
    await page.locator('input[name="breakpoint"]').click();
    await node('say').locator('.pnode-bp.bp-on').waitFor();

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const state = page.locator('.debug-state');
    await state.filter({ hasText: 'paused before say.in (breakpoint)' }).waitFor({ timeout: 15000 });
    await node('say').locator('.pnode.paused').waitFor();
    const message = page.locator('.values tr.value-in[data-pin="message"] .value');
    await message.filter({ hasText: 'tick 1' }).waitFor({ timeout: 5000 });
    // While paused the timer's next ticks queue up; the bar says how many wait.
    await state.filter({ hasText: /[12] events? waiting/ }).waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(out, 'studio-debug-paused.png') });
    check(await page.locator('[data-panel="printed"]').textContent() === 'Printed (0)', 'nothing printed before the breakpoint');

    // Step: Print runs, the run halts before the Branch.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await state.filter({ hasText: 'paused before if.in (step)' }).waitFor({ timeout: 5000 });
    await page.locator('[data-panel="printed"]', { hasText: 'Printed (1)' }).waitFor({ timeout: 5000 });

    // Disabled, the breakpoint no longer halts: resume runs to the end.
    await node('say').locator('.pnode-title').click();
    await page.locator('input[name="breakpoint-enabled"]').click();
    await node('say').locator('.pnode-bp.bp-off').waitFor();
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.locator('.run-state', { hasText: 'stopped' }).waitFor({ timeout: 15000 });
    await page.locator('[data-panel="printed"]').click();
    await page.getByText('tick 3').waitFor({ timeout: 5000 }).catch(() => {});
    const printed = await page.locator('.bottom-body').textContent();
    check(['tick 1', 'tick 2', 'tick 3'].every(t => printed.includes(t)), 'every tick printed: ' + printed);
    studio.checkNoPageErrors();
  } finally {
    await studio.close();
  }
}
