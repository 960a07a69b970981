/**
 * Page cost of Gloss in real headless Chromium, side by side with baselines in the same run:
 * the same page with no extension, and mark.js highlighting terms on the same page.
 * Figures: extra main-thread time, extra total blocking time and long tasks (all from a trace
 * of the page's renderer main thread, see page-trace.ts; Gloss's own tasks and its own script
 * time within them also apart), JS heap, hover latency (dwell timer -> card painted, as the content
 * script reports it), first-run seeding time, package sizes.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, GENERATED_DIR, launchGloss, ROOT, type Gloss } from '../e2e/harness';
import { locateText, moveAway, waitForGloss } from '../e2e/reader';
import { longPageHtml } from './long-page';
import { startTrace, summarizeTrace, type TraceSummary } from './page-trace';

/** One page load: the trace summary plus the page's own measures. */
export interface PageRun extends TraceSummary {
  heapMB: number;
  mentions: number;
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576;
}

/**
 * Waits for Gloss's first scan, polling every 250 ms with a bare CDP `Runtime.evaluate` in
 * the page's main world. Not `waitForFunction`: its first call injects Playwright's own
 * script into the page (a ~100 ms microtask task that the baseline, which never waits, does
 * not have), counted against Gloss; `waitForGloss` also polls on every animation frame.
 */
async function scanned(cdp: CDPSession): Promise<number> {
  const expression = `(() => { const h = document.querySelector('[data-gloss-mentions]'); return h && h.dataset.glossScanned === '1' ? Number(h.dataset.glossMentions) : -1; })()`;
  for (const end = Date.now() + 60_000; Date.now() < end; ) {
    const { result } = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value?: unknown } };
    if (typeof result.value === 'number' && result.value >= 0) return result.value;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error('Gloss did not finish its first scan within 60 s');
}

/** Loads `url` in a fresh tab under a trace and measures it until it settles. */
async function measureLoad(gloss: Gloss, url: string, withGloss: boolean, extra?: (p: Page) => Promise<number>): Promise<PageRun> {
  const page = await gloss.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load' });
  let mentions = 0;
  if (withGloss) mentions = await scanned(cdp);
  if (extra) mentions = await extra(page);
  await page.waitForTimeout(1500); // let background chunks finish
  const trace = summarizeTrace(await stop(), url);
  await cdp.detach();
  const heap = await heapMB(page);
  await page.close();
  return { ...trace, heapMB: heap, mentions };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function medianRun(runs: PageRun[]): PageRun {
  const keys = Object.keys(runs[0] as PageRun) as (keyof PageRun)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as PageRun;
}

/** Hovers mentions and reads the latency the content script reports (ms). */
async function hoverLatencies(page: Page, phrases: { text: string; occurrence: number }[]): Promise<{ ms: number[]; labelled: string[] }> {
  const out: number[] = [];
  const labelled: string[] = [];
  for (const { text, occurrence } of phrases) {
    await moveAway(page);
    const pt = await locateText(page, text, occurrence);
    if (!pt) continue;
    await page.mouse.move(pt.x, pt.y, { steps: 2 });
    const v = await page
      .waitForFunction(
        () => {
          const host = document.querySelector('[data-gloss-mentions]') as HTMLElement | null;
          const l = host?.dataset.glossCardLatency;
          return l && host?.dataset.glossCardOpen === '1' ? Number(l) : false;
        },
        undefined,
        { timeout: 5000, polling: 50 },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => NaN);
    if (Number.isFinite(v)) out.push(v);
    labelled.push(`${text}#${occurrence}: ${v}`);
  }
  return { ms: out, labelled };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? NaN;
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((n, f) => {
    const p = join(dir, f);
    const st = statSync(p);
    return n + (st.isDirectory() ? dirSize(p) : st.size);
  }, 0);
}

/** Runs the page benchmarks; `runs` repetitions per variant (median reported). */
export async function runPageBench(runs = 3): Promise<Record<string, unknown>> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const longHtml = longPageHtml();
  writeFileSync(join(GENERATED_DIR, 'long.html'), longHtml);
  const markJs = readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
  const terms = ['Vladimir Putin', 'Kim Jong Un', 'Sergei Shoigu', 'Kursk Oblast', 'Pyongyang', 'Geran-2', '38 North', 'NATO'];

  const plain = await launchGloss({ withoutExtension: true });
  const gloss = await launchGloss();
  try {
    // Warm-up: the first page after install waits for seeding, which is measured on its own.
    const warm = await gloss.context.newPage();
    await warm.goto(gloss.fixtureUrl('joongang-putin-iran.html'));
    await waitForGloss(warm, 60_000);
    await warm.close();
    const seedMs = await gloss.worker.evaluate(() => performance.getEntriesByName('gloss:seed')[0]?.duration ?? NaN);

    const pages = {
      long: { gloss: gloss.genUrl('long.html'), plain: plain.genUrl('long.html') },
      seed: { gloss: gloss.fixtureUrl('joongang-putin-iran.html'), plain: plain.fixtureUrl('joongang-putin-iran.html') },
    };
    const result: Record<string, unknown> = { seedMs };
    // GLOSS_BENCH_PAGES=seed (or long) measures one page only, for quick before/after checks.
    const only = process.env.GLOSS_BENCH_PAGES?.split(',');
    for (const [name, urls] of Object.entries(pages)) {
      if (only && !only.includes(name)) continue;
      const base: PageRun[] = [];
      const withG: PageRun[] = [];
      const mark: PageRun[] = [];
      for (let i = 0; i < runs; i++) {
        base.push(await measureLoad(plain, urls.plain, false));
        withG.push(await measureLoad(gloss, urls.gloss, true));
        mark.push(
          await measureLoad(plain, urls.plain, false, async (p) => {
            await p.addScriptTag({ content: markJs });
            return p.evaluate(
              (t) =>
                new Promise<number>((done) => {
                  const M = (window as unknown as { Mark: new (el: Element) => { mark(t: string[], o: object): void } }).Mark;
                  let n = 0;
                  new M(document.querySelector('main') as Element).mark(t, {
                    separateWordSearch: false,
                    caseSensitive: true,
                    accuracy: 'exactly',
                    each: () => n++,
                    done: () => done(n),
                  });
                }),
              terms,
            );
          }),
        );
      }
      const b = medianRun(base);
      const g = medianRun(withG);
      const m = medianRun(mark);
      result[name] = {
        baseline: b,
        gloss: g,
        markjs: m,
        extraTaskMs: g.taskMs - b.taskMs,
        extraTaskCpuMs: g.taskCpuMs - b.taskCpuMs,
        // Runs alternate plain and Gloss: the median of each pair's difference is steadier on a
        // shared machine than the difference of the two medians.
        extraTaskCpuPairedMs: median(withG.map((r, i) => r.taskCpuMs - (base[i] as PageRun).taskCpuMs)),
        extraTbtMs: g.tbtMs - b.tbtMs,
        // Frames Gloss makes the page paint (highlights, its host), and their CPU.
        extraPaints: g.paints - b.paints,
        extraPaintCpuMs: g.paintCpuMs - b.paintCpuMs,
        glossTaskCpuMs: g.glossTaskCpuMs,
        glossLongestTaskMs: g.glossLongestMs,
        glossScriptMs: g.glossScriptMs,
        glossLongestScriptMs: g.glossLongestScriptMs,
        extraLongTasks: g.longTasks - b.longTasks,
        extraHeapMB: g.heapMB - b.heapMB,
        markjsExtraTaskMs: m.taskMs - b.taskMs,
        ratioGlossToMarkjs: (g.taskMs - b.taskMs) / Math.max(1e-9, m.taskMs - b.taskMs),
        markjsTerms: terms.length,
      };
    }

    // Hover latency on the long page: first mentions, middle, and the very end.
    const page = await gloss.context.newPage();
    await page.goto(gloss.genUrl('long.html'));
    await waitForGloss(page, 60_000);
    const phrases = [0, 1, 2, 50, 200, -200, -50, -3, -2, -1].flatMap((o) => [
      { text: 'Geran-2', occurrence: o },
      { text: 'NATO', occurrence: o },
    ]);
    phrases.push({ text: 'Chatham House', occurrence: 0 });
    const { ms: lat, labelled } = await hoverLatencies(page, phrases);
    await page.close();
    result.hover = { samples: lat.length, p50Ms: pct(lat, 0.5), p95Ms: pct(lat, 0.95), maxMs: Math.max(...lat), each: labelled };

    const contentJs = statSync(join(EXTENSION_DIR, contentScriptFile(EXTENSION_DIR))).size;
    result.package = { totalKB: dirSize(EXTENSION_DIR) / 1024, contentScriptKB: contentJs / 1024, kbKB: dirSize(join(EXTENSION_DIR, 'kb')) / 1024 };
    return result;
  } finally {
    await gloss.close();
    await plain.close();
  }
}

/** The content script's file, as the build's manifest lists it. */
function contentScriptFile(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const file = manifest.content_scripts?.[0]?.js?.[0];
  if (file === undefined) throw new Error(`no content script in ${dir}/manifest.json`);
  return file;
}
