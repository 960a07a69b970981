/**
 * Helpers for the reading e2e tests: find gold occurrences in a page (as the fixtures'
 * README defines them), hover them like a reader, and read the card assistive technology
 * sees (a dialog and its accessible name).
 */
import type { Page } from 'playwright-core';

export interface Occurrence {
  surface: string;
  names: string[];
  /** Viewport point at the middle of the occurrence (after scrolling it into view). */
  x: number;
  y: number;
  /** Page-level index, for messages. */
  index: number;
}

export interface SurfaceGroup {
  names: string[];
  surfaces: string[];
}

/**
 * Marks every whole-word, case-sensitive occurrence of the groups' surfaces inside `scope`,
 * longest first and never overlapping. Returns how many were found; they are kept in the page
 * (window.__goldOcc) for `pointAt`.
 */
export async function findOccurrences(
  page: Page,
  scope: string,
  groups: SurfaceGroup[],
): Promise<{ surface: string; names: string[] }[]> {
  return page.evaluate(
    ({ scope, groups }) => {
      const root = document.querySelector(scope);
      if (!root) throw new Error(`no scope ${scope}`);
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('script, style, textarea') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        nodes.push({ node: n as Text, start: text.length });
        text += (n as Text).data;
      }
      const all = groups.flatMap((g) => g.surfaces.map((s) => ({ surface: s, names: g.names })));
      all.sort((a, b) => b.surface.length - a.surface.length);
      const taken: [number, number][] = [];
      const found: { start: number; end: number; surface: string; names: string[] }[] = [];
      const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
      for (const s of all) {
        for (let i = text.indexOf(s.surface); i >= 0; i = text.indexOf(s.surface, i + 1)) {
          const end = i + s.surface.length;
          if (isWordChar(text[i - 1]) || isWordChar(text[end])) continue;
          if (taken.some(([a, b]) => i < b && end > a)) continue;
          taken.push([i, end]);
          found.push({ start: i, end, surface: s.surface, names: s.names });
        }
      }
      found.sort((a, b) => a.start - b.start);
      const locate = (pos: number) => {
        let k = nodes.length - 1;
        while (k > 0 && (nodes[k]?.start ?? 0) > pos) k--;
        const n = nodes[k]!;
        return { node: n.node, offset: pos - n.start };
      };
      (window as unknown as { __goldOcc: unknown }).__goldOcc = found.map((f) => {
        const mid = Math.floor((f.start + f.end - 1) / 2);
        return { a: locate(mid), b: locate(mid + 1) };
      });
      return found.map((f) => ({ surface: f.surface, names: f.names }));
    },
    { scope, groups },
  );
}

/** Scrolls occurrence `i` into the viewport if needed and returns the middle of its middle character. */
export async function pointAt(page: Page, i: number): Promise<{ x: number; y: number }> {
  return page.evaluate((i) => {
    const occ = (window as unknown as { __goldOcc: { a: { node: Text; offset: number } }[] }).__goldOcc[i]!;
    const r = document.createRange();
    r.setStart(occ.a.node, occ.a.offset);
    r.setEnd(occ.a.node, occ.a.offset + 1);
    let rect = r.getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > innerHeight - 80) {
      window.scrollBy(0, rect.top - innerHeight / 3);
      rect = r.getBoundingClientRect();
    }
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, i);
}

/** Accessible names of the dialogs on the page (Gloss's card lives in an open shadow root). */
export async function dialogNames(page: Page): Promise<string[]> {
  const loc = page.getByRole('dialog');
  const n = await loc.count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = await loc.nth(i).getAttribute('aria-label');
    if (name !== null && (await loc.nth(i).isVisible())) out.push(name);
  }
  return out;
}

/** Hovers (x, y) and waits up to `ms` for a card named one of `names`; returns the names seen. */
export async function hoverAndRead(
  page: Page,
  x: number,
  y: number,
  names: string[] | null,
  ms = 1500,
): Promise<string[]> {
  await page.mouse.move(x, y);
  const until = Date.now() + ms;
  let seen: string[] = [];
  while (Date.now() < until) {
    await page.waitForTimeout(100);
    seen = await dialogNames(page);
    if (names && seen.some((s) => names.includes(s))) return seen;
  }
  return seen;
}

/** Waits for Gloss to finish its first scan of the page. */
export async function waitForScan(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('gloss-root[data-gloss-scanned="1"]', { state: 'attached', timeout });
}

/** Reads Gloss's debug counters from its own host element. */
export async function glossCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const host = document.querySelector('gloss-root');
    const out: Record<string, number> = {};
    if (!host) return out;
    for (const a of host.getAttributeNames()) {
      if (a.startsWith('data-gloss-') && a !== 'data-gloss-host') out[a.slice(11)] = Number(host.getAttribute(a));
    }
    return out;
  });
}
