// The studio's browser tests: a real Chromium from Debian's packages (/usr/bin/chromium) driven by
// playwright-core, against the studio's Java side started from the test class path. Screenshots go
// to OUT. Without chromium the tests are skipped with a message, except in CI (CI=true), where that
// is a failure. Usage (Maven runs it in integration-test):
//   node test/run.mjs --classpath CP --repo REPO --out OUT
import { existsSync, mkdirSync } from 'node:fs';
import { studioSession, javaRun, launch } from './harness.mjs';
import { authoring } from './authoring.mjs';
import { replay } from './replay.mjs';
import { nodeServer } from './nodeServer.mjs';
import { debug } from './debug.mjs';
import { scratch } from './scratch.mjs';
import { functions } from './functions.mjs';
import { panel } from './panel.mjs';
import { replayClock } from './replayClock.mjs';
import { wiring } from './wiring.mjs';

const arg = name => process.argv[process.argv.indexOf('--' + name) + 1];
const options = { classpath: arg('classpath'), repo: arg('repo'), out: arg('out') };
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (process.env.CI === 'true') {
    console.error('studio browser tests: ' + CHROMIUM + ' is missing, and in CI they must run (.ci/run installs chromium)');
    process.exit(1);
  }
  console.log('studio browser tests SKIPPED: ' + CHROMIUM + ' is missing (apt-get install -y chromium chromium-driver)');
  process.exit(0);
}
mkdirSync(options.out, { recursive: true });

const tests = [
  ['an example is edited in the studio, saved, and the saved file validates and runs', authoring],
  ['a trace file replays on the graph', replay],
  ['a project runs in the studio against the official Node server', nodeServer],
  ['a breakpoint halts a node with its input values; step; resume', debug],
  ['step into a function call, out of it, and over one', functions],
  ['the hello example is built from an empty project in the studio alone', scratch],
  ['the side panel: typed decimals, keys in fields, untouched save, plugin switch, toolbox click', panel],
  ['replay on the records\' clock; Socket.IO nodes show their default connection\'s state', replayClock],
  ['wires the loader refuses are refused, a pulse loop is not; a JSON attribute is saved as JSON', wiring],
];
let passed = 0;
let failed = 0;
const browser = await launch(CHROMIUM);
try {
  // STUDIO_TESTS=word,word runs only the tests whose names contain one of the words.
  const only = (process.env.STUDIO_TESTS || '').split(',').filter(Boolean);
  for (const [name, test] of tests.filter(([n]) => !only.length || only.some(w => n.includes(w)))) {
    const started = Date.now();
    try {
      await test({ ...options, browser, studioSession, javaRun });
      passed++;
      console.log('ok   ' + name + ' (' + (Date.now() - started) + ' ms)');
    } catch (e) {
      failed++;
      console.log('FAIL ' + name + '\n' + (e.stack || e));
    }
  }
} finally {
  await browser.close();
}
console.log(`studio browser tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
