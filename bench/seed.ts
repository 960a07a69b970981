/**
 * First-run seeding of the bundled knowledge base in real headless Chromium: the service
 * worker's `gloss:seed` measure (index read -> KB queryable) and its `gloss:seed:*` steps,
 * on fresh profiles. Also an update: the same profile restarted with an older bundled
 * version recorded, so the new generation is written next to the live one and swapped in.
 *
 *   npm run bench -- seed                   the build in GLOSS_EXTENSION_DIR (or .output)
 *   npm run bench -- seed --old <dir>       also another build, alternating run by run
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR } from '../e2e/harness';

/** One seed as the service worker measured it (ms per measure, without the prefix). */
type SeedRun = Record<string, number>;

export interface SeedFigures {
  runs: number;
  /** `gloss:seed`: median, min, max (ms). */
  seedMs: { median: number; min: number; max: number; each: number[] };
  /** Median of each step (`gloss:seed:<step>`), in the order they run. */
  stepsMs: Record<string, number>;
  /** Re-seed after a bundled-version change, on a profile that already holds the KB. */
  updateMs: { median: number; min: number; max: number; each: number[] };
  updateStepsMs: Record<string, number>;
  entities: number;
}

/** Launches Chromium on `profile` with the extension in `dir` and waits for its service worker. */
export async function launchWithExtension(dir: string, profile: string): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, worker };
}

// Plain strings: functions compiled by tsx carry helpers the worker does not have.
const READ_MEASURES = `Object.fromEntries(performance.getEntriesByType('measure')
  .filter((m) => m.name.startsWith('gloss:seed'))
  .map((m) => [m.name === 'gloss:seed' ? 'total' : m.name.slice(11), m.duration])
  .concat([['entities', performance.getEntriesByName('gloss:seed')[0]?.detail?.entities ?? NaN]]))`;

// Records an older bundled version, so the next start re-seeds over the live generation.
const MAKE_STALE = `new Promise((ok, fail) => {
  const req = indexedDB.open('gloss');
  req.onerror = () => fail(req.error);
  req.onsuccess = () => {
    const conn = req.result;
    const tx = conn.transaction('meta', 'readwrite');
    const store = tx.objectStore('meta');
    const get = store.get('state');
    get.onsuccess = () => store.put({ ...get.result, bundledVersion: 'bench-older' });
    tx.oncomplete = () => { conn.close(); ok(true); };
    tx.onerror = () => fail(tx.error);
  };
})`;

/**
 * Evaluates `expression` in the service worker every 100 ms until `done` accepts its value,
 * and returns that value; throws `failure` after `timeoutMs`.
 */
export async function pollWorker<T>(worker: Worker, expression: string, done: (v: T) => boolean, failure: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = (await worker.evaluate(expression)) as T;
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(failure);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Waits for the worker's `gloss:seed` measure and returns the seed's measures. */
export function waitForSeed(worker: Worker, timeoutMs = 60_000): Promise<SeedRun> {
  return pollWorker<SeedRun>(worker, READ_MEASURES, (m) => m.total !== undefined, 'no gloss:seed measure: the knowledge base was not seeded', timeoutMs);
}

/** Seeds on a fresh profile, then once more as an update on the same profile. */
async function seedOnce(dir: string): Promise<{ first: SeedRun; update: SeedRun }> {
  const profile = mkdtempSync(join(tmpdir(), 'gloss-seed-'));
  try {
    let { context, worker } = await launchWithExtension(dir, profile);
    const first = await waitForSeed(worker);
    await worker.evaluate(MAKE_STALE);
    await context.close();
    ({ context, worker } = await launchWithExtension(dir, profile));
    // A restarted browser seeds on `runtime.onStartup`; a message would also trigger it.
    const update = await waitForSeed(worker).finally(() => context.close());
    return { first, update };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const med = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;

function summarize(runs: SeedRun[]): { stats: SeedFigures['seedMs']; steps: Record<string, number> } {
  const totals = runs.map((r) => r.total ?? NaN);
  const names = Object.keys(runs[0] ?? {}).filter((k) => k !== 'total' && k !== 'entities');
  return {
    stats: { median: r1(med(totals)), min: r1(Math.min(...totals)), max: r1(Math.max(...totals)), each: totals.map(r1) },
    steps: Object.fromEntries(names.map((n) => [n, r1(med(runs.map((r) => r[n] ?? 0)))])),
  };
}

function figures(first: SeedRun[], update: SeedRun[]): SeedFigures {
  const a = summarize(first);
  const b = summarize(update);
  return {
    runs: first.length,
    seedMs: a.stats,
    stepsMs: a.steps,
    updateMs: b.stats,
    updateStepsMs: b.steps,
    entities: first[0]?.entities ?? NaN,
  };
}

/**
 * Runs the seed benchmark `runs` times per build (fresh profile each time). With `oldDir`,
 * that build is measured too, alternating with the current one so both see the same load.
 */
export async function runSeedBench(opts: { runs?: number; oldDir?: string } = {}): Promise<Record<string, unknown>> {
  const runs = opts.runs ?? 7;
  const builds: [string, string][] = [['current', EXTENSION_DIR]];
  if (opts.oldDir) builds.push(['old', opts.oldDir]);
  const got = new Map<string, { first: SeedRun[]; update: SeedRun[] }>(builds.map(([n]) => [n, { first: [], update: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const [name, dir] of builds) {
      const { first, update } = await seedOnce(dir);
      got.get(name)!.first.push(first);
      got.get(name)!.update.push(update);
      console.error(`seed ${name} #${i + 1}: first ${r1(first.total ?? NaN)} ms, update ${r1(update.total ?? NaN)} ms`);
    }
  }
  const out: Record<string, unknown> = { build: EXTENSION_DIR, ...figures(got.get('current')!.first, got.get('current')!.update) };
  const old = got.get('old');
  if (old && opts.oldDir) out.old = { build: opts.oldDir, ...figures(old.first, old.update) };
  return out;
}
