/**
 * What a reader does, for e2e tests and the demo: find a phrase on the page, rest the
 * pointer on it, and read the card that assistive technology sees (a `dialog` named for the
 * entity).
 */
import type { Page } from 'playwright-core';
import type { Gloss } from './harness';

/** The centre of the `occurrence`-th whole-word, case-sensitive match of `text` (within `scope`). */
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
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = n.nodeValue ?? '';
        for (let i = data.indexOf(text); i >= 0; i = data.indexOf(text, i + 1)) {
          if (isWord(data[i - 1]) || isWord(data[i + text.length])) continue;
          if (seen++ < occurrence) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + text.length);
          (n.parentElement as Element).scrollIntoView({ block: 'center' });
          const rects = [...range.getClientRects()];
          const r = rects[Math.floor(rects.length / 2)] ?? range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return null;
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
      return host && host.dataset.glossState === 'ready' ? Number(host.dataset.glossMentions) : false;
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
