/**
 * Notes, as a reader keeps them: saved from a card on a news page, found, searched, edited,
 * deleted (and undone) on the options page, exported as Markdown, JSON and CSV, restored from
 * the JSON into a fresh profile, and kept across a browser restart that re-seeds the
 * knowledge base.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGloss, ROOT, type Gloss } from './harness';
import { hoverText, waitForGloss } from './reader';

const SEED = 'joongang-putin-iran.html';
const TITLE = 'Putin turns away from Iran, raising questions in Pyongyang - Korea JoongAng Daily';
/** A comma, double quotes and an apostrophe: the CSV must quote and double them. */
const SHOIGU_TEXT = 'Third troop deployment, "agreed" in Pyongyang — Shoigu\'s visit; check with the desk';
const SHOIGU_EDITED = 'Third deployment confirmed by two sources, "agreed" in Pyongyang';
/** Starts like a spreadsheet formula: the CSV must neutralize it. */
const PUTIN_TEXT = '=Putin distances himself from Tehran';

interface ExportedNote {
  id: string;
  entityId: string;
  entityName: string;
  category: string;
  text: string;
  url: string;
  title: string;
  quote: { exact: string; prefix: string; suffix: string };
  createdAt: string;
  updatedAt: string;
}
interface NotesExport {
  format: string;
  version: number;
  exportedAt: string;
  notes: ExportedNote[];
}

/** Hovers `name` on the page, opens "Save note" on its card, types `text` and saves it. */
async function saveNoteFromCard(page: Page, surface: string, cardName: string, text: string): Promise<void> {
  expect(await hoverText(page, surface, 0, 'body', 2500)).toBe(cardName);
  const card = page.getByRole('dialog', { name: cardName });
  await card.getByRole('button', { name: 'Save note' }).click();
  const box = card.getByRole('textbox', { name: 'Note', exact: true });
  await box.waitFor({ state: 'visible', timeout: 3000 });
  await box.fill(text);
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => card.getByRole('status').filter({ hasText: 'Saved' }).count(), { timeout: 5000 }).toBe(1);
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function openOptions(gloss: Gloss): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.goto(gloss.optionsUrl);
  await page.getByRole('heading', { name: 'Notes' }).waitFor();
  await page.getByText(/^\d+ notes?$/).waitFor({ timeout: 10_000 });
  return page;
}

/** Sets the notes import input to a file, as the file picker would. */
async function importNotesFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import notes').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const noteArticles = (page: Page) => page.getByRole('article', { name: /^Note on / });

/** Parses the CSV export (RFC 4180) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe('notes: save from a card, manage, export, restore', () => {
  const profile = mkdtempSync(join(tmpdir(), 'gloss-notes-'));
  let gloss: Gloss;
  let firstJson: NotesExport;
  let jsonFile = '';
  let articleText = '';

  beforeAll(async () => {
    gloss = await launchGloss({ userDataDir: profile });
  });
  afterAll(async () => {
    await gloss?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('saves notes from the cards of Sergei Shoigu and Vladimir Putin', async () => {
    const page = await gloss.context.newPage();
    await page.goto(gloss.fixtureUrl(SEED));
    expect(await waitForGloss(page)).toBeGreaterThan(20);
    articleText = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    await saveNoteFromCard(page, 'Sergei Shoigu', 'Sergei Shoigu', SHOIGU_TEXT);
    await saveNoteFromCard(page, 'Vladimir Putin', 'Vladimir Putin', PUTIN_TEXT);
    await page.close();
  });

  it('lists the note on the options page with its entity, quote in context and page link', async () => {
    const page = await openOptions(gloss);
    expect(await page.getByText('2 notes', { exact: true }).count()).toBe(1);
    const note = page.getByRole('article', { name: 'Note on Sergei Shoigu' });
    await note.waitFor();
    expect(await note.locator('.g-note-entity').innerText()).toMatch(/Sergei Shoigu\s*Person/);
    expect(await note.getByText(SHOIGU_TEXT, { exact: true }).count()).toBe(1);
    // The quote: the name marked, with words from the sentence around it on both sides.
    const quote = note.locator('blockquote');
    expect(await quote.locator('mark').innerText()).toBe('Sergei Shoigu');
    const quoteText = (await quote.innerText()).replace(/\s+/g, ' ').replace(/^…|…$/g, '').trim();
    expect(quoteText.length).toBeGreaterThan('Sergei Shoigu'.length + 20);
    expect(articleText).toContain(quoteText);
    const link = note.getByRole('link', { name: TITLE });
    expect(await link.getAttribute('href')).toBe(gloss.fixtureUrl(SEED));
    await page.close();
  });

  it('finds the note by search, edits it, deletes it and undoes the delete', async () => {
    const page = await openOptions(gloss);
    const search = page.getByRole('searchbox', { name: 'Search notes' });
    await search.fill('troop pyongyang');
    await expect.poll(() => noteArticles(page).count()).toBe(1);
    expect(await noteArticles(page).first().getAttribute('aria-label')).toBe('Note on Sergei Shoigu');
    await search.fill('kremlin submarine');
    await expect.poll(() => noteArticles(page).count()).toBe(0);
    expect(await page.getByText('No notes match “kremlin submarine”.').count()).toBe(1);
    await search.fill('');
    await expect.poll(() => noteArticles(page).count()).toBe(2);

    const note = page.getByRole('article', { name: 'Note on Sergei Shoigu' });
    await note.getByRole('button', { name: 'Edit note on Sergei Shoigu' }).click();
    const box = note.getByRole('textbox', { name: 'Note on Sergei Shoigu' });
    await box.fill(SHOIGU_EDITED);
    await note.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => note.getByText(SHOIGU_EDITED, { exact: true }).count()).toBe(1);
    expect(await note.getByText(/edited/).count()).toBe(1);
    // The edit is stored, not only shown.
    await page.reload();
    await page.getByRole('article', { name: 'Note on Sergei Shoigu' }).getByText(SHOIGU_EDITED, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Delete note on Sergei Shoigu' }).click();
    await expect.poll(() => page.getByRole('article', { name: 'Note on Sergei Shoigu' }).count()).toBe(0);
    const toast = page.getByRole('status').filter({ hasText: 'Deleted the note on Sergei Shoigu.' });
    await toast.waitFor();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('article', { name: 'Note on Sergei Shoigu' }).getByText(SHOIGU_EDITED, { exact: true }).waitFor();
    await page.reload();
    await page.getByRole('article', { name: 'Note on Sergei Shoigu' }).getByText(SHOIGU_EDITED, { exact: true }).waitFor();
    expect(await noteArticles(page).count()).toBe(2);
    await page.close();
  });

  it('exports Markdown, JSON and CSV with the notes, quotes and page', async () => {
    const page = await openOptions(gloss);
    const url = gloss.fixtureUrl(SEED);

    const json = await download(page, 'Export JSON');
    expect(json.name).toMatch(/^gloss-notes-\d{4}-\d{2}-\d{2}\.json$/);
    firstJson = JSON.parse(json.text) as NotesExport;
    expect(firstJson.format).toBe('gloss-notes');
    expect(firstJson.version).toBe(1);
    expect(Number.isNaN(Date.parse(firstJson.exportedAt))).toBe(false);
    expect(firstJson.notes).toHaveLength(2);
    const shoigu = firstJson.notes.find((n) => n.entityName === 'Sergei Shoigu');
    const putin = firstJson.notes.find((n) => n.entityName === 'Vladimir Putin');
    expect(shoigu).toMatchObject({ category: 'person', text: SHOIGU_EDITED, url, title: TITLE, quote: { exact: 'Sergei Shoigu' } });
    expect(putin).toMatchObject({ category: 'person', text: PUTIN_TEXT, url, title: TITLE, quote: { exact: 'Vladimir Putin' } });
    expect(shoigu!.updatedAt > shoigu!.createdAt).toBe(true);
    expect(putin!.updatedAt).toBe(putin!.createdAt);
    // The context is cut at words, with an ellipsis where the sentence goes on.
    expect(shoigu!.quote.prefix).toMatch(/^…\S/);
    expect(shoigu!.quote.suffix).toMatch(/\S…$/);
    const inContext = `${shoigu!.quote.prefix}Sergei Shoigu${shoigu!.quote.suffix}`.replace(/^…|…$/g, '');
    expect(articleText).toContain(inContext.replace(/\s+/g, ' ').trim());
    jsonFile = join(ROOT, 'e2e-output', 'notes-export.json');
    mkdirSync(join(ROOT, 'e2e-output'), { recursive: true });
    writeFileSync(jsonFile, json.text);

    const md = await download(page, 'Export Markdown');
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toMatch(/^---\ntitle: Gloss notes\n/);
    expect(md.text).toContain('notes: 2');
    expect(md.text).toContain('## Sergei Shoigu');
    expect(md.text).toContain('## Vladimir Putin');
    expect(md.text).toContain('**Sergei Shoigu**');
    // Text from the page and the reader is escaped for Markdown, the link is not.
    expect(md.text).toContain('Third deployment confirmed by two sources, "agreed" in Pyongyang');
    expect(md.text).toContain('\\=Putin distances himself from Tehran');
    expect(md.text).toContain(`*[${TITLE}](<${url}>) · saved `);
    expect(md.text).toMatch(/> …[^\n]*Secretary \*\*Sergei Shoigu\*\* visited Pyongyang[^\n]*…\n/);

    const csv = await download(page, 'Export CSV');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.startsWith('\uFEFFid,entity_id,entity_name,category,text,quote,prefix,suffix,url,title,created_at,updated_at\r\n')).toBe(true);
    expect(csv.text).toContain('"Third deployment confirmed by two sources, ""agreed"" in Pyongyang"');
    expect(csv.text).toContain(",'=Putin distances himself from Tehran,");
    const rows = parseCsv(csv.text.slice(1));
    expect(rows).toHaveLength(3);
    const header = rows[0]!;
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(header.length);
      const rec = Object.fromEntries(header.map((h, i) => [h, row[i]]));
      const src = firstJson.notes.find((n) => n.id === rec.id)!;
      expect(src).toBeDefined();
      expect(rec).toMatchObject({
        entity_name: src.entityName,
        text: src.text.startsWith('=') ? `'${src.text}` : src.text,
        quote: src.quote.exact,
        prefix: src.quote.prefix,
        suffix: src.quote.suffix,
        url,
        title: TITLE,
        created_at: src.createdAt,
        updated_at: src.updatedAt,
      });
    }
    expect(await page.getByRole('status').filter({ hasText: 'Exported 2 notes as CSV.' }).count()).toBe(1);

    // Only the notes a search shows, when the reader asks for that.
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('tehran');
    await page.getByRole('radio', { name: 'Only the 1 matching the search' }).check();
    const scoped = JSON.parse((await download(page, 'Export JSON')).text) as NotesExport;
    expect(scoped.notes).toEqual([putin]);
    await page.close();
  });

  it('restores the JSON export into a fresh profile exactly, and refuses bad files', async () => {
    const fresh = await launchGloss();
    try {
      const page = await openOptions(fresh);
      expect(await page.getByText('0 notes', { exact: true }).count()).toBe(1);
      const backup = readFileSync(jsonFile, 'utf8');
      await importNotesFile(page, 'gloss-notes.json', backup);
      await page.getByRole('status').filter({ hasText: '2 added, 0 updated, 0 unchanged.' }).waitFor();
      await expect.poll(() => noteArticles(page).count()).toBe(2);
      expect(await page.getByRole('article', { name: 'Note on Sergei Shoigu' }).getByText(SHOIGU_EDITED).count()).toBe(1);

      const again = JSON.parse((await download(page, 'Export JSON')).text) as NotesExport;
      const byId = (a: ExportedNote, b: ExportedNote) => a.id.localeCompare(b.id);
      expect([...again.notes].sort(byId)).toEqual([...firstJson.notes].sort(byId));

      // The same backup again: nothing new, nothing doubled.
      await importNotesFile(page, 'gloss-notes.json', backup);
      await page.getByRole('status').filter({ hasText: '0 added, 0 updated, 2 unchanged.' }).waitFor();
      expect(await noteArticles(page).count()).toBe(2);

      await importNotesFile(page, 'broken.json', backup.slice(0, Math.floor(backup.length / 2)));
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.innerText().catch(() => '')).toMatch(/broken\.json: This file is not JSON.*Nothing was imported/);

      await importNotesFile(page, 'bookmarks.json', JSON.stringify({ format: 'netscape-bookmarks', version: 1, notes: [] }));
      await expect.poll(() => alert.innerText().catch(() => '')).toMatch(/bookmarks\.json: This is not a Gloss notes export.*Nothing was imported/);

      // A list of notes with one bad field is refused as a whole.
      const tampered = JSON.parse(backup) as NotesExport;
      tampered.notes[1]!.category = 'planet';
      tampered.notes[0]!.id = 'a-new-id';
      await importNotesFile(page, 'tampered.json', JSON.stringify(tampered));
      await expect.poll(() => alert.innerText().catch(() => '')).toMatch(/tampered\.json: Invalid note 2: category/);

      await page.reload();
      await page.getByText('2 notes', { exact: true }).waitFor();
      expect(await noteArticles(page).count()).toBe(2);
      const after = JSON.parse((await download(page, 'Export JSON')).text) as NotesExport;
      expect([...after.notes].sort(byId)).toEqual([...firstJson.notes].sort(byId));
      await page.close();
    } finally {
      await fresh.close();
    }
  });

  it('keeps the notes across a browser restart that re-seeds the knowledge base', async () => {
    // Make the stored knowledge base look stale, so the next start seeds it again.
    const page = await openOptions(gloss);
    const before = await readKbState(page);
    expect(before.bundledVersion).not.toBe('');
    await page.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const req = indexedDB.open('gloss');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('meta', 'readwrite');
            const store = tx.objectStore('meta');
            const get = store.get('state');
            get.onsuccess = () => store.put({ ...get.result, bundledVersion: 'stale-for-test' });
            tx.oncomplete = () => (req.result.close(), ok());
            tx.onerror = () => fail(tx.error);
          };
        }),
    );
    await gloss.close();

    gloss = await launchGloss({ userDataDir: profile });
    // Reading a page asks the background for the knowledge base, which re-seeds it.
    const news = await gloss.context.newPage();
    await news.goto(gloss.fixtureUrl(SEED));
    expect(await waitForGloss(news, 30_000)).toBeGreaterThan(20);
    expect(await hoverText(news, 'Sergei Shoigu', 0, 'body', 2500)).toBe('Sergei Shoigu');

    const options = await openOptions(gloss);
    const after = await readKbState(options);
    expect(after.bundledVersion).toBe(before.bundledVersion);
    expect(after.generation).toBe(before.generation + 1);
    const exported = JSON.parse((await download(options, 'Export JSON')).text) as NotesExport;
    const byId = (a: ExportedNote, b: ExportedNote) => a.id.localeCompare(b.id);
    expect([...exported.notes].sort(byId)).toEqual([...firstJson.notes].sort(byId));
  });
});

/** The knowledge base's bookkeeping record in IndexedDB, read from an extension page. */
function readKbState(page: Page): Promise<{ bundledVersion: string; generation: number }> {
  return page.evaluate(
    () =>
      new Promise<{ bundledVersion: string; generation: number }>((ok, fail) => {
        const req = indexedDB.open('gloss');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get('state');
          get.onsuccess = () => {
            req.result.close();
            ok({ bundledVersion: get.result?.bundledVersion ?? '', generation: get.result?.generation ?? -1 });
          };
          get.onerror = () => fail(get.error);
        };
      }),
  );
}
