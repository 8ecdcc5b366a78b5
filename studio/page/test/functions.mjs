// Step into a function call and out of it: a breakpoint on a Call Function, Step opens the
// function's tab paused inside it (the caller named), Step out comes back to the caller's next
// node, Step over runs a whole call without pausing in it; Resume ends the run.
import { join } from 'node:path';
import { check, openStudio, projectFile } from './harness.mjs';

const link = ([from, to]) => ({ from, to });

// twice(x) prints "inside" and returns 2x; the project calls it with 3 and with 5 and prints each result.
const CALLS = {
  format: 1, name: 'calls', logic: {
    functions: [{
      name: 'twice', inputs: [{ name: 'x', type: 'number' }], outputs: [{ name: 'y', type: 'number' }],
      nodes: [
        { id: 'enter', type: 'core.functionInput' },
        { id: 'mul', type: 'core.math', attributes: { op: '*' }, inputs: { b: 2 } },
        { id: 'inner', type: 'core.print', inputs: { message: 'inside' } },
        { id: 'leave', type: 'core.functionOutput' },
      ],
      links: [['enter.out', 'inner.in'], ['inner.out', 'leave.in'], ['enter.x', 'mul.a'], ['mul.result', 'leave.y']].map(link),
    }],
    project: {
      nodes: [
        { id: 'start', type: 'core.onProjectStart' },
        { id: 'call1', type: 'core.callFunction', attributes: { function: 'twice' }, inputs: { x: 3 } },
        { id: 'after1', type: 'core.print' },
        { id: 'call2', type: 'core.callFunction', attributes: { function: 'twice' }, inputs: { x: 5 } },
        { id: 'after2', type: 'core.print' },
      ],
      links: [['start.out', 'call1.in'], ['call1.out', 'after1.in'], ['call1.y', 'after1.message'],
        ['after1.out', 'call2.in'], ['call2.out', 'after2.in'], ['call2.y', 'after2.message']].map(link),
    },
  },
};

export async function functions(options) {
  const { out } = options;
  const studio = await openStudio(options, projectFile('studio-functions-', 'calls.json', CALLS));
  const { page, node } = studio;
  try {
    const state = page.locator('.debug-state');
    const tab = name => page.locator('nav.tabs .tab.active', { hasText: name });
    await node('call1').waitFor({ timeout: 15000 });
    await page.getByText('No problems').waitFor();

    // F9 toggles a breakpoint on the selected node.
    await node('call1').locator('.pnode-title').click();
    await page.keyboard.press('F9');
    await node('call1').locator('.pnode-bp.bp-on').waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await state.filter({ hasText: 'paused before call1.in (breakpoint)' }).waitFor({ timeout: 15000 });

    // Step into the call: the function's tab opens, paused at its input (the caller named), then
    // at its first node.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await state.filter({ hasText: 'paused before enter (step) · in twice via call1' }).waitFor({ timeout: 5000 })
      .catch(async e => { throw new Error(e.message + '\nthe bar says: ' + await state.textContent()); });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await state.filter({ hasText: /paused before inner\.in \(step\) · in twice via call1/ }).waitFor({ timeout: 5000 })
      .catch(async e => { throw new Error(e.message + '\nthe bar says: ' + await state.textContent()); });
    await tab('twice').waitFor({ timeout: 5000 });
    await node('inner').locator('.pnode.paused').waitFor();
    await page.screenshot({ path: join(out, 'studio-debug-function.png') });

    // Step out: the rest of the call runs, the run halts before the caller's next node.
    await page.getByRole('button', { name: 'Step out', exact: true }).click();
    await state.filter({ hasText: 'paused before after1.in (step)' }).waitFor({ timeout: 5000 });
    await tab('Project').waitFor({ timeout: 5000 });
    await page.locator('.values tr.value-in[data-pin="message"] .value', { hasText: '6' }).waitFor({ timeout: 5000 })
      .catch(async e => {
        await page.screenshot({ path: join(out, 'studio-debug-function-failed.png') });
        throw new Error(e.message + '\nthe side panel says: ' + await page.locator('aside.right').textContent());
      });

    // Step, then Step over the second call: it runs whole, nothing pauses inside it.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await state.filter({ hasText: 'paused before call2.in (step)' }).waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: 'Step over', exact: true }).click();
    await state.filter({ hasText: 'paused before after2.in (step)' }).waitFor({ timeout: 5000 });
    check(await tab('Project').count() === 1, 'step over stayed in the project graph');

    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.locator('.run-state', { hasText: 'stopped' }).waitFor({ timeout: 15000 }).catch(() => {});
    await page.locator('[data-panel="printed"]').click();
    await page.getByText('10', { exact: true }).waitFor({ timeout: 5000 });
    const printed = await page.locator('.bottom-body').textContent();
    check(/inside.*6.*inside.*10/s.test(printed), 'the run printed inside, 6, inside, 10: ' + printed);
    studio.checkNoPageErrors();
  } finally {
    await studio.close();
  }
}
