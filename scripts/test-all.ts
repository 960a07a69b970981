/**
 * `npm test`: everything CI runs, in order, with one closing line that sums the results:
 * typecheck, lint, unit tests (Vitest), the Chrome and Firefox builds, web-ext lint of the
 * Firefox build, and the end-to-end tests in headless Chromium. Each step counts as passed
 * or failed; Vitest steps count their individual tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const REPORT_DIR = join(process.cwd(), '.output', 'test-reports');
mkdirSync(REPORT_DIR, { recursive: true });

function run(label: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = res.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${res.status ?? res.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

function step(label: string, cmd: string, args: string[]): boolean {
  const ok = run(label, cmd, args);
  if (ok) total.passed++;
  else {
    total.failed++;
    failures.push(label);
  }
  return ok;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string }[] }[];
}

function vitest(label: string, extra: string[]): void {
  const out = join(REPORT_DIR, `${label.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    total.failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    for (const t of file.assertionResults) if (t.status === 'failed') failures.push(`${label}: ${t.fullName}`);
    // A file that failed to load has no assertions but still failed.
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      total.failed++;
      failures.push(`${label}: ${file.name} did not run`);
    }
  }
  if (!ok && report.numFailedTests === 0 && !failures.some((f) => f.startsWith(label))) {
    total.failed++;
    failures.push(`${label} (runner exited non-zero)`);
  }
}

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

if (want('typecheck')) {
  step('typecheck', 'npx', ['tsc', '--noEmit']);
  step('typecheck lib/recognize (pure: no DOM, browser or idb)', 'npx', ['tsc', '--noEmit', '-p', 'lib/recognize/tsconfig.json']);
}
if (want('lint')) step('eslint', 'npx', ['eslint', '.']);
if (want('unit')) vitest('unit', []);
let built = true;
if (want('build') || want('e2e')) built = step('build chrome-mv3', 'npm', ['run', 'build']);
if (want('firefox')) {
  if (step('build firefox', 'npm', ['run', 'build:firefox'])) {
    step('web-ext lint (0 errors)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--warnings-as-errors=false']);
  }
  // The Firefox build goes to its own folder; rebuild nothing for Chrome.
}
if (want('e2e')) {
  if (built) vitest('e2e', ['-c', 'vitest.e2e.config.ts']);
  else {
    total.failed++;
    failures.push('e2e (not run: the build failed)');
  }
}

if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  - ${f}`);
}
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed ? 1 : 0);
