/**
 * What a reader does, for e2e tests and the demo: find a phrase on the page, rest the
 * pointer on it, and read the card that assistive technology sees (a `dialog` named for the
 * entity).
 */
import type { Frame, Page } from 'playwright-core';
import type { Gloss } from './harness';

/**
 * The centre of the `occurrence`-th whole-word, case-sensitive match of `text` (within
 * `scope`; negative counts from the end), scrolled into view.
 */
export async function locateText(page: Page, text: string, occurrence = 0, scope = 'body'): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ text, occurrence, scope }) => {
      const root = document.querySelector(scope) ?? document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('script,style,noscript,textarea,input,select,[contenteditable]')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      const isWord = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
      const hits: [Node, number][] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = n.nodeValue ?? '';
        for (let i = data.indexOf(text); i >= 0; i = data.indexOf(text, i + 1)) {
          if (!isWord(data[i - 1]) && !isWord(data[i + text.length])) hits.push([n, i]);
        }
      }
      // A negative occurrence counts from the end (-1 is the last).
      const hit = hits[occurrence < 0 ? hits.length + occurrence : occurrence];
      if (!hit) return null;
      const [n, i] = hit;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + text.length);
      (n.parentElement as Element).scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()];
      const r = rects[Math.floor(rects.length / 2)] ?? range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { text, occurrence, scope },
  );
}

/** The accessible names of the dialogs now shown (Gloss's card is a non-modal dialog). */
export async function visibleCardNames(page: Page): Promise<string[]> {
  const dialogs = page.getByRole('dialog');
  const names: string[] = [];
  for (const d of await dialogs.all()) {
    if (!(await d.isVisible().catch(() => false))) continue;
    const label = await d.getAttribute('aria-label');
    if (label) names.push(label);
    else {
      const by = await d.getAttribute('aria-labelledby');
      const t = by ? await d.locator(`[id="${by}"]`).first().textContent().catch(() => null) : null;
      names.push((t ?? (await d.textContent()) ?? '').trim());
    }
  }
  return names;
}

/** Moves the pointer away so any card closes. */
export async function moveAway(page: Page): Promise<void> {
  await page.mouse.move(2, 2, { steps: 2 });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(350);
}

/**
 * Rests the pointer on the middle of `text` (its `occurrence`-th match) for up to `dwellMs`
 * and returns the name of the card that opened, or null when none did.
 */
export async function hoverText(page: Page, text: string, occurrence = 0, scope = 'body', dwellMs = 1500): Promise<string | null> {
  await moveAway(page);
  const pt = await locateText(page, text, occurrence, scope);
  if (!pt) throw new Error(`"${text}" (#${occurrence}) is not on the page`);
  await page.mouse.move(pt.x - 12, pt.y, { steps: 2 });
  await page.mouse.move(pt.x, pt.y, { steps: 3 });
  const deadline = Date.now() + dwellMs;
  while (Date.now() < deadline) {
    const names = await visibleCardNames(page);
    if (names.length) return names[0] ?? null;
    await page.waitForTimeout(100);
  }
  return null;
}

/** Waits until Gloss has scanned the page; returns the number of mentions it reports. */
export async function waitForGloss(page: Page, timeout = 15_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const host = document.querySelector('[data-gloss-mentions]') as HTMLElement | null;
      return host && host.dataset.glossScanned === '1' ? Number(host.dataset.glossMentions) : false;
    },
    undefined,
    { timeout },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Opens the popup in a tab of its own, pointed at the tab of `page` through `?tab=<id>` (a
 * real popup uses the active tab; a test cannot click the toolbar button).
 */
export async function openPopupFor(gloss: Gloss, page: Page): Promise<Page> {
  const popup = await gloss.context.newPage();
  await popup.goto(gloss.popupUrl);
  await page.bringToFront();
  const tabId = await popup.evaluate(async () => (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? -1);
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`${gloss.popupUrl}?tab=${tabId}`);
  await popup.bringToFront();
  await popup.waitForTimeout(500);
  return popup;
}

/**
 * Like `locateText`, for pages that fight back: also searches open shadow roots (nested), and
 * scrolls the match itself to the middle of the viewport (a name in the middle of a huge text
 * node, or under `display: contents` parents). With `frame`, searches that frame's document
 * and returns the point in the top page's viewport. Returns null when the text is not there.
 */
export async function locateTextDeep(page: Page, text: string, opts: { occurrence?: number; frame?: Frame } = {}): Promise<{ x: number; y: number } | null> {
  const frame = opts.frame ?? page.mainFrame();
  const element = frame === page.mainFrame() ? null : await frame.frameElement();
  await element?.scrollIntoViewIfNeeded();
  const inner = await frame.evaluate(
    ({ text, occurrence }) => {
      const skip = 'script,style,noscript,textarea,input,select,[contenteditable]';
      const isWord = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
      let seen = 0;
      let found: Range | null = null;
      const visit = (root: Node): void => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
          acceptNode: (n) => (n.nodeType === 1 && (n as Element).matches(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        for (let n = walker.nextNode(); n && !found; n = walker.nextNode()) {
          if (n.nodeType === 1) {
            const sr = (n as Element).shadowRoot;
            if (sr) visit(sr);
            continue;
          }
          const data = n.nodeValue ?? '';
          for (let i = data.indexOf(text); i >= 0 && !found; i = data.indexOf(text, i + 1)) {
            if (isWord(data[i - 1]) || isWord(data[i + text.length])) continue;
            if (seen++ < occurrence) continue;
            found = document.createRange();
            found.setStart(n, i);
            found.setEnd(n, i + text.length);
          }
        }
      };
      visit(document.body ?? document.documentElement);
      const range = found as Range | null;
      if (!range) return null;
      const box = range.getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) {
        window.scrollBy(box.left < 0 || box.right > innerWidth ? box.left - innerWidth / 2 : 0, box.top - innerHeight / 2);
      }
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const r = rects[Math.floor(rects.length / 2)] ?? range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { text, occurrence: opts.occurrence ?? 0 },
  );
  if (!inner || !element) return inner;
  // The frame's viewport starts at its element's content box.
  const origin = await element.evaluate((node) => {
    const el = node as Element;
    const b = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return { x: b.left + el.clientLeft + parseFloat(cs.paddingLeft), y: b.top + el.clientTop + parseFloat(cs.paddingTop) };
  });
  return { x: origin.x + inner.x, y: origin.y + inner.y };
}

/** The accessible names of the dialogs shown in any frame of the page. */
export async function cardNamesInFrames(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const f of page.frames()) {
    for (const d of await f.getByRole('dialog').all()) {
      if (!(await d.isVisible().catch(() => false))) continue;
      names.push(((await d.getAttribute('aria-label').catch(() => null)) ?? (await d.textContent().catch(() => '')) ?? '').trim());
    }
  }
  return names;
}

/**
 * `hoverText` for pages that fight back: finds `text` with `locateTextDeep` (shadow roots,
 * huge text nodes, a given frame), rests the pointer there and returns the name of the card
 * that opened in any frame, or null.
 */
export async function hoverTextDeep(page: Page, text: string, opts: { occurrence?: number; frame?: Frame; dwellMs?: number } = {}): Promise<string | null> {
  await moveAway(page);
  const pt = await locateTextDeep(page, text, opts);
  if (!pt) throw new Error(`"${text}" (#${opts.occurrence ?? 0}) is not on the page`);
  await page.mouse.move(pt.x - 12, pt.y, { steps: 2 });
  await page.mouse.move(pt.x, pt.y, { steps: 3 });
  const deadline = Date.now() + (opts.dwellMs ?? 1500);
  while (Date.now() < deadline) {
    const names = await cardNamesInFrames(page);
    if (names.length) return names[0] ?? null;
    await page.waitForTimeout(100);
  }
  return null;
}

/** What Gloss's host reports about its scan of one document. */
export interface ScanState {
  /** True once the first scan finished (`data-gloss-state="ready"` or `data-gloss-scanned="1"`). */
  scanned: boolean;
  mentions: number;
  /** All `data-gloss-*` attributes of the host, for failure messages; null if there is no host. */
  attrs: Record<string, string> | null;
}

/** Reads Gloss's scan state in a page or frame, without waiting. */
export async function readScanState(target: Page | Frame): Promise<ScanState> {
  return target.evaluate(() => {
    const host = document.querySelector('[data-gloss-host], [data-gloss-mentions]');
    if (!host) return { scanned: false, mentions: 0, attrs: null };
    const attrs: Record<string, string> = {};
    for (const a of host.attributes) if (a.name.startsWith('data-gloss')) attrs[a.name] = a.value;
    const scanned = attrs['data-gloss-state'] === 'ready' || attrs['data-gloss-scanned'] === '1';
    return { scanned, mentions: Number(attrs['data-gloss-mentions'] ?? 0), attrs };
  });
}

/**
 * Waits up to `timeout` for Gloss's first scan of a page or frame and returns the last state
 * seen (never throws on timeout, so a test can report what it found); `stop` ends the wait
 * early (e.g. once Gloss logged that it could not start).
 */
export async function waitForScan(target: Page | Frame, timeout = 15_000, stop: () => boolean = () => false): Promise<ScanState> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await readScanState(target).catch(() => ({ scanned: false, mentions: 0, attrs: null }));
    if (state.scanned || stop() || Date.now() > deadline) return state;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
