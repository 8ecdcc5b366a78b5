// What the browser tests share: Chromium with the flags this machine needs, the studio's Java side
// as a child process (its URL read from its first line), a Java run of a saved project, and bounded waits.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function launch(executablePath) {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright gives each launch a fresh, empty user data dir of its own (it refuses --user-data-dir).
  });
}

/** Starts `BrowserTestMain edit FILE`; resolves with {url, stop()} once it printed its URL. */
export function studioSession(classpath, file) {
  const child = spawn('java', ['-cp', classpath, 'io.pulseio.studio.BrowserTestMain', 'edit', file],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error('the studio printed no URL within 30 s')); }, 30000);
    child.on('exit', code => { clearTimeout(timer); reject(new Error('the studio exited with ' + code + ' before its URL')); });
    child.stdout.on('data', chunk => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({
          url: line.trim(),
          stop: () => new Promise(done => { child.on('exit', done); child.stdin.end(); }),
        });
      }
    });
  });
}

/** Runs a saved project from Java; resolves with {code, stdout, stderr}. */
export function javaRun(classpath, file, trace) {
  const child = spawn('java', ['-cp', classpath, 'io.pulseio.studio.BrowserTestMain', 'run', file, trace]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', c => { stdout += c; });
  child.stderr.on('data', c => { stderr += c; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error('the run did not end within 60 s')); }, 60000);
    child.on('exit', code => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Drags from the centre of one element to the centre of another with the mouse, in steps. */
export async function drag(page, from, to) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Writes `project` as a new file `name` in a fresh temporary folder; returns its path. */
export function projectFile(prefix, name, project) {
  const file = join(mkdtempSync(join(tmpdir(), prefix)), name);
  writeFileSync(file, JSON.stringify(project, null, 2) + '\n');
  return file;
}

/**
 * Starts the studio on `file` and opens its page in a new tab (errors the page throws are kept):
 * {studio, page, errors, node(id), checkNoPageErrors(), close()}. Close it in a `finally`.
 */
export async function openStudio({ classpath, browser, studioSession }, file, viewport = { width: 1500, height: 950 }) {
  const studio = await studioSession(classpath, file);
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const close = async () => {
    await page.close();
    await studio.stop();
  };
  try {
    await page.goto(studio.url);
  } catch (e) {
    await close();
    throw e;
  }
  return {
    studio, page, errors, close,
    node: id => page.locator(`.react-flow__node[data-id="${id}"]`),
    checkNoPageErrors: () => check(errors.length === 0, 'the page had errors: ' + errors.join('\n')),
  };
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export const freePort = () => new Promise(resolve => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
