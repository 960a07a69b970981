/**
 * Pages that fight back: each hostile page is loaded in a browser without Gloss (the
 * baseline) and in one with the built extension. With Gloss there must be no page error and
 * no console error of Gloss's, the page's own DOM must be exactly the baseline's (Gloss's one
 * host element aside), cards must open wherever the text is reachable, and a 20 ms heartbeat
 * in the page must not stall more than 50 ms longer than without Gloss.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { launchGloss, type Gloss } from './harness';
import { hoverTextDeep, locateTextDeep, moveAway, waitForScan, type ScanState } from './reader';

/** Heartbeat window after the load event, and the stall Gloss may add to it. */
const HEARTBEAT_MS = 3000;
const MAX_EXTRA_STALL_MS = 50;

interface Hover {
  text: string;
  card: string;
  where: string;
  occurrence?: number;
  /** Selector of the iframe holding the text. */
  frame?: string;
}

interface Spec {
  title: string;
  file: string;
  hovers: Hover[];
  heartbeat?: boolean;
  /** Waits until the page has done its hostile act (rewritten itself, swapped its body). */
  settle?: (page: Page) => Promise<void>;
}

const waitFor = (flag: string) => async (page: Page) => {
  await page.waitForFunction((f) => (window as unknown as Record<string, unknown>)[f] === true, flag, { timeout: 10_000 });
  await page.waitForTimeout(1200); // one observer flush (max wait 1 s) and a rescan
};

const SPECS: Spec[] = [
  {
    title: '3,000-deep nesting',
    file: 'hostile-deep.html',
    hovers: [
      { text: 'Sergei Shoigu', card: 'Sergei Shoigu', where: '3,000 divs deep' },
      { text: 'Vladimir Putin', card: 'Vladimir Putin', where: '2,500 laid-out divs deep' },
      { text: 'NATO', card: 'NATO', where: 'above the nesting' },
    ],
  },
  {
    title: '20,000 one-word spans',
    file: 'hostile-nodes.html',
    heartbeat: true,
    hovers: [
      { text: 'Putin', card: 'Vladimir Putin', where: 'a name split over two spans' },
      { text: 'NATO', card: 'NATO', where: 'the 11th paragraph' },
      { text: 'Shoigu', card: 'Sergei Shoigu', where: 'the 41st paragraph' },
    ],
  },
  {
    title: 'shadow DOM and SVG text',
    file: 'hostile-shadow.html',
    hovers: [
      { text: 'Vladimir Putin', card: 'Vladimir Putin', where: 'plain text' },
      { text: 'Sergei Shoigu', card: 'Sergei Shoigu', where: 'an open shadow root' },
      { text: 'Geran-2', card: 'Geran-2', where: 'a shadow root inside a shadow root' },
      { text: 'Pyongyang', card: 'Pyongyang', where: 'SVG <text>' },
    ],
  },
  {
    title: 'iframes',
    file: 'hostile-frames.html',
    hovers: [
      { text: 'Kursk Oblast', card: 'Kursk Oblast', where: 'the top document' },
      { text: 'Sergei Shoigu', card: 'Sergei Shoigu', where: 'a same-origin iframe', frame: '#same-origin' },
      { text: 'Vladimir Putin', card: 'Vladimir Putin', where: 'a srcdoc iframe', frame: '#srcdoc' },
    ],
  },
  {
    title: 'churn every 25 ms',
    file: 'hostile-churn.html',
    heartbeat: true,
    hovers: [
      { text: 'Vladimir Putin', card: 'Vladimir Putin', where: 'a stable paragraph amid churn' },
      { text: 'NATO', card: 'NATO', where: 'a stable paragraph amid churn' },
    ],
  },
  {
    title: "strict CSP (style-src 'self')",
    file: 'hostile-csp.html',
    hovers: [
      { text: 'Sergei Shoigu', card: 'Sergei Shoigu', where: 'a CSP page' },
      { text: 'NATO', card: 'NATO', where: 'a CSP page' },
    ],
  },
  {
    title: 'document.write after load',
    file: 'hostile-write.html',
    settle: waitFor('__written'),
    hovers: [
      { text: 'Sergei Shoigu', card: 'Sergei Shoigu', where: 'the rewritten document' },
      { text: 'Vladimir Putin', card: 'Vladimir Putin', where: 'the rewritten document' },
    ],
  },
  {
    title: 'document.body replaced after load',
    file: 'hostile-body.html',
    settle: waitFor('__swapped'),
    hovers: [
      { text: 'Sergei Shoigu', card: 'Sergei Shoigu', where: 'the new body' },
      { text: 'NATO', card: 'NATO', where: 'the new body' },
    ],
  },
  {
    title: 'one 1 MB text node',
    file: 'hostile-huge.html',
    heartbeat: true,
    hovers: [
      { text: 'Vladimir Putin', card: 'Vladimir Putin', where: 'the start of the node' },
      { text: 'Sergei Shoigu', card: 'Sergei Shoigu', where: 'the middle of the node' },
      { text: 'Kursk Oblast', card: 'Kursk Oblast', where: 'the end of the node' },
    ],
  },
];

/** Installed before any page script: a 20 ms heartbeat (top frame) and a CSP violation log. */
const PROBES = `(() => {
  window.__cspViolations = [];
  addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + (e.sourceFile || '') + ' ' + (e.sample || '')));
  if (window.top !== window) return;
  const beats = (window.__beats = []);
  setInterval(() => beats.push(performance.now()), 20);
})();`;

interface Visit {
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
  glossLog: string[];
  maxGap: number | null;
  scan: ScanState | null;
  dom: Map<string, string>;
  cspViolations: string[];
  whiteShare: number | null;
}

/** Ports differ between the two browsers' servers. */
const norm = (s: string) => s.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'ORIGIN');

async function open(g: Gloss, spec: Spec, withGloss: boolean): Promise<Visit> {
  const page = await g.context.newPage();
  const v: Visit = { page, pageErrors: [], consoleErrors: [], glossLog: [], maxGap: null, scan: null, dom: new Map(), cspViolations: [], whiteShare: null };
  page.on('pageerror', (e) => v.pageErrors.push(`${e.name}: ${e.message}`));
  page.on('console', (m) => {
    const url = m.location().url;
    if (m.type() === 'error' && !url.endsWith('/favicon.ico')) v.consoleErrors.push(norm(`${m.text()} @ ${url}`));
    if (url.startsWith('chrome-extension://') || /gloss/i.test(m.text())) v.glossLog.push(`${m.type()}: ${m.text().slice(0, 300)}`);
  });
  await page.addInitScript(PROBES);
  await page.goto(g.pageUrl(spec.file));
  if (spec.heartbeat) v.maxGap = await heartbeatMaxGap(page);
  if (withGloss) v.scan = await waitForScan(page, 12_000, () => v.glossLog.some((l) => /error/i.test(l)));
  await spec.settle?.(page);
  return v;
}

/**
 * The heartbeat stall of a page: the longest gap in the window after the load event, the
 * smaller of two loads (the same statistic with and without Gloss, so a one-off hiccup of
 * this 2-core machine does not decide the comparison, while a stall Gloss causes on every
 * load still does).
 */
async function heartbeatStall(g: Gloss, spec: Spec, first: number): Promise<number> {
  const page = await g.context.newPage();
  try {
    await page.addInitScript(PROBES);
    await page.goto(g.pageUrl(spec.file));
    const second = await heartbeatMaxGap(page);
    console.info(`[hostile] ${spec.file} ${g.extensionId ? 'with' : 'without'} Gloss: heartbeat stalls ${first} and ${second} ms`);
    return Math.min(first, second);
  } finally {
    await page.close();
  }
}

/** The longest gap between heartbeats in the window that starts at the load event. */
async function heartbeatMaxGap(page: Page): Promise<number> {
  await page.waitForFunction(
    (w) => {
      const end = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0;
      return end > 0 && performance.now() > end + w + 40;
    },
    HEARTBEAT_MS,
    { timeout: HEARTBEAT_MS + 30_000, polling: 100 },
  );
  return page.evaluate((w) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const from = nav.loadEventEnd;
    const beats = ((window as unknown as { __beats: number[] }).__beats ?? []).filter((t) => t >= from && t <= from + w);
    let prev = from;
    let max = 0;
    for (const t of beats) {
      max = Math.max(max, t - prev);
      prev = t;
    }
    return Math.round(Math.max(max, from + w - prev));
  }, HEARTBEAT_MS);
}

/** The DOM of every frame, serialized with open shadow roots and without Gloss's host. */
async function snapshotDom(page: Page): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [i, f] of page.frames().entries()) out.set(`${i} ${norm(f.url())}`, await serializeFrame(f));
  return out;
}

function serializeFrame(f: Frame): Promise<string> {
  return f.evaluate(() => {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const out: string[] = [];
    // Iterative: a 3,000-deep tree overflows the stack of a recursive walk.
    const stack: (Node | string)[] = [document.documentElement];
    const pushChildren = (list: NodeListOf<ChildNode>) => {
      for (let i = list.length - 1; i >= 0; i--) stack.push(list[i] as Node);
    };
    while (stack.length) {
      const n = stack.pop() as Node | string;
      if (typeof n === 'string') out.push(n);
      else if (n.nodeType === 3) out.push(esc(n.nodeValue ?? ''));
      else if (n.nodeType === 8) out.push(`<!--${n.nodeValue ?? ''}-->`);
      else if (n.nodeType === 1) {
        const el = n as Element;
        if (el.hasAttribute('data-gloss-host') || el.localName === 'gloss-root') continue;
        let attrs = '';
        for (const a of Array.from(el.attributes)) attrs += ` ${a.name}="${esc(a.value)}"`;
        out.push(`<${el.localName}${attrs}>`);
        stack.push(`</${el.localName}>`);
        if (el.hasAttribute('data-test-volatile')) {
          out.push('(volatile)');
          continue;
        }
        pushChildren(el.childNodes);
        if (el.shadowRoot) {
          stack.push('</#shadow-root>');
          pushChildren(el.shadowRoot.childNodes);
          stack.push('<#shadow-root>');
        }
      }
    }
    return out.join('');
  });
}

/** Null when equal, else where the two first differ (short, for a failure message). */
function firstDiff(base: string, withGloss: string): string | null {
  if (base === withGloss) return null;
  let i = 0;
  while (i < base.length && base[i] === withGloss[i]) i++;
  const at = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 120));
  return `first difference at ${i} (lengths ${base.length} vs ${withGloss.length})\n  without Gloss: ${at(base)}\n  with Gloss:    ${at(withGloss)}`;
}

/** Share of near-white pixels in a screenshot of the rect around `text` (highlight check). */
async function whiteShareAround(ctx: BrowserContext, page: Page, text: string): Promise<number> {
  const pt = await locateTextDeep(page, text);
  if (!pt) throw new Error(`"${text}" not found`);
  // Only the word itself: about 110 px around its centre, one line high.
  const clip = { x: Math.max(0, pt.x - 55), y: Math.max(0, pt.y - 9), width: 110, height: 18 };
  const png = (await page.screenshot({ clip })).toString('base64');
  const decoder = await ctx.newPage();
  try {
    return await decoder.evaluate(async (b64) => {
      const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, img.width, img.height).data;
      let white = 0;
      for (let i = 0; i < d.length; i += 4) if ((d[i] ?? 0) >= 250 && (d[i + 1] ?? 0) >= 250 && (d[i + 2] ?? 0) >= 250) white++;
      return white / (d.length / 4);
    }, png);
  } finally {
    await decoder.close();
  }
}

/** Gloss's traces in one document: its host and the ranges in its highlights. */
function glossStateIn(f: Frame): Promise<{ url: string; host: string; highlights: string[] }> {
  return f.evaluate(() => {
    const host = document.querySelector('[data-gloss-host]');
    const highlights = [...CSS.highlights].map(
      ([name, hl]) => `${name}: ${[...hl].map((r) => `"${(r.startContainer.nodeValue ?? '').slice(r.startOffset, r.endOffset)}"${r.startContainer.isConnected ? '' : ' (detached)'}`).join(', ')}`,
    );
    return { url: location.href, host: host ? (host.isConnected ? 'connected' : 'detached') : 'none', highlights };
  });
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => ['(page gone)']);

describe('Gloss on pages that fight back', () => {
  let gloss: Gloss;
  const baseline = new Map<string, Visit>();

  beforeAll(async () => {
    const t0 = Date.now();
    const plain = await launchGloss({ withoutExtension: true });
    try {
      for (const spec of SPECS) {
        const v = await open(plain, spec, false);
        v.dom = await snapshotDom(v.page);
        v.cspViolations = await cspViolations(v.page);
        if (spec.file.includes('csp')) v.whiteShare = await whiteShareAround(plain.context, v.page, 'Sergei Shoigu');
        await v.page.close();
        if (v.maxGap !== null) v.maxGap = await heartbeatStall(plain, spec, v.maxGap);
        baseline.set(spec.file, v);
      }
    } finally {
      await plain.close();
    }
    gloss = await launchGloss();
    // The first page of a fresh profile waits for the KB to be seeded; pay that here.
    const warm = await open(gloss, { title: 'warm-up', file: 'hostile-csp.html', hovers: [] }, true);
    await warm.page.close();
    console.info(`[hostile] baseline + launch + warm-up: ${Date.now() - t0} ms; warm-up scan: ${JSON.stringify(warm.scan?.attrs ?? null)}`);
  }, 180_000);

  afterAll(async () => {
    await gloss?.close();
  });

  for (const spec of SPECS) {
    describe(spec.title, () => {
      let v: Visit;
      const base = () => baseline.get(spec.file) as Visit;
      /** What Gloss reported, for failure messages. */
      const evidence = () =>
        `scan: ${JSON.stringify(v.scan)}\nGloss console: ${JSON.stringify(v.glossLog.slice(0, 8), null, 1)}\npage errors: ${JSON.stringify(v.pageErrors)}`;

      beforeAll(async () => {
        v = await open(gloss, spec, true);
        if (v.maxGap !== null) v.maxGap = await heartbeatStall(gloss, spec, v.maxGap);
        await v.page.bringToFront();
      }, 60_000);
      afterAll(async () => {
        await v?.page.close();
      });

      for (const h of spec.hovers) {
        it(`shows the card for "${h.text}" in ${h.where}`, async () => {
          const frame = h.frame ? ((await (await v.page.$(h.frame))?.contentFrame()) ?? undefined) : undefined;
          if (h.frame) expect(frame, `no frame ${h.frame}`).toBeDefined();
          if (frame) await waitForScan(frame, 5000);
          const name = await hoverTextDeep(v.page, h.text, { occurrence: h.occurrence, frame, dwellMs: 2500 });
          const here = name === h.card ? '' : `\nwhere the text is: ${JSON.stringify(await glossStateIn(frame ?? v.page.mainFrame()))}`;
          expect(name, evidence() + here).toBe(h.card);
        });
      }

      it("leaves the page's own DOM exactly as it is without Gloss", async () => {
        const now = await snapshotDom(v.page);
        expect([...now.keys()]).toEqual([...base().dom.keys()]);
        for (const [key, html] of base().dom) expect(firstDiff(html, now.get(key) ?? ''), `frame ${key}`).toBeNull();
      });

      if (spec.heartbeat) {
        it(`keeps a 20 ms heartbeat within ${MAX_EXTRA_STALL_MS} ms of its stalls without Gloss`, () => {
          expect(v.maxGap).not.toBeNull();
          const why = `longest heartbeat gap after load: ${base().maxGap} ms without Gloss, ${v.maxGap} ms with`;
          expect(v.maxGap as number, why).toBeLessThanOrEqual((base().maxGap as number) + MAX_EXTRA_STALL_MS);
        });
      }

      if (spec.file.includes('csp')) {
        it('paints highlights and a styled card under the CSP, with no violation of it', async () => {
          await moveAway(v.page);
          const share = await whiteShareAround(gloss.context, v.page, 'Sergei Shoigu');
          await v.page.bringToFront();
          console.info(`[hostile] near-white pixels on "Sergei Shoigu": ${base().whiteShare?.toFixed(2)} without Gloss, ${share.toFixed(2)} with`);
          expect(base().whiteShare as number).toBeGreaterThan(0.5); // the probe sees a plain word as white
          expect(share, `no highlight painted\n${evidence()}`).toBeLessThan(0.2);
          expect(await hoverTextDeep(v.page, 'Sergei Shoigu'), evidence()).toBe('Sergei Shoigu');
          const style = await v.page.getByRole('dialog').first().evaluate((d) => {
            const cs = getComputedStyle(d);
            return { padding: cs.paddingTop, borderTop: cs.borderTopWidth };
          });
          expect(style, 'the card stylesheet did not apply').toEqual({ padding: '16px', borderTop: '3px' });
          expect(await cspViolations(v.page)).toEqual(base().cspViolations);
        });
      }

      if (spec.file.includes('churn')) {
        it('keeps the page’s churned items intact and its mention count bounded', async () => {
          const check = await v.page.evaluate(() => {
            const w = window as unknown as { __churnItemHtml: (n: number) => string };
            return [...document.querySelectorAll('#feed > *')].filter((el) => el.outerHTML !== w.__churnItemHtml(Number(el.getAttribute('data-n')))).map((el) => el.outerHTML);
          });
          expect(check).toEqual([]);
          const state = await waitForScan(v.page, 1);
          // 2 in the stable paragraph + at most 2 per feed item (40 items).
          expect(state.mentions, evidence()).toBeGreaterThan(0);
          expect(state.mentions).toBeLessThanOrEqual(82);
        });
      }

      it('raises no page error and no console error of its own', async () => {
        expect(base().pageErrors, 'the page itself errs without Gloss').toEqual([]);
        expect(v.pageErrors).toEqual([]);
        const own = v.consoleErrors.filter((e) => !base().consoleErrors.includes(e));
        expect(own, evidence()).toEqual([]);
      });
    });
  }
});
