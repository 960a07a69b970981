/**
 * Reading on a touch screen (Chromium with touch emulation; taps and swipes are real touch
 * input sent through the DevTools protocol): a tap on a name opens its card at once and it
 * stays open, a tap elsewhere or Esc closes it, a name inside a link or button keeps the
 * page's behaviour (no card), and scrolls and long-presses starting on a name open nothing
 * and still scroll the page.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGloss, type Gloss } from './harness';
import { locateText, visibleCardNames, waitForGloss } from './reader';

const PAGE = 'touch.html';

let gloss: Gloss;
let page: Page;
let cdp: CDPSession;

/** Taps the middle of `text` (a real touch: touchstart, touchend, then the click). */
async function tapText(text: string, scope = 'body'): Promise<void> {
  const pt = await locateText(page, text, 0, scope);
  if (!pt) throw new Error(`"${text}" is not on the page`);
  await page.touchscreen.tap(pt.x, pt.y);
}

/** Waits up to `ms` for a card and returns the names shown (empty if none opened). */
async function cardsWithin(ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const names = await visibleCardNames(page);
    if (names.length || Date.now() > deadline) return names;
    await page.waitForTimeout(50);
  }
}

async function touch(type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
}

/** Closes any card and scrolls back to the top. */
async function reset(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
}

describe('reading on a touch screen', () => {
  beforeAll(async () => {
    gloss = await launchGloss({ hasTouch: true, viewport: { width: 412, height: 780 } });
    page = await gloss.context.newPage();
    await page.goto(gloss.pageUrl(PAGE));
    expect(await waitForGloss(page)).toBeGreaterThanOrEqual(4);
    cdp = await gloss.context.newCDPSession(page);
  }, 60_000);

  afterAll(async () => {
    await gloss?.close();
  });

  it('opens the card on a tap, without a dwell, and keeps it open after the finger lifts', async () => {
    await reset();
    await tapText('Vladimir Putin');
    expect(await cardsWithin(1500)).toEqual(['Vladimir Putin']);
    // The lifted finger "leaves" the page: that must not start the hover grace.
    await page.waitForTimeout(800);
    expect(await visibleCardNames(page)).toEqual(['Vladimir Putin']);
  });

  it('closes the card on a tap elsewhere, and on Esc', async () => {
    await reset();
    await tapText('Vladimir Putin');
    expect(await cardsWithin(1500)).toEqual(['Vladimir Putin']);
    // The heading: above the name, so the card (placed below it) does not cover it.
    await tapText('read with a finger', 'h1');
    await page.waitForTimeout(300);
    expect(await visibleCardNames(page)).toEqual([]);

    await tapText('Vladimir Putin');
    expect(await cardsWithin(1500)).toEqual(['Vladimir Putin']);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(await visibleCardNames(page)).toEqual([]);
  });

  it('moves to another name tapped while a card is open', async () => {
    await reset();
    await tapText('Vladimir Putin');
    expect(await cardsWithin(1500)).toEqual(['Vladimir Putin']);
    await tapText('Emmanuel Macron');
    await page.waitForTimeout(400);
    expect(await visibleCardNames(page)).toEqual(['Emmanuel Macron']);
  });

  it('leaves a name inside a link to the link: it navigates and no card opens', async () => {
    await reset();
    // Gloss found the name in the link (a hover with a mouse would show its card).
    expect(await page.evaluate(() => Number(document.querySelector('[data-gloss-host]')?.getAttribute('data-gloss-mentions')))).toBeGreaterThanOrEqual(4);
    await tapText('Sergei Shoigu', '#linked');
    await page.waitForFunction(() => location.hash === '#profile', undefined, { timeout: 3000 });
    expect(await cardsWithin(800)).toEqual([]);
  });

  it("leaves a name inside a button to the button: its click runs and no card opens", async () => {
    await reset();
    await tapText('NATO', '#button');
    await page.waitForFunction(() => document.getElementById('clicks')?.textContent === '1', undefined, { timeout: 3000 });
    expect(await cardsWithin(800)).toEqual([]);
  });

  it('opens nothing for a swipe that starts on a name, and the page still scrolls', async () => {
    await reset();
    const pt = await locateText(page, 'Emmanuel Macron');
    if (!pt) throw new Error('no name');
    const before = await page.evaluate(() => scrollY);
    await touch('touchStart', pt.x, pt.y);
    for (let i = 1; i <= 12; i++) {
      await touch('touchMove', pt.x, pt.y - i * 25);
      await page.waitForTimeout(16);
    }
    await touch('touchEnd');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(before + 50);
    expect(await cardsWithin(600)).toEqual([]);
  });

  it('opens nothing for a long-press on a name', async () => {
    await reset();
    const pt = await locateText(page, 'Vladimir Putin');
    if (!pt) throw new Error('no name');
    await touch('touchStart', pt.x, pt.y);
    await page.waitForTimeout(900);
    await touch('touchEnd');
    expect(await cardsWithin(700)).toEqual([]);
    // Whatever the long-press selected is the reader's; clear it for the next test.
    await page.evaluate(() => getSelection()?.removeAllRanges());
  });

  it('opens a tapped name in a card that the reader can close with its own button', async () => {
    await reset();
    await tapText('Vladimir Putin');
    expect(await cardsWithin(1500)).toEqual(['Vladimir Putin']);
    await page.getByRole('dialog').getByRole('button', { name: /close/i }).first().tap();
    await page.waitForTimeout(300);
    expect(await visibleCardNames(page)).toEqual([]);
  });
});
