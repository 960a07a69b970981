/**
 * What it costs a page to obtain the matcher. Before: the background sent the surface forms
 * and every page (and frame) compiled them. Now: the background compiles once per KB version
 * and sends the matcher serialized; the page restores it.
 *
 *   npx tsx bench/matcher-shipping.ts                 Node figures, then Chromium with .output/chrome-mv3
 *   npx tsx bench/matcher-shipping.ts --old <dir>     also Chromium with another build (e.g. the
 *                                                     previous release) in the same run, alternating
 *
 * Node: compile, serialize, message sizes, restore (trusted and verified). Chromium: the
 * content script's own user-timing measures on the demo article, one fresh tab per load:
 * `gloss:forms` (the message round trip) and `gloss:compile` (compiling forms before,
 * restoring the matcher now), plus the background's `gloss:matcher-compile`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, startServer } from '../e2e/harness';
import { waitForGloss } from '../e2e/reader';
import { compileMatcher, deserializeMatcher, serializeMatcher, type SerializedMatcher } from '../lib/recognize/index.ts';
import { loadKbForms } from './matcher.ts';

const round = (x: number, d = 1) => +x.toFixed(d);

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function bestOf(n: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) best = Math.min(best, timed(fn).ms);
  return best;
}

/** Compile, serialize and restore the bundled KB's matcher in Node. */
export function nodeFigures(): Record<string, unknown> {
  const { forms } = loadKbForms();
  const compile = timed(() => compileMatcher(forms));
  const serialize = timed(() => serializeMatcher(compile.value));
  const json = JSON.stringify(serialize.value);
  const formsJson = JSON.stringify({ version: 'x', forms });
  const parsed = () => JSON.parse(json) as SerializedMatcher;
  const firstTrusted = timed(() => deserializeMatcher(parsed(), { trusted: true })).ms;
  return {
    forms: forms.length,
    compileColdMs: round(compile.ms),
    compileBestMs: round(bestOf(5, () => compileMatcher(forms))),
    serializeMs: round(serialize.ms),
    formsMessageBytes: Buffer.byteLength(formsJson),
    matcherMessageBytes: Buffer.byteLength(json),
    parseFormsBestMs: round(bestOf(9, () => JSON.parse(formsJson)), 2),
    parseMatcherBestMs: round(bestOf(9, parsed), 2),
    restoreTrustedFirstMs: round(firstTrusted, 2),
    restoreTrustedBestMs: round(bestOf(9, () => deserializeMatcher(parsed(), { trusted: true })), 2),
    restoreVerifiedBestMs: round(bestOf(9, () => deserializeMatcher(parsed())), 2),
  };
}

interface PageSample {
  messageMs: number;
  obtainMs: number;
  mentions: number;
}

/** Loads the demo article `loads` times (fresh tab each) with the extension in `dir`. */
export async function chromiumFigures(dir: string, loads: number): Promise<{ backgroundCompileMs: number | null; samples: PageSample[] }> {
  const { server, baseUrl } = await startServer();
  const profile = mkdtempSync(join(tmpdir(), 'gloss-ship-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const samples: PageSample[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/demo/article.html`, { waitUntil: 'load' });
      const mentions = await waitForGloss(page, 60_000);
      const m = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('measure').filter((e) => e.name.startsWith('gloss:')).map((e) => [e.name, e.duration])),
      );
      samples.push({ messageMs: round(m['gloss:forms'] ?? NaN), obtainMs: round(m['gloss:compile'] ?? NaN), mentions });
      await page.close();
    }
    const bg = await worker.evaluate(() => performance.getEntriesByName('gloss:matcher-compile')[0]?.duration ?? null);
    return { backgroundCompileMs: bg === null ? null : round(bg), samples };
  } finally {
    await context.close().catch(() => undefined);
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(profile, { recursive: true, force: true });
  }
}

function summary(samples: PageSample[]): Record<string, number> {
  const sorted = (k: keyof PageSample) => samples.map((s) => s[k]).sort((a, b) => a - b);
  const med = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  return {
    firstMessageMs: samples[0]!.messageMs,
    firstObtainMs: samples[0]!.obtainMs,
    medianMessageMs: med(sorted('messageMs')),
    medianObtainMs: med(sorted('obtainMs')),
    bestObtainMs: sorted('obtainMs')[0]!,
    worstObtainMs: sorted('obtainMs').at(-1)!,
  };
}

async function main(): Promise<void> {
  console.log(JSON.stringify({ node: nodeFigures() }, null, 2));
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('No build in .output/chrome-mv3: run "npm run build" for the Chromium figures.');
    return;
  }
  const oldDir = process.argv.includes('--old') ? process.argv[process.argv.indexOf('--old') + 1] : undefined;
  const builds: [string, string][] = [['current', EXTENSION_DIR], ...(oldDir ? [['old', oldDir] as [string, string]] : [])];
  for (let round = 0; round < 2; round++) {
    for (const [label, dir] of builds) {
      const r = await chromiumFigures(dir, 8);
      console.log(JSON.stringify({ build: label, round, backgroundCompileMs: r.backgroundCompileMs, ...summary(r.samples), samples: r.samples }));
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
