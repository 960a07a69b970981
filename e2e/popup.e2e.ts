/**
 * The toolbar popup, as a reader uses it on a news page: what Gloss found there (by category,
 * with counts), jumping to a name, switching categories and the site off and on (live, on the
 * page), and the state for pages Gloss cannot read. Also screenshots of the popup and of the
 * options page for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGloss, OUTPUT_DIR, type Gloss } from './harness';
import { hoverText, moveAway, openPopupFor, waitForGloss } from './reader';
import { glossCounts } from './reading-helpers';

const SEED = 'joongang-putin-iran.html';
const CATEGORIES = ['person', 'place', 'organization', 'weapon', 'event'] as const;
const LABELS: Record<(typeof CATEGORIES)[number], string> = {
  person: 'People',
  place: 'Places',
  organization: 'Organizations',
  weapon: 'Weapons',
  event: 'Events',
};

/** What the page itself has registered with the CSS Custom Highlight API (read in the page's world). */
function pageHighlights(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, hl] of CSS.highlights) if (name.startsWith('gloss-')) out[name] = hl.size;
    return out;
  });
}

/** The chips of the popup's "On this page", per category group, as [name, count]. */
async function popupGroups(popup: Page): Promise<Record<string, [string, number][]>> {
  const out: Record<string, [string, number][]> = {};
  const section = popup.getByRole('region', { name: 'On this page' });
  for (const label of Object.values(LABELS)) {
    const group = section.getByRole('region', { name: label, exact: true });
    if ((await group.count()) === 0) continue;
    const chips: [string, number][] = [];
    for (const b of await group.getByRole('button').all()) {
      const m = /^(.+), (\d+) mentions?$/.exec((await b.getAttribute('aria-label')) ?? '');
      if (m) chips.push([m[1]!, Number(m[2])]);
    }
    out[label] = chips;
  }
  return out;
}

/** Scrolls the page to the top and returns Gloss's counters once they stop changing. */
async function settleAtTop(page: Page): Promise<Record<string, number>> {
  await page.evaluate(() => window.scrollTo(0, 0));
  let last = '';
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(200);
    const now = JSON.stringify(await glossCounts(page));
    if (now === last) return JSON.parse(now) as Record<string, number>;
    last = now;
  }
  throw new Error(`Gloss's counters kept changing: ${last}`);
}

async function waitForChips(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: /^Vladimir Putin, \d+ mentions$/ }).waitFor({ timeout: 10_000 });
}

describe('the popup on a news page', () => {
  let gloss: Gloss;
  let page: Page;
  let mentions = 0;

  beforeAll(async () => {
    gloss = await launchGloss();
    page = await gloss.context.newPage();
    await page.goto(gloss.fixtureUrl(SEED));
    mentions = await waitForGloss(page);
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it('lists what is on the page by category, with counts that match the page', async () => {
    expect(mentions).toBeGreaterThan(20);
    const popup = await openPopupFor(gloss, page);
    await waitForChips(popup);
    const groups = await popupGroups(popup);
    const order = Object.keys(groups);
    expect(order.slice(0, 3)).toEqual(['People', 'Places', 'Organizations']);
    const people = new Map(groups.People);
    expect(people.get('Vladimir Putin')).toBeGreaterThanOrEqual(5);
    expect(people.get('Sergei Shoigu')).toBeGreaterThanOrEqual(1);
    expect(new Map(groups.Places).get('Pyongyang')).toBeGreaterThanOrEqual(2);
    expect(new Map(groups.Organizations).has('38 North')).toBe(true);
    // Most mentioned first within a group.
    for (const chips of Object.values(groups)) {
      const counts = chips.map(([, n]) => n);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    // The counts are the page's own: per category they add up to what Gloss found there.
    const counts = await glossCounts(page);
    for (const c of CATEGORIES) {
      const sum = (groups[LABELS[c]] ?? []).reduce((n, [, k]) => n + k, 0);
      expect(sum, c).toBe(counts[`found-${c}`]);
    }
    await popup.close();
  });

  it('scrolls to a name and opens its card when the reader picks it', async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const popup = await openPopupFor(gloss, page);
    await waitForChips(popup);
    await popup.getByRole('button', { name: /^Sergei Shoigu, \d+ mentions?$/ }).click();
    await page.bringToFront();
    const card = page.getByRole('dialog', { name: 'Sergei Shoigu' });
    await card.waitFor({ state: 'visible', timeout: 5000 });
    // The mention is in the viewport now.
    const inView = await page.evaluate(() => {
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        const i = n.nodeValue?.indexOf('Sergei Shoigu') ?? -1;
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 'Sergei Shoigu'.length);
        const b = r.getBoundingClientRect();
        return b.top >= 0 && b.bottom <= innerHeight;
      }
      return false;
    });
    expect(inView).toBe(true);
    await moveAway(page);
    if (!popup.isClosed()) await popup.close();
  });

  it('turns a category off and on live, on the page', async () => {
    // Gloss paints only the mentions near the viewport: compare counts at one scroll position.
    const before = await settleAtTop(page);
    expect(before['active-person']).toBeGreaterThan(5);
    expect(before['active-weapon']).toBeGreaterThan(0);
    const hlBefore = await pageHighlights(page);
    expect(hlBefore['gloss-person']).toBe(before['active-person']);

    const popup = await openPopupFor(gloss, page);
    const people = popup.getByRole('checkbox', { name: 'People', exact: true });
    const weapons = popup.getByRole('checkbox', { name: 'Weapons', exact: true });
    expect(await people.isChecked()).toBe(true);
    await people.uncheck();
    await weapons.uncheck();
    await expect.poll(async () => (await glossCounts(page))['active-person'], { timeout: 5000 }).toBe(0);
    await expect.poll(async () => (await glossCounts(page))['active-weapon'], { timeout: 5000 }).toBe(0);
    const off = await glossCounts(page);
    expect(off['active-place']).toBe(before['active-place']);
    expect(off['found-person']).toBe(before['found-person']);
    const hlOff = await pageHighlights(page);
    expect(hlOff['gloss-person'] ?? 0).toBe(0);
    expect(hlOff['gloss-weapon'] ?? 0).toBe(0);
    expect(hlOff['gloss-place']).toBe(hlBefore['gloss-place']);

    // No card for a person while people are off; places still have theirs.
    await page.bringToFront();
    expect(await hoverText(page, 'Sergei Shoigu')).toBeNull();
    expect(await hoverText(page, 'Pyongyang')).toBe('Pyongyang');
    await moveAway(page);

    await popup.bringToFront();
    await people.check();
    await weapons.check();
    await expect.poll(async () => (await glossCounts(page))['active-person'], { timeout: 5000 }).toBeGreaterThan(0);
    const on = await settleAtTop(page);
    expect(on['active-person']).toBe(before['active-person']);
    expect(on['active-weapon']).toBe(before['active-weapon']);
    expect((await pageHighlights(page))['gloss-person']).toBe(hlBefore['gloss-person']);
    await page.bringToFront();
    expect(await hoverText(page, 'Sergei Shoigu')).toBe('Sergei Shoigu');
    await moveAway(page);
    await popup.close();
  });

  it('turns Gloss off and on for this site', async () => {
    const popup = await openPopupFor(gloss, page);
    const site = popup.getByRole('checkbox', { name: 'Gloss on this site' });
    await site.waitFor();
    // The switch names the site it acts on.
    expect(await popup.locator('.g-site').innerText()).toContain('127.0.0.1');
    expect(await site.isChecked()).toBe(true);
    await site.uncheck();
    await expect.poll(async () => (await glossCounts(page)).enabled, { timeout: 5000 }).toBe(0);
    const off = await glossCounts(page);
    expect(off.mentions).toBe(0);
    for (const c of CATEGORIES) expect(off[`active-${c}`], c).toBe(0);
    expect(Object.values(await pageHighlights(page)).reduce((a, b) => a + b, 0)).toBe(0);
    await popup.getByText('Gloss is off here').waitFor({ timeout: 3000 });
    await page.bringToFront();
    expect(await hoverText(page, 'Vladimir Putin')).toBeNull();

    await popup.bringToFront();
    await site.check();
    await expect.poll(async () => (await glossCounts(page)).scanned, { timeout: 10_000 }).toBe(1);
    expect(await waitForGloss(page)).toBe(mentions);
    await waitForChips(popup);
    await page.bringToFront();
    expect(await hoverText(page, 'Vladimir Putin')).toBe('Vladimir Putin');
    await moveAway(page);
    await popup.close();
  });

  it('says it cannot read a browser page or an extension page', async () => {
    // Opened through ?tab= the popup has no activeTab grant, so Chrome withholds a
    // chrome:// address (but not the address of Gloss's own pages).
    const cases: [string, RegExp][] = [
      ['chrome://version/', /Browser pages, extension pages and add-on stores are off limits/],
      [gloss.optionsUrl, /This page belongs to an extension\./],
    ];
    for (const [url, reason] of cases) {
      const other = await gloss.context.newPage();
      await other.goto(url);
      const popup = await openPopupFor(gloss, other);
      const state = popup.getByRole('region', { name: 'On this page' }).getByRole('status');
      await expect.poll(() => state.innerText().catch(() => ''), { timeout: 5000 }).toMatch(/Gloss can’t read this page/);
      expect(await state.innerText(), url).toMatch(reason);
      expect(await popup.getByRole('checkbox', { name: 'Gloss on this site' }).count(), url).toBe(0);
      expect(await popup.getByRole('button', { name: /mentions?$/ }).count(), url).toBe(0);
      if (url.startsWith('chrome:')) {
        mkdirSync(OUTPUT_DIR, { recursive: true });
        await popup.screenshot({ path: join(OUTPUT_DIR, 'popup-unsupported.png') });
      }
      await popup.close();
      await other.close();
    }
  });

  it('takes screenshots of the popup and of the options page with a note', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const popup = await openPopupFor(gloss, page);
    await waitForChips(popup);
    await popup.screenshot({ path: join(OUTPUT_DIR, 'popup-summary.png'), fullPage: true });
    await popup.close();

    await page.bringToFront();
    expect(await hoverText(page, 'Sergei Shoigu', 0, 'body', 2500)).toBe('Sergei Shoigu');
    const card = page.getByRole('dialog', { name: 'Sergei Shoigu' });
    await card.getByRole('button', { name: 'Save note' }).click();
    await card.getByRole('textbox', { name: 'Note', exact: true }).fill('Shoigu in Pyongyang: a third deployment; confirm numbers');
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await card.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await moveAway(page);

    const options = await gloss.context.newPage();
    await options.setViewportSize({ width: 1280, height: 1000 });
    await options.goto(gloss.optionsUrl);
    await options.getByRole('article', { name: 'Note on Sergei Shoigu' }).waitFor();
    await options.getByRole('list', { name: 'Packs' }).waitFor();
    await options.screenshot({ path: join(OUTPUT_DIR, 'options-notes-kb.png'), fullPage: true });
    await options.close();
  });
});
