/**
 * Soak: Gloss on a page that adds and removes nodes every 25 ms, for GLOSS_SOAK_MINUTES
 * (default 1; set e.g. 10 for the long run). The JS heap after a full GC must not grow more
 * than 5 MB between the 10 s mark and the end, the DOM node count (which counts removed nodes
 * something still holds) must stay flat, and Gloss's mention count must stay within what the
 * page can hold at once (while Gloss keeps recognizing the items that come and go).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGloss, type Gloss } from './harness';
import { waitForScan } from './reader';

const MINUTES = Math.max(0.5, Number(process.env.GLOSS_SOAK_MINUTES ?? 1) || 1);
const DURATION_MS = MINUTES * 60_000;
const BASE_MARK_MS = 10_000;
const SAMPLE_EVERY_MS = 10_000;
const MAX_HEAP_GROWTH = 5 * 1024 * 1024;
/** Holding every removed item would add ~2 nodes per 25 ms (thousands per minute). */
const MAX_NODE_GROWTH = 400;
/** hostile-churn.html keeps 40 items of at most 2 names each, plus 2 stable names. */
const MAX_MENTIONS = 2 + 40 * 2;

interface Sample {
  atMs: number;
  heap: number;
  nodes: number;
  mentions: number;
  churned: number;
}

describe(`Gloss on a page that churns for ${MINUTES} min`, () => {
  let gloss: Gloss;
  beforeAll(async () => {
    gloss = await launchGloss();
    const warm = await gloss.context.newPage();
    await warm.goto(gloss.pageUrl('hostile-csp.html'));
    await waitForScan(warm, 60_000);
    await warm.close();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it(
    'keeps the JS heap and its mention count bounded',
    async () => {
      const page = await gloss.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(gloss.pageUrl('hostile-churn.html'));
      const start = Date.now();
      const scan = await waitForScan(page, 15_000);
      expect(scan.scanned, JSON.stringify(scan.attrs)).toBe(true);

      const cdp = await gloss.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('HeapProfiler.enable');
      const sample = async (): Promise<Sample> => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
        const heap = metric('JSHeapUsedSize');
        const nodes = metric('Nodes');
        const state = await waitForScan(page, 1);
        const churned = await page.evaluate(() => (window as unknown as { __churnCount: number }).__churnCount);
        return { atMs: Date.now() - start, heap, nodes, mentions: state.mentions, churned };
      };

      const samples: Sample[] = [];
      for (let mark = BASE_MARK_MS; mark <= DURATION_MS; mark += SAMPLE_EVERY_MS) {
        const wait = start + mark - Date.now();
        if (wait > 0) await page.waitForTimeout(wait);
        const s = await sample();
        samples.push(s);
        console.info(`[soak] ${(s.atMs / 1000).toFixed(0)} s: heap ${(s.heap / 1048576).toFixed(2)} MB, DOM nodes ${s.nodes}, mentions ${s.mentions}, items churned ${s.churned}`);
      }
      const first = samples[0] as Sample;
      const last = samples[samples.length - 1] as Sample;

      expect(errors).toEqual([]);
      // The page really churned the whole time (an item every 25 ms, allowing for slow timers).
      expect(last.churned - first.churned).toBeGreaterThan(((last.atMs - first.atMs) / 25) * 0.5);
      expect(last.heap - first.heap, `heap grew from ${first.heap} to ${last.heap} bytes`).toBeLessThan(MAX_HEAP_GROWTH);
      expect(last.nodes - first.nodes, `DOM nodes went from ${first.nodes} to ${last.nodes}`).toBeLessThan(MAX_NODE_GROWTH);
      for (const s of samples) expect(s.mentions, `at ${s.atMs} ms`).toBeLessThanOrEqual(MAX_MENTIONS);
      // Gloss keeps up: it recognizes churned items, not only the stable paragraph.
      expect(Math.max(...samples.map((s) => s.mentions))).toBeGreaterThan(2);
      await page.close();
    },
    DURATION_MS + 90_000,
  );
});
