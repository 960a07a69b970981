// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { createFakeOptionsApi, fakePackInfo } from '@/lib/options/fake-options-api';
import { makeNote } from '@/lib/notes/test-notes';
import { notesToJson, parseNotesJson } from '@/lib/notes/json';
import type { Pack } from '@/lib/kb/schema';
import { OptionsApp } from './OptionsApp';

afterEach(cleanup);

const shoigu = makeNote({
  id: 'a',
  text: 'Now secretary of the Security Council.',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
});
const kursk = makeNote({
  id: 'b',
  entityId: 'Q130',
  entityName: 'Kursk',
  category: 'place',
  text: 'Incursion anniversary',
  url: 'https://www.reuters.com/world/kursk',
  title: 'Kursk one year on',
  quote: { exact: 'Kursk', prefix: '…fighting in the ', suffix: ' region…' },
  createdAt: '2026-11-21T09:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
});
const shoigu2 = makeNote({ id: 'c', text: 'Visited Pyongyang', url: 'javascript:alert(1)', title: 'Bad link', createdAt: '2026-11-19T09:00:00.000Z', updatedAt: '2026-11-19T09:00:00.000Z' });

const geonames: Pack = {
  format: 1,
  id: 'geonames-cities',
  name: 'World cities',
  version: '2026.1',
  licence: 'CC BY 4.0',
  attribution: 'City names from GeoNames (geonames.org), CC BY 4.0.',
  entities: [],
};
const bundled = { ...fakePackInfo({ ...geonames, id: 'core', name: 'Gloss core', licence: 'CC0-1.0', attribution: 'Written for Gloss.' }, true), entities: 1200 };

function setup(notes = [shoigu, kursk, shoigu2]) {
  const api = createFakeOptionsApi(notes, [bundled, fakePackInfo(geonames, false)]);
  render(<OptionsApp api={api} />);
  return api;
}

function upload(input: HTMLElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const notesShown = () => screen.queryAllByRole('article').map((a) => a.getAttribute('aria-label'));

describe('OptionsApp notes', () => {
  it('lists notes newest first with entity, quote in context, page link and dates', async () => {
    setup();
    await waitFor(() => expect(notesShown()).toEqual(['Note on Kursk', 'Note on Sergei Shoigu', 'Note on Sergei Shoigu']));
    const first = screen.getAllByRole('article')[0]!;
    expect(first.querySelector('blockquote')?.textContent).toBe('…fighting in the Kursk region…');
    const link = within(first).getByRole('link', { name: 'Kursk one year on' });
    expect(link.getAttribute('href')).toBe('https://www.reuters.com/world/kursk');
    expect(first.querySelectorAll('time')).toHaveLength(2);
    expect(first.textContent).toContain('edited');
    // A non-web URL from an imported file is shown as text, never as a link.
    expect(screen.queryByRole('link', { name: 'Bad link' })).toBeNull();
    expect(screen.getByText('Bad link')).toBeTruthy();
  });

  it('searches text, entity names and sites', async () => {
    setup();
    const search = await screen.findByRole('searchbox', { name: 'Search notes' });
    fireEvent.input(search, { target: { value: 'reuters' } });
    expect(notesShown()).toEqual(['Note on Kursk']);
    fireEvent.input(search, { target: { value: 'pyongyang' } });
    expect(notesShown()).toEqual(['Note on Sergei Shoigu']);
    fireEvent.input(search, { target: { value: 'zzz' } });
    expect(screen.getByText('No notes match “zzz”.')).toBeTruthy();
  });

  it('groups by entity and by page', async () => {
    setup();
    await waitFor(() => expect(notesShown()).toHaveLength(3));
    const group = screen.getByRole('combobox', { name: 'Group' });
    fireEvent.change(group, { target: { value: 'entity' } });
    const shoiguGroup = screen.getByRole('region', { name: 'Sergei Shoigu' });
    expect(within(shoiguGroup).getAllByRole('article')).toHaveLength(2);
    expect(shoiguGroup.textContent).toContain('2 notes');
    fireEvent.change(group, { target: { value: 'page' } });
    expect(screen.getByRole('region', { name: 'Kursk one year on' }).textContent).toContain('reuters.com');
  });

  it('edits a note and cancels an edit', async () => {
    const api = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit note on Kursk' }));
    const box = screen.getByRole('textbox', { name: 'Note on Kursk' });
    fireEvent.input(box, { target: { value: 'Rewritten, with "quotes"' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Rewritten, with "quotes"');
    expect(api.notes.get('b')?.text).toBe('Rewritten, with "quotes"');

    fireEvent.click(screen.getByRole('button', { name: 'Edit note on Kursk' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note on Kursk' }), { target: { value: 'discard me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('textbox', { name: 'Note on Kursk' })).toBeNull();
    expect(screen.queryByText('discard me')).toBeNull();
    expect(api.calls.filter((c) => c.startsWith('update'))).toHaveLength(1);

    // Keyboard: Ctrl+Enter saves, Escape cancels.
    fireEvent.click(screen.getByRole('button', { name: 'Edit note on Kursk' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note on Kursk' }), { target: { value: 'via keyboard' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note on Kursk' }), { key: 'Enter', ctrlKey: true });
    await screen.findByText('via keyboard');
    fireEvent.click(screen.getByRole('button', { name: 'Edit note on Kursk' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note on Kursk' }), { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Note on Kursk' })).toBeNull();
    expect(api.notes.get('b')?.text).toBe('via keyboard');
  });

  it('deletes with undo', async () => {
    const api = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete note on Kursk' }));
    await waitFor(() => expect(notesShown()).toEqual(['Note on Sergei Shoigu', 'Note on Sergei Shoigu']));
    expect(api.notes.has('b')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(notesShown()).toHaveLength(3));
    expect(api.notes.get('b')).toEqual(kursk);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('drops the undo offer after 10 seconds, or when dismissed, without restoring', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const api = setup();
      fireEvent.click(await screen.findByRole('button', { name: 'Delete note on Kursk' }));
      await screen.findByRole('button', { name: 'Undo' });
      vi.advanceTimersByTime(9_000);
      expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
      vi.advanceTimersByTime(1_500);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());

      fireEvent.click(screen.getAllByRole('button', { name: 'Delete note on Sergei Shoigu' })[0]!);
      await screen.findByRole('button', { name: 'Undo' });
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
      expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
      expect(api.calls.filter((c) => c.startsWith('restore'))).toEqual([]);
      expect(api.notes.size).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('exports all notes, or only the ones matching the search', async () => {
    const api = setup();
    await waitFor(() => expect(notesShown()).toHaveLength(3));
    expect(screen.getByText(/Exports all 3 notes/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const all = api.downloads[0]!;
    expect(all.filename).toMatch(/^gloss-notes-\d{4}-\d{2}-\d{2}\.json$/);
    expect(parseNotesJson(all.content).map((n) => n.id)).toEqual(['b', 'a', 'c']);

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes' }), { target: { value: 'shoigu' } });
    fireEvent.click(screen.getByRole('radio', { name: /Only the 2 matching/ }));
    expect(screen.getByText(/Exports the 2 notes matching “shoigu”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const csv = api.downloads[1]!;
    expect(csv.filename).toMatch(/\.csv$/);
    expect(csv.content.trim().split('\r\n')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    expect(api.downloads[2]!.filename).toMatch(/\.md$/);
    expect(screen.getByRole('status').textContent).toContain('Exported 2 notes as Markdown.');
  });

  it('imports a JSON export and reports what changed', async () => {
    const api = setup([shoigu, kursk]);
    await waitFor(() => expect(notesShown()).toHaveLength(2));
    const fresh = makeNote({ id: 'new', entityName: 'Kim Jong Un', createdAt: '2026-11-22T08:00:00.000Z', updatedAt: '2026-11-22T08:00:00.000Z' });
    const file = new File([notesToJson([shoigu, { ...kursk, text: 'changed' }, fresh])], 'backup.json', { type: 'application/json' });
    upload(screen.getByLabelText('Import notes'), file);
    expect(await screen.findByText(/1 added, 1 updated, 1 unchanged/)).toBeTruthy();
    await waitFor(() => expect(notesShown()[0]).toBe('Note on Kim Jong Un'));
    expect(api.notes.size).toBe(3);
  });

  it('rejects a foreign or malformed file with an alert and changes nothing', async () => {
    const api = setup();
    await waitFor(() => expect(notesShown()).toHaveLength(3));
    upload(screen.getByLabelText('Import notes'), new File(['id,text\n1,hi'], 'notes.csv'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/notes\.csv: This file is not JSON.*Nothing was imported/);
    upload(screen.getByLabelText('Import notes'), new File([JSON.stringify({ format: 'gloss-notes', version: 1, exportedAt: '2026-11-22T08:00:00.000Z', notes: [{ id: 'x' }] })], 'bad.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Invalid note 1/));
    expect(api.calls.some((c) => c.startsWith('import'))).toBe(false);
    expect(notesShown()).toHaveLength(3);
  });

  it('shows an empty state without notes', async () => {
    setup([]);
    expect(await screen.findByText('No notes yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export JSON' })).toHaveProperty('disabled', true);
  });
});

describe('OptionsApp knowledge base', () => {
  it('shows counts and packs with licence and attribution; only user packs can be removed', async () => {
    const api = setup();
    const packs = await screen.findByRole('list', { name: 'Packs' });
    expect(packs.textContent).toContain('CC BY 4.0');
    expect(packs.textContent).toContain('City names from GeoNames (geonames.org), CC BY 4.0.');
    expect(screen.queryByRole('button', { name: 'Remove Gloss core' })).toBeNull();
    expect(screen.getByText('3,600')).toBeTruthy(); // forms in the stats
    expect(within(packs).getByText('1,200')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove World cities' }));
    await screen.findByText('Removed “World cities”.');
    expect(api.calls).toContain('removePack geonames-cities');
    expect(screen.queryByRole('button', { name: 'Remove World cities' })).toBeNull();
  });

  it('imports a pack with a progress bar', async () => {
    const api = setup();
    await screen.findByRole('list', { name: 'Packs' });
    let release!: () => void;
    api.gate = new Promise((r) => (release = r));
    api.nextPack = { ...geonames, id: 'my-pack', name: 'My pack' };
    upload(screen.getByLabelText('Import pack'), new File(['{}'], 'my.json'));
    expect(await screen.findByRole('progressbar', { name: 'Saving pack' })).toBeTruthy();
    release();
    expect(await screen.findByText('Imported “My pack” (0 entities).')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove My pack' })).toBeTruthy();
  });

  it('shows a clear error for a bad pack', async () => {
    const api = setup();
    await screen.findByRole('list', { name: 'Packs' });
    api.nextPack = new Error('my.json: the pack is not valid:\n- entities[0].id: must be a QID or prefix:slug');
    upload(screen.getByLabelText('Import pack'), new File(['{}'], 'my.json'));
    expect((await screen.findByRole('alert')).textContent).toContain('entities[0].id: must be a QID');
  });
});

describe('OptionsApp settings', () => {
  it('edits the same settings as the popup and lists sites where Gloss is off', async () => {
    const api = setup();
    api.settings = { ...api.settings, disabledSites: ['www.bbc.co.uk'] };
    cleanup();
    render(<OptionsApp api={api} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Events' }));
    await waitFor(() => expect(api.settings.categories.event).toBe(false));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Enable Gloss' }));
    await waitFor(() => expect(api.settings.enabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Turn Gloss back on for www.bbc.co.uk' }));
    await waitFor(() => expect(api.settings.disabledSites).toEqual([]));
  });
});

describe('OptionsApp before the knowledge base is seeded', () => {
  it('says the knowledge base is still loading', async () => {
    const api = createFakeOptionsApi([], []);
    render(<OptionsApp api={api} />);
    expect(await screen.findByText('The knowledge base is not loaded yet')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Packs' })).toBeNull();
  });
});
