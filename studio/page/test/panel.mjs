// The side panel as a user types into it: a decimal constant typed key by key, Ctrl+S and the
// debugger's keys with the focus in a field (the field's own undo kept), Ctrl+S on an untouched
// project (no write), the plugin switch following the click at once, a toolbox click that
// centres the new node in the view, a variable's type and initial value, a function's ports.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, openStudio, projectFile } from './harness.mjs';

// Written by hand: numbers and an escape the studio's writer would write otherwise.
const HAND = `{
  "format": 1,
  "name": "panel",
  "logic": {
    "project": {
      "nodes": [
        {
          "id": "m",
          "type": "core.math",
          "inputs": {
            "a": 1.0
          },
          "position": {
            "x": 0,
            "y": 0
          },
          "comment": "caf\\u00e9"
        }
      ]
    }
  }
}
`;

export async function panel(options) {
  const file = projectFile('studio-panel-', 'panel.json', {});
  writeFileSync(file, HAND);
  const studio = await openStudio(options, file);
  const { page, node } = studio;
  const onDisk = () => readFileSync(file, 'utf8');
  try {
    await node('m').waitFor({ timeout: 15000 });
    await page.waitForTimeout(400);
    // Ctrl+S on an untouched project writes nothing (the Save button is disabled then)
    const before = statSync(file).mtimeMs;
    await page.keyboard.press('Control+s');
    await page.waitForTimeout(800);
    check(onDisk() === HAND && statSync(file).mtimeMs === before, 'Ctrl+S on an untouched project rewrote it:\n' + onDisk());

    // the plugin switch shows the click at once (not the loader's answer later)
    const plugin = page.locator('input[name="plugin-socketio"]');
    check(await plugin.isChecked(), 'socketio is on in a project without `plugins`');
    await plugin.uncheck({ timeout: 2000 });
    check(!(await plugin.isChecked()), 'the plugin switch did not follow the click');
    await page.locator('.toolbox-item[data-type="socketio.send"]').waitFor({ state: 'detached', timeout: 5000 });
    // Ctrl+Z with the focus on the checkbox (not a text field) is the page's undo
    await page.keyboard.press('Control+z');
    await page.locator('.toolbox-item[data-type="socketio.send"]').waitFor({ timeout: 5000 });
    check(await plugin.isChecked(), 'Ctrl+Z on the checkbox did not undo the switch');

    // a decimal typed key by key stays as typed, and is a number in the project
    await node('m').locator('.pnode-title').click();
    const b = page.locator('input[name="input-b"]');
    await b.pressSequentially('2.5', { delay: 30 });
    check((await b.inputValue()) === '2.5', 'typed 2.5, the field shows ' + await b.inputValue());
    await b.fill('');
    await b.pressSequentially('-0.25', { delay: 30 });
    check((await b.inputValue()) === '-0.25', 'typed -0.25, the field shows ' + await b.inputValue());
    await node('m').locator('.pin-constant', { hasText: '-0.25' }).waitFor({ timeout: 2000 });
    // Ctrl+S with the focus still in the field saves (and the browser's save dialog is not asked for)
    const prevented = page.evaluate(() => new Promise(resolve => window.addEventListener('keydown',
      e => setTimeout(() => resolve(e.defaultPrevented), 0), { once: true })));
    await b.press('Control+s');
    check(await prevented, 'Ctrl+S in a field was not prevented (the browser would open its save dialog)');
    await page.waitForFunction(() => !document.querySelector('.topbar .file').textContent.includes('•'), null, { timeout: 5000 });
    const saved = JSON.parse(onDisk()).logic.project.nodes.find(n => n.id === 'm');
    check(saved.inputs.b === -0.25 && saved.inputs.a === 1, 'saved inputs: ' + JSON.stringify(saved.inputs));
    // Ctrl+Z in the text field is the field's own undo: the project's history is not touched
    await b.press('Control+z');
    check(await page.locator('.topbar button', { hasText: 'Undo' }).isEnabled(), 'the page undid in a text field');
    // F9 in the field toggles the selected node's breakpoint
    await b.press('F9');
    await node('m').locator('.pnode-bp').waitFor({ timeout: 5000 });
    await b.press('F9');
    await node('m').locator('.pnode-bp').waitFor({ state: 'detached', timeout: 5000 });

    // a toolbox click centres the node in the view; a second one steps aside
    // (first the view is panned off `m`, which the open centred: a new node would step aside from it)
    const canvas = await page.locator('.canvas').boundingBox();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 30);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height - 60, { steps: 8 });
    await page.mouse.up();
    const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await page.locator('.toolbox-item[data-type="core.print"]').click();
    const first = await node('print').boundingBox();
    const off = [first.x + first.width / 2 - middle.x, first.y + first.height / 2 - middle.y];
    check(Math.abs(off[0]) < 30 && Math.abs(off[1]) < 30, 'the new node\'s centre is ' + off.join(', ') + ' px from the middle of the view (' + JSON.stringify(first) + ')');
    await page.locator('.toolbox-item[data-type="core.print"]').click();
    const second = await node('print2').boundingBox();
    check(Math.abs(second.x - first.x) >= 20 && Math.abs(second.x - first.x) < 80, 'the second node is not a little aside: ' + (second.x - first.x));

    // a variable gets a type and an initial value in the project's panel
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.locator('input[placeholder="new variable"]').fill('score');
    await page.locator('input[placeholder="new variable"]').press('Enter');
    await page.locator('select[name="var-type-score"]').selectOption('string');
    const initial = page.locator('input[name="var-initial-score"]');
    check((await initial.getAttribute('placeholder')) === '""', 'a string variable\'s default is not shown');
    await initial.pressSequentially('hi', { delay: 20 });
    await initial.press('Control+s');
    await page.waitForFunction(() => !document.querySelector('.topbar .file').textContent.includes('•'), null, { timeout: 5000 });
    const variables = JSON.parse(onDisk()).logic.variables;
    check(JSON.stringify(variables) === '[{"name":"score","type":"string","initial":"hi"}]', 'saved variables: ' + JSON.stringify(variables));
    // a function gets an input and an output, and a Call Function node shows them as pins
    await page.locator('input[placeholder="new function"]').fill('twice');
    await page.locator('input[placeholder="new function"]').press('Enter');
    await page.locator('input[name="fn-twice-new-inputs"]').fill('x');
    await page.locator('input[name="fn-twice-new-inputs"]').press('Enter');
    await page.locator('input[name="fn-twice-new-outputs"]').fill('y');
    await page.locator('input[name="fn-twice-new-outputs"]').press('Enter');
    await page.locator('select[name="fn-twice-outputs-y"]').selectOption('string');
    check((await page.locator('select[name="fn-twice-outputs-y"] option').allTextContents()).join() === 'string,number,boolean,json',
      'a port is offered a type the format does not have: ' + (await page.locator('select[name="fn-twice-outputs-y"] option').allTextContents()).join());
    await page.locator('.toolbox-item[data-type="core.callFunction"]').click();
    await page.locator('select[name="attr-function"]').selectOption('twice');
    await node('callFunction').locator('.pin-in[data-pin="x"]').waitFor({ timeout: 5000 });
    await node('callFunction').locator('.pin-out[data-pin="y"]').waitFor({ timeout: 5000 });
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => !document.querySelector('.topbar .file').textContent.includes('•'), null, { timeout: 5000 });
    const twice = JSON.parse(onDisk()).logic.functions[0];
    check(JSON.stringify([twice.name, twice.inputs, twice.outputs]) === '["twice",[{"name":"x","type":"number"}],[{"name":"y","type":"string"}]]',
      'saved function: ' + JSON.stringify(twice));
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.screenshot({ path: join(options.out, 'studio-panel.png') });
    studio.checkNoPageErrors();
  } finally {
    await studio.close();
  }
}
