/**
 * Knowledge packs, as a reader imports them on the options page: a JSON pack and a JSON Lines
 * pack add cards to pages, a pack that reuses a bundled entity's id replaces that card until
 * it is removed, markup in a pack stays text, and broken packs are refused with a message that
 * names the problem while the knowledge base stays as it was.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGloss, OUTPUT_DIR, ROOT, type Gloss } from './harness';
import { hoverText, moveAway, waitForGloss } from './reader';

const FIXTURES = join(ROOT, 'e2e', 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);
const BUNDLED_38_NORTH = 'North Korea analysis website of the Stimson Center';
const OVERRIDDEN_38_NORTH = 'Overridden by the e2e pack: a desk note replacing the bundled card';

interface KbStats {
  entities: number;
  forms: number;
  packs: number;
  version: string;
  names: string[];
}

const kbRegion = (page: Page) => page.getByRole('region', { name: 'Knowledge base' });

/** The counts and pack names the options page shows. */
async function readKb(options: Page): Promise<KbStats> {
  const kb = kbRegion(options);
  await kb.getByRole('list', { name: 'Packs' }).waitFor();
  const stats = await kb.locator('dl.g-stats').evaluate((dl) => {
    const out: Record<string, string> = {};
    for (const div of dl.querySelectorAll(':scope > div')) {
      out[div.querySelector('dt')?.textContent ?? ''] = div.querySelector('dd')?.textContent ?? '';
    }
    return out;
  });
  const num = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));
  const names = await kb.getByRole('list', { name: 'Packs' }).getByRole('heading').allInnerTexts();
  return {
    entities: num(stats.Entities),
    forms: num(stats['Names and forms']),
    packs: num(stats.Packs),
    version: stats.Version ?? '',
    names,
  };
}

/** Picks a pack file in the options page's "Import pack" control and waits for the outcome. */
async function importPack(options: Page, file: string | { name: string; text: string }, outcome: RegExp): Promise<string> {
  const input = kbRegion(options).getByLabel('Import pack');
  if (typeof file === 'string') await input.setInputFiles(file);
  else await input.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  // Success is announced as a status, a refusal as an alert.
  const message = kbRegion(options).getByRole(outcome.source.startsWith('^Imported') ? 'status' : 'alert');
  await expect.poll(() => message.innerText().catch(() => ''), { timeout: 10_000 }).toMatch(outcome);
  const text = await message.innerText();
  // The counts and the list are reloaded just after the message: wait for the new pack in it.
  const imported = /^Imported “(.+)”/.exec(text)?.[1];
  if (imported) await packHeading(options, imported).waitFor({ timeout: 5000 });
  return text;
}

const packHeading = (options: Page, name: string) =>
  kbRegion(options).getByRole('list', { name: 'Packs' }).getByRole('heading', { name, exact: true });

/** Reloads the test page (so the content script picks up the new knowledge base) and waits for its scan. */
async function reloadNews(news: Page): Promise<void> {
  await news.reload();
  await waitForGloss(news);
}

/** Hovers `name` and returns the card's description, or null when no card opened. */
async function cardDescription(news: Page, name: string): Promise<string | null> {
  const opened = await hoverText(news, name, 0, 'body', 2500);
  if (opened === null) return null;
  expect(opened).toBe(name);
  return news.getByRole('dialog', { name }).locator('.gloss-card__desc').innerText();
}

describe('knowledge packs imported on the options page', () => {
  let gloss: Gloss;
  let options: Page;
  let news: Page;
  let bundled: KbStats;
  const dialogs: string[] = [];

  beforeAll(async () => {
    gloss = await launchGloss();
    news = await gloss.context.newPage();
    news.on('dialog', (d) => {
      dialogs.push(`news: ${d.message()}`);
      void d.dismiss();
    });
    await news.goto(gloss.pageUrl('pack-test.html'));
    await waitForGloss(news);
    options = await gloss.context.newPage();
    options.on('dialog', (d) => {
      dialogs.push(`options: ${d.message()}`);
      void d.dismiss();
    });
    await options.goto(gloss.optionsUrl);
    bundled = await readKb(options);
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it('starts with the bundled packs only, which know 38 North but not the made-up names', async () => {
    expect([...bundled.names].sort()).toEqual(['Cities', 'Countries and territories', 'Gloss news desk']);
    expect(bundled.packs).toBe(3);
    expect(bundled.entities).toBeGreaterThan(3000);
    await news.bringToFront();
    expect(await cardDescription(news, '38 North')).toBe(BUNDLED_38_NORTH);
    expect(await cardDescription(news, 'Zorblat Institute')).toBeNull();
    expect(await cardDescription(news, 'Quillon Array')).toBeNull();
    await moveAway(news);
  });

  it('imports a JSON pack whose entity then has a card on the page', async () => {
    await options.bringToFront();
    await importPack(options, fixture('zorblat.pack.json'), /^Imported “E2E Zorblat pack” \(1 entities\)\.$/);
    const kb = await readKb(options);
    expect(kb.entities).toBe(bundled.entities + 1);
    expect(kb.forms).toBe(bundled.forms + 2);
    expect(kb.packs).toBe(4);
    expect(kb.names).toContain('E2E Zorblat pack');
    expect(kb.version).not.toBe(bundled.version);
    const row = kbRegion(options).getByRole('listitem').filter({ has: options.getByRole('heading', { name: 'E2E Zorblat pack' }) });
    expect(await row.innerText()).toMatch(/Imported[\s\S]*CC0-1\.0[\s\S]*Written for Gloss's end-to-end tests/);

    await news.bringToFront();
    await reloadNews(news);
    expect(await cardDescription(news, 'Zorblat Institute')).toBe("Fictional research institute used by Gloss's pack tests");
    const card = news.getByRole('dialog', { name: 'Zorblat Institute' });
    expect(await card.innerText()).toContain('Invented for testing: a think tank that does not exist');
    expect(await card.getByRole('link', { name: 'Example source' }).getAttribute('href')).toBe('https://example.org/zorblat');
    await moveAway(news);
  });

  it('imports a JSON Lines pack', async () => {
    await options.bringToFront();
    await importPack(options, fixture('quillon.pack.jsonl'), /^Imported “E2E Quillon lines” \(2 entities\)\.$/);
    const kb = await readKb(options);
    expect(kb.entities).toBe(bundled.entities + 3);
    expect(kb.packs).toBe(5);
    await news.bringToFront();
    await reloadNews(news);
    expect(await cardDescription(news, 'Quillon Array')).toBe('Fictional air-defence system from a JSON Lines test pack');
    expect(await cardDescription(news, 'Marrowgate Summit')).toBe('Fictional summit from a JSON Lines test pack');
    expect(await cardDescription(news, 'Zorblat Institute')).toBe("Fictional research institute used by Gloss's pack tests");
    await moveAway(news);
  });

  it('replaces a bundled card with a pack that reuses its id, and brings it back when the pack is removed', async () => {
    await options.bringToFront();
    const before = await readKb(options);
    await importPack(options, fixture('override-38-north.pack.json'), /^Imported “E2E override pack” \(1 entities\)\.$/);
    const kb = await readKb(options);
    // The same entity, now from the pack: no new entity.
    expect(kb.entities).toBe(before.entities);
    expect(kb.packs).toBe(before.packs + 1);
    await news.bringToFront();
    await reloadNews(news);
    expect(await cardDescription(news, '38 North')).toBe(OVERRIDDEN_38_NORTH);
    await moveAway(news);

    await options.bringToFront();
    await kbRegion(options).getByRole('button', { name: 'Remove E2E override pack' }).click();
    await expect.poll(() => kbRegion(options).getByRole('status').innerText().catch(() => '')).toBe('Removed “E2E override pack”.');
    await packHeading(options, 'E2E override pack').waitFor({ state: 'detached', timeout: 5000 });
    const after = await readKb(options);
    expect({ ...after, version: '' }).toEqual({ ...before, version: '' });
    await news.bringToFront();
    await reloadNews(news);
    expect(await cardDescription(news, '38 North')).toBe(BUNDLED_38_NORTH);
    await moveAway(news);
  });

  it('shows markup in a pack as plain text, on the card and on the options page', async () => {
    await options.bringToFront();
    await importPack(options, fixture('hostile-markup.pack.json'), /^Imported “E2E <b>hostile<\/b> pack” \(1 entities\)\.$/);
    const row = kbRegion(options).getByRole('listitem').filter({ hasText: 'E2E <b>hostile</b> pack' });
    expect(await row.innerText()).toContain("<img src=x onerror=alert('attribution')>");
    expect(await kbRegion(options).locator('img, b').count()).toBe(0);

    await news.bringToFront();
    await reloadNews(news);
    expect(await cardDescription(news, 'Vexmoor Foundation')).toBe('<b>Bold</b> claims & <i>markup</i> stay text');
    const card = news.getByRole('dialog', { name: 'Vexmoor Foundation' });
    expect(await card.locator('.gloss-card__summary').innerText()).toBe('<img src=x onerror=alert(1)>');
    const text = await card.innerText();
    expect(text).toContain('<script>alert(2)</script>');
    expect(text).toContain('<a href=javascript:alert(3)>click</a>');
    expect(await card.getByRole('link', { name: '<img src=x onerror=alert(4)>' }).getAttribute('href')).toBe('https://example.org/vexmoor');
    expect(await card.locator('img, script, b, i, a[href^="javascript"]').count()).toBe(0);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await news.screenshot({ path: join(OUTPUT_DIR, 'pack-hostile-card.png'), animations: 'disabled' });
    await news.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await moveAway(news);
  });

  it('refuses broken packs with a message naming the problem, changing nothing', async () => {
    await options.bringToFront();
    const before = await readKb(options);
    const valid = readFileSync(fixture('zorblat.pack.json'), 'utf8');
    const zorblat = JSON.parse(valid) as { entities: Record<string, unknown>[] } & Record<string, unknown>;
    const entity = zorblat.entities[0]!;
    const cases: { name: string; text: string; problem: RegExp }[] = [
      // The same pack id as the imported Zorblat pack: a failed re-import must not remove it.
      { name: 'zorblat-truncated.json', text: valid.slice(0, Math.floor(valid.length * 0.6)), problem: /zorblat-truncated\.json: the JSON ends early \(is the file truncated\?\)/ },
      {
        name: 'wrong-types.json',
        text: JSON.stringify({ ...zorblat, entities: [{ ...entity, name: 42, category: 'planet', aliases: 'Zorblat Institute' }] }),
        problem: /wrong-types\.json: the pack is not valid:\n- entities\[0\] \(e2e:zorblat-institute\)\.category: [^\n]+\n- entities\[0\] \(e2e:zorblat-institute\)\.name: [^\n]+\n- entities\[0\] \(e2e:zorblat-institute\)\.aliases: /,
      },
      {
        name: 'duplicate-ids.json',
        text: JSON.stringify({ ...zorblat, entities: [entity, { ...entity, name: 'Zorblat Annex' }] }),
        problem: /duplicate-ids\.json: entity ids must be unique:\n- entity 2: id e2e:zorblat-institute is already used by entity 1/,
      },
      {
        name: 'bad-line.jsonl',
        text: readFileSync(fixture('quillon.pack.jsonl'), 'utf8').replace('"category":"event"', '"category":"rumour"'),
        problem: /bad-line\.jsonl: the pack is not valid:\n- line 4 \(e2e:marrowgate-summit\): category: /,
      },
      {
        name: 'takes-bundled-id.json',
        text: JSON.stringify({ ...zorblat, id: 'newsdesk' }),
        problem: /The pack id "newsdesk" belongs to a pack bundled with Gloss/,
      },
      { name: 'notes.json', text: JSON.stringify({ format: 'gloss-notes', version: 1, notes: [] }), problem: /notes\.json: the pack is not valid:\n- format: / },
    ];
    for (const c of cases) {
      const shown = await importPack(options, { name: c.name, text: c.text }, c.problem);
      expect(shown, c.name).toMatch(c.problem);
      if (c.name === 'wrong-types.json') await kbRegion(options).screenshot({ path: join(OUTPUT_DIR, 'pack-error.png') });
      expect(await readKb(options), c.name).toEqual(before);
    }
    await options.reload();
    expect(await readKb(options)).toEqual(before);
    await news.bringToFront();
    await reloadNews(news);
    expect(await cardDescription(news, 'Zorblat Institute')).toBe("Fictional research institute used by Gloss's pack tests");
    expect(await cardDescription(news, 'Quillon Array')).toBe('Fictional air-defence system from a JSON Lines test pack');
    await moveAway(news);
    expect(dialogs).toEqual([]);
  });
});
