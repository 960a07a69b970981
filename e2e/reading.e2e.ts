/**
 * The reading experience in a real Chromium with the built extension: gold recognitions on
 * the seed pages as a reader checks them (hover the middle of each occurrence, read the
 * dialog's name), negatives, an untouched page DOM, editable fields, text added later, live
 * settings, the keyboard, and a page whose CSP forbids inline styles.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchGloss, OUTPUT_DIR, readGold, type Gloss } from './harness';
import { dialogNames, findOccurrences, glossCounts, hoverAndRead, pointAt, waitForScan } from './reading-helpers';
import { locateTextDeep } from './reader';

const gold = readGold();
let gloss: Gloss;
let baseline: Gloss;
const pageErrors: string[] = [];

async function open(g: Gloss, url: string, scan = true): Promise<Page> {
  const page = await g.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${url}: ${String(e)}`));
  await page.goto(url);
  if (scan) await waitForScan(page);
  return page;
}

/** Writes Gloss's settings the way the extension stores them (WXT versioned item). */
async function patchSettings(patch: Record<string, unknown>): Promise<void> {
  const ext = await gloss.context.newPage();
  await ext.goto(gloss.optionsUrl);
  await ext.evaluate(async (patch) => {
    const cur = ((await chrome.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.sync.set({ settings: { ...cur, ...patch }, settings$: { v: 2 } });
  }, patch);
  await ext.close();
}

const ALL_ON = { person: true, place: true, organization: true, weapon: true, event: true };

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  gloss = await launchGloss();
  baseline = await launchGloss({ withoutExtension: true });
});

afterAll(async () => {
  await gloss?.close();
  await baseline?.close();
});

describe('seed pages', () => {
  for (const gp of gold.pages) {
    it(`shows the right card for every gold occurrence on ${gp.page}`, async () => {
      const page = await open(gloss, gloss.fixtureUrl(gp.page));
      const occ = await findOccurrences(page, gp.scope, gp.entities);
      expect(occ.length).toBeGreaterThan(20);
      const misses: string[] = [];
      for (let i = 0; i < occ.length; i++) {
        const o = occ[i]!;
        const { x, y } = await pointAt(page, i);
        const seen = await hoverAndRead(page, x, y, o.names);
        if (!seen.some((s) => o.names.includes(s))) misses.push(`#${i} "${o.surface}" -> [${seen.join(', ')}]`);
      }
      const rate = (occ.length - misses.length) / occ.length;
      console.info(
        `${gp.page}: ${occ.length - misses.length}/${occ.length} = ${(rate * 100).toFixed(1)}%${misses.length ? `\n  misses: ${misses.join('\n          ')}` : ''}`,
      );
      expect(rate).toBeGreaterThanOrEqual(0.97);
      // Stretch entities (events, lower-case styles, demonyms) are reported, not required.
      const stretch = await findOccurrences(page, gp.scope, gp.stretch);
      let stretchHits = 0;
      for (let i = 0; i < stretch.length; i++) {
        const { x, y } = await pointAt(page, i);
        const seen = await hoverAndRead(page, x, y, stretch[i]!.names);
        if (seen.some((s) => stretch[i]!.names.includes(s))) stretchHits++;
      }
      console.info(`${gp.page} stretch: ${stretchHits}/${stretch.length}`);
      await page.close();
    });

    it(`shows no card for the negatives on ${gp.page}`, async () => {
      const page = await open(gloss, gloss.fixtureUrl(gp.page));
      const occ = await findOccurrences(
        page,
        gp.scope,
        gp.negatives.map((n) => ({ names: [], surfaces: [n] })),
      );
      expect(occ.length).toBeGreaterThan(0);
      for (let i = 0; i < occ.length; i++) {
        await page.mouse.move(2, 2);
        await page.waitForTimeout(400);
        const { x, y } = await pointAt(page, i);
        const seen = await hoverAndRead(page, x, y, null, 900);
        expect(seen, `"${occ[i]!.surface}" showed a card`).toEqual([]);
      }
      await page.close();
    });

    it(`leaves the page DOM of ${gp.page} untouched`, async () => {
      const read = (p: Page) =>
        p.evaluate(() => ['header', 'main', 'footer'].map((s) => document.querySelector(s)?.outerHTML ?? ''));
      const plain = await open(baseline, baseline.fixtureUrl(gp.page), false);
      const before = await read(plain);
      await plain.close();
      const page = await open(gloss, gloss.fixtureUrl(gp.page));
      const occ = await findOccurrences(page, gp.scope, gp.entities.slice(0, 1));
      const { x, y } = await pointAt(page, 0);
      expect(await hoverAndRead(page, x, y, occ[0]!.names)).not.toEqual([]);
      expect(await read(page)).toEqual(before);
      await page.close();
    });
  }
});

describe('hover details', () => {
  it('switches to a name the open card covers when the pointer jumps there and rests', async () => {
    const page = await open(gloss, gloss.fixtureUrl('joongang-putin-iran.html'));
    await findOccurrences(page, 'main article', [
      { names: ['JoongAng Ilbo'], surfaces: ['JoongAng Ilbo'] },
      { names: ['Vladimir Putin'], surfaces: ['Vladimir Putin'] },
    ]);
    // (A pointer gliding onto the card keeps it: that is a reader going to read it.)
    for (let round = 0; round < 2; round++) {
      const a = await pointAt(page, 0);
      expect(await hoverAndRead(page, a.x, a.y, ['JoongAng Ilbo'])).toEqual(['JoongAng Ilbo']);
      const b = await pointAt(page, 1);
      const covered = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, b);
      expect(covered).toBe('GLOSS-ROOT'); // the card lies over the next name
      await page.mouse.move(b.x, b.y);
      await expect.poll(() => dialogNames(page), { timeout: 3000 }).toEqual(['Vladimir Putin']);
    }
    // A click on the card's own button is not a hover over what lies beneath.
    const card = page.getByRole('dialog', { name: 'Vladimir Putin' });
    await card.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => card.getByRole('textbox', { name: 'Note' }).count()).toBe(1);
    await page.waitForTimeout(800);
    expect(await dialogNames(page)).toEqual(['Vladimir Putin']);
    await page.close();
  });
});

describe('a hostile page', () => {
  it('shows no card over text in a textarea, an input or an editable region', async () => {
    const page = await open(gloss, gloss.pageUrl('hostile.html'));
    for (const sel of ['#ta', '#inp', '#ce']) {
      await page.mouse.move(2, 2);
      await page.waitForTimeout(400);
      const box = (await page.locator(sel).boundingBox())!;
      const seen = await hoverAndRead(page, box.x + 30, box.y + Math.min(14, box.height / 2), null, 900);
      expect(seen, sel).toEqual([]);
    }
    await page.close();
  });

  it('gives cards for names split across elements, in shadow roots, and added or changed later', async () => {
    const page = await open(gloss, gloss.pageUrl('hostile.html'));
    await page.waitForFunction(() => (window as unknown as { __hostileDone?: boolean }).__hostileDone === true);
    await page.waitForTimeout(600); // the observer's debounce
    const cases: [string, string, string[]][] = [
      ['#split', 'Macron', ['Emmanuel Macron']],
      ['#late', 'Kim Jong Un', ['Kim Jong Un']],
      ['#changing', 'Hezbollah', ['Hezbollah']],
      ['#plain', 'NATO', ['NATO']],
    ];
    for (const [scope, surface, names] of cases) {
      await findOccurrences(page, scope, [{ names, surfaces: [surface] }]);
      const { x, y } = await pointAt(page, 0);
      expect(await hoverAndRead(page, x, y, names), surface).toEqual(
        expect.arrayContaining([expect.stringMatching(names[0]!)]),
      );
    }
    // The widget's text is in an open shadow root.
    const pt = (await locateTextDeep(page, 'Geran-2'))!;
    expect(await hoverAndRead(page, pt.x, pt.y, ['Geran-2'])).toContain('Geran-2');
    // The removed paragraph's mention is gone from the counts.
    const counts = await glossCounts(page);
    expect(counts['found-place']).toBe(0);
    await page.close();
  });
});

/** A settings change reaches the page through storage events: allow for a busy machine. */
const LIVE = { timeout: 10_000 };

describe('settings apply live', () => {
  it('removes and restores a category and the whole site without a reload', async () => {
    const page = await open(gloss, gloss.pageUrl('csp-styles.html'));
    const before = await glossCounts(page);
    expect(before['active-person']).toBeGreaterThan(0);
    await patchSettings({ categories: { ...ALL_ON, person: false } });
    await expect.poll(async () => (await glossCounts(page))['active-person'], LIVE).toBe(0);
    expect((await glossCounts(page))['active-place']).toBe(before['active-place']);
    // No card for a hidden category.
    await findOccurrences(page, '#lead', [{ names: ['Vladimir Putin'], surfaces: ['Vladimir Putin'] }]);
    let pt = await pointAt(page, 0);
    expect(await hoverAndRead(page, pt.x, pt.y, null, 900)).toEqual([]);
    await patchSettings({ categories: ALL_ON });
    await expect.poll(async () => (await glossCounts(page))['active-person'], LIVE).toBe(before['active-person']);

    await patchSettings({ disabledSites: ['127.0.0.1'] });
    await expect.poll(async () => (await glossCounts(page)).enabled, LIVE).toBe(0);
    expect((await glossCounts(page)).mentions).toBe(0);
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')))).toEqual([]);
    pt = await pointAt(page, 0);
    expect(await hoverAndRead(page, pt.x, pt.y, null, 900)).toEqual([]);
    await patchSettings({ disabledSites: [] });
    await expect.poll(async () => (await glossCounts(page)).mentions, LIVE).toBe(before.mentions);
    await page.close();
  });
});

describe('keyboard', () => {
  it('Alt+Shift+N opens the first mention in a focused dialog, Esc closes it and returns focus', async () => {
    const page = await open(gloss, gloss.pageUrl('csp-styles.html'));
    await page.locator('h1').click();
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => dialogNames(page)).toEqual(['Vladimir Putin']);
    expect(
      await page.evaluate(() => document.querySelector('gloss-root')?.shadowRoot?.activeElement?.getAttribute('role')),
    ).toBe('dialog');
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => dialogNames(page)).toEqual(['Sergei Shoigu']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogNames(page)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('GLOSS-ROOT');
    await page.close();
  });
});

describe('a page with a strict CSP (style-src self)', () => {
  it('paints highlights and a styled card without inline styles', async () => {
    const page = await gloss.context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(gloss.pageUrl('csp-styles.html'));
    await waitForScan(page);
    const lead = page.locator('#lead');
    const withGloss = await lead.screenshot();
    await page.screenshot({ path: join(OUTPUT_DIR, 'reading-highlights.png') });
    await findOccurrences(page, '#lead', [{ names: ['Sergei Shoigu'], surfaces: ['Sergei Shoigu'] }]);
    const { x, y } = await pointAt(page, 0);
    expect(await hoverAndRead(page, x, y, ['Sergei Shoigu'])).toContain('Sergei Shoigu');
    const style = await page.evaluate(() => {
      const d = document.querySelector('gloss-root')!.shadowRoot!.querySelector('[role=dialog]')!;
      const cs = getComputedStyle(d);
      const r = d.getBoundingClientRect();
      return { padding: cs.paddingTop, width: r.width, left: r.left, right: innerWidth - r.right };
    });
    expect(style.padding).toBe('16px');
    expect(style.width).toBeGreaterThan(300);
    expect(style.left).toBeGreaterThanOrEqual(5);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUTPUT_DIR, 'reading-card.png'), animations: 'disabled' });
    await page.mouse.move(2, 2);
    await patchSettings({ disabledSites: ['127.0.0.1'] });
    await expect.poll(async () => (await glossCounts(page)).enabled).toBe(0);
    expect(Buffer.compare(await lead.screenshot(), withGloss)).not.toBe(0);
    await patchSettings({ disabledSites: [] });
    expect(cspErrors).toEqual([]);
    await page.close();
  });
});

describe('pictures', () => {
  it('saves a card on a seed page and a dark page for review', async () => {
    const page = await open(gloss, gloss.fixtureUrl('joongang-putin-iran.html'));
    await page.screenshot({ path: join(OUTPUT_DIR, 'reading-seed-page.png') });
    await findOccurrences(page, 'main article', [{ names: ['Sergei Shoigu'], surfaces: ['Sergei Shoigu'] }]);
    const { x, y } = await pointAt(page, 0);
    expect(await hoverAndRead(page, x, y, ['Sergei Shoigu'])).toContain('Sergei Shoigu');
    await page.waitForTimeout(400); // let the fade-in finish
    await page.screenshot({ path: join(OUTPUT_DIR, 'reading-seed-card.png') });
    await page.close();
    const dark = await open(gloss, gloss.pageUrl('dark.html'));
    await dark.emulateMedia({ colorScheme: 'dark' });
    await findOccurrences(dark, 'main', [{ names: ['Vladimir Putin'], surfaces: ['Vladimir Putin'] }]);
    const p = await pointAt(dark, 0);
    expect(await hoverAndRead(dark, p.x, p.y, ['Vladimir Putin'])).toContain('Vladimir Putin');
    await dark.waitForTimeout(400);
    await dark.screenshot({ path: join(OUTPUT_DIR, 'reading-dark-card.png') });
    await dark.close();
  });
});

describe('notes', () => {
  it('saves a note from the card with the entity, the page and the quote', async () => {
    const page = await open(gloss, gloss.pageUrl('csp-styles.html'));
    await findOccurrences(page, '#lead', [{ names: ['Sergei Shoigu'], surfaces: ['Sergei Shoigu'] }]);
    const { x, y } = await pointAt(page, 0);
    expect(await hoverAndRead(page, x, y, ['Sergei Shoigu'])).toContain('Sergei Shoigu');
    const card = page.getByRole('dialog', { name: 'Sergei Shoigu' });
    await card.getByRole('button', { name: 'Save note' }).click();
    const box = card.getByRole('textbox', { name: 'Note' });
    await expect.poll(() => box.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await box.fill('Check the date of his appointment');
    await page.waitForTimeout(400); // the card stays while the reader works in it
    await page.screenshot({ path: join(OUTPUT_DIR, 'reading-note-editor.png') });
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => card.getByRole('status').allTextContents()).toContain('Saved');
    const ext = await gloss.context.newPage();
    await ext.goto(gloss.optionsUrl);
    const notes = await ext.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = indexedDB.open('gloss');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const get = req.result.transaction('notes').objectStore('notes').getAll();
            get.onsuccess = () => resolve(get.result as unknown[]);
          };
        }),
    );
    await ext.close();
    expect(notes).toContainEqual(
      expect.objectContaining({
        entityId: expect.any(String),
        entityName: 'Sergei Shoigu',
        category: 'person',
        text: 'Check the date of his appointment',
        url: 'https://news.example/2025/csp-story',
        title: 'Gloss test: a page whose CSP forbids inline styles',
        quote: { exact: 'Sergei Shoigu', prefix: 'Vladimir Putin and ', suffix: ' were named in this made-up…' },
      }),
    );
    await page.close();
  });
});

describe('frames and the popup', () => {
  it('gives cards inside a same-origin frame', async () => {
    const page = await open(gloss, gloss.pageUrl('frame-outer.html'), false);
    const frame =
      page.frames().find((f) => f.url().includes('frame-inner')) ?? (await page.waitForEvent('frameattached'));
    await frame.waitForSelector('gloss-root[data-gloss-scanned="1"]', { state: 'attached', timeout: 30_000 });
    const pt = (await locateTextDeep(page, 'Macron', { frame }))!;
    await page.mouse.move(pt.x, pt.y);
    await expect
      .poll(() => frame.getByRole('dialog').getAttribute('aria-label'), { timeout: 5000 })
      .toBe('Emmanuel Macron');
    await page.close();
  });

  it('answers the popup with a page summary and reveals an entity', async () => {
    const page = await open(gloss, gloss.fixtureUrl('guardian-weekly-partners-in-crime.html'));
    const ext = await gloss.context.newPage();
    await ext.goto(gloss.optionsUrl);
    const send = (type: string, payload: object) =>
      ext.evaluate(
        async ({ type, payload }) => {
          const out: unknown[] = [];
          // e2e/globals.d.ts declares only part of chrome.tabs.
          const tabs = chrome.tabs as unknown as {
            sendMessage(id: number, msg: unknown, opts: { frameId: number }): Promise<unknown>;
          };
          for (const tab of await chrome.tabs.query({})) {
            if (tab.id === undefined) continue;
            const res = await tabs.sendMessage(tab.id, { gloss: 1, type, payload }, { frameId: 0 }).catch(() => null);
            if (res) out.push(res);
          }
          return out;
        },
        { type, payload },
      );
    type Summary = {
      ok: true;
      value: {
        enabled: boolean;
        host: string;
        entities: { id: string; name: string; category: string; count: number }[];
      };
    };
    // On a busy machine the page may still be sending its last batches: ask until it is done.
    let summary: Summary | undefined;
    const putinCount = async () => {
      [summary] = (await send('pageSummary', {})) as Summary[];
      return summary?.value.entities.find((e) => e.name === 'Vladimir Putin')?.count ?? 0;
    };
    await expect.poll(putinCount, { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    expect(summary?.value.enabled).toBe(true);
    expect(summary?.value.host).toBe('127.0.0.1');
    const putin = summary?.value.entities.find((e) => e.name === 'Vladimir Putin');
    expect(putin).toMatchObject({ category: 'person' });
    expect(summary?.value.entities.find((e) => e.name === 'Chatham House')?.category).toBe('organization');
    const [revealed] = (await send('reveal', { entityId: putin!.id })) as { ok: true; value: { ok: boolean } }[];
    expect(revealed?.value.ok).toBe(true);
    await page.bringToFront();
    await expect.poll(() => dialogNames(page)).toEqual(['Vladimir Putin']);
    await ext.close();
    await page.close();
  });
});

describe('the page itself', () => {
  it('saw no page errors in any test above', () => {
    expect(pageErrors).toEqual([]);
  });
});
