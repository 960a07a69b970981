/**
 * Shadow roots that appear after Gloss's first scan, which no MutationObserver reports:
 * custom elements defined a second after load (present from the start, or added while still
 * undefined), one added once defined, and a shadow root attached to a plain element later
 * (found where the reader points). Names inside get highlights and the right cards.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGloss, type Gloss } from './harness';
import { hoverTextDeep, readScanState, waitForGloss } from './reader';

let gloss: Gloss;

/** Gloss's per-category "found" counter from its host. */
async function found(page: Page, category: string): Promise<number> {
  const state = await readScanState(page);
  return Number(state.attrs?.[`data-gloss-found-${category}`] ?? 0);
}

/** Waits until every category reaches its count; returns the last counters seen. */
async function waitForFound(page: Page, want: Record<string, number>, timeout = 10_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now: Record<string, number> = {};
    for (const c of Object.keys(want)) now[c] = await found(page, c);
    if (Object.entries(want).every(([c, n]) => (now[c] ?? 0) >= n) || Date.now() > deadline) return now;
    await page.waitForTimeout(200);
  }
}

/** The texts of the ranges in a page highlight that lie inside shadow roots (read in the page's world). */
function shadowHighlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const hl = CSS.highlights.get(name);
    const out: string[] = [];
    for (const r of hl ?? []) {
      const range = r as AbstractRange;
      if (!(range.startContainer.getRootNode() instanceof ShadowRoot)) continue;
      out.push((range.startContainer.nodeValue ?? '').slice(range.startOffset, range.endOffset));
    }
    return out.sort();
  }, name);
}

describe('shadow roots that appear after the first scan', () => {
  beforeAll(async () => {
    gloss = await launchGloss();
  }, 60_000);

  afterAll(async () => {
    await gloss?.close();
  });

  /** The late names all found, highlighted inside their shadow roots, and given cards. */
  async function expectLateNamesRead(page: Page): Promise<void> {
    // Putin in the page; Zelensky, Macron and Kim Jong Un in three late shadow roots; NATO in one.
    expect(await waitForFound(page, { person: 4, organization: 1 })).toEqual({ person: 4, organization: 1 });
    expect(await shadowHighlightTexts(page, 'gloss-person')).toEqual(['Emmanuel Macron', 'Kim Jong Un', 'Volodymyr Zelensky']);
    expect(await shadowHighlightTexts(page, 'gloss-organization')).toEqual(['NATO']);
    expect(await hoverTextDeep(page, 'Volodymyr Zelensky')).toBe('Volodymyr Zelensky');
    expect(await hoverTextDeep(page, 'NATO')).toBe('NATO');
    expect(await hoverTextDeep(page, 'Kim Jong Un')).toBe('Kim Jong Un');
  }

  it('reads custom elements defined after the scan, present from the start or added while undefined', async () => {
    const page = await gloss.context.newPage();
    await page.goto(gloss.pageUrl('shadow-late.html?manual'));
    await waitForGloss(page);
    expect(await found(page, 'person')).toBe(1);
    await page.evaluate(() => (window as unknown as { addUndefinedCard(): void }).addUndefinedCard());
    await page.waitForTimeout(600);
    await page.evaluate(() => (window as unknown as { defineStoryCard(): void }).defineStoryCard());
    await expectLateNamesRead(page);
    await page.close();
  }, 60_000);

  it('reads them too when the page defines them on its own timer, one second after load', async () => {
    const page = await gloss.context.newPage();
    await page.goto(gloss.pageUrl('shadow-late.html'));
    await waitForGloss(page);
    await expectLateNamesRead(page);
    await page.close();
  }, 60_000);

  it('picks up a shadow root attached to a plain element when the reader points at it', async () => {
    const page = await gloss.context.newPage();
    await page.goto(gloss.pageUrl('shadow-attach.html'));
    await waitForGloss(page);
    await page.waitForFunction(() => document.getElementById('box')?.shadowRoot !== null);
    await page.waitForTimeout(500);
    // Nothing announces the new root: until someone points at it, only the page text counts.
    expect(await found(page, 'person')).toBe(1);
    expect(await hoverTextDeep(page, 'Sergei Shoigu')).toBe('Sergei Shoigu');
    expect(await waitForFound(page, { person: 2, place: 1 })).toEqual({ person: 2, place: 1 });
    expect(await shadowHighlightTexts(page, 'gloss-person')).toEqual(['Sergei Shoigu']);
    expect(await shadowHighlightTexts(page, 'gloss-place')).toEqual(['Pyongyang']);
    expect(await hoverTextDeep(page, 'Pyongyang')).toBe('Pyongyang');
    await page.close();
  }, 60_000);
});
