import { notesToJson, parseNotesJson, NotesImportError } from './json';
import { makeNote, randomNotes } from './test-notes';
import { NOTES_EXPORT_FORMAT, NOTES_EXPORT_VERSION } from './types';

describe('notesToJson', () => {
  it('writes a versioned, pretty-printed export', () => {
    const note = makeNote();
    const json = notesToJson([note], new Date('2026-11-22T10:00:00Z'));
    const doc = JSON.parse(json);
    expect(doc).toEqual({ format: NOTES_EXPORT_FORMAT, version: NOTES_EXPORT_VERSION, exportedAt: '2026-11-22T10:00:00.000Z', notes: [note] });
    expect(json).toContain('\n  "format": "gloss-notes"');
  });

  it('drops properties that are not part of a note', () => {
    const note = { ...makeNote(), secret: 'x', quote: { exact: 'a', prefix: 'b', suffix: 'c', extra: 1 } };
    const doc = JSON.parse(notesToJson([note]));
    expect(doc.notes[0].secret).toBeUndefined();
    expect(doc.notes[0].quote).toEqual({ exact: 'a', prefix: 'b', suffix: 'c' });
  });
});

describe('parseNotesJson', () => {
  const wrap = (notes: unknown[], extra: object = {}) =>
    JSON.stringify({ format: 'gloss-notes', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', notes, ...extra });

  it('reads back what notesToJson wrote, also with a BOM', () => {
    const notes = [makeNote({ text: 'Шойгу — 서울 — الأسد' }), makeNote()];
    expect(parseNotesJson(notesToJson(notes))).toEqual(notes);
    expect(parseNotesJson('\uFEFF' + notesToJson(notes))).toEqual(notes);
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseNotesJson('id,text\n1,hello')).toThrow(/not JSON/);
    expect(() => parseNotesJson('id,text')).toThrow(NotesImportError);
  });

  it('rejects JSON that is not a Gloss export', () => {
    expect(() => parseNotesJson('[1,2]')).toThrow(/not a Gloss notes export/);
    expect(() => parseNotesJson('null')).toThrow(/not a Gloss notes export/);
    expect(() => parseNotesJson(JSON.stringify({ format: 'gloss-pack', version: 1, notes: [] }))).toThrow(
      /format is "gloss-pack", expected "gloss-notes"/,
    );
    expect(() => parseNotesJson(JSON.stringify({ notes: [] }))).toThrow(/format is missing/);
  });

  it('rejects unsupported versions', () => {
    expect(() => parseNotesJson(wrap([], { version: 2 }))).toThrow(/Unsupported export version 2/);
    expect(() => parseNotesJson(wrap([], { version: '1' }))).toThrow(/Unsupported export version "1"/);
  });

  it('names the first invalid note and its field', () => {
    const good = makeNote();
    expect(() => parseNotesJson(wrap([good, { ...makeNote(), category: 'animal' }]))).toThrow(/Invalid note 2: category/);
    expect(() => parseNotesJson(wrap([{ ...good, createdAt: 'yesterday' }]))).toThrow(/Invalid note 1: createdAt: must be an ISO timestamp/);
    expect(() => parseNotesJson(wrap([{ ...good, quote: { exact: 'x', prefix: 1, suffix: '' } }]))).toThrow(/Invalid note 1: quote\.prefix/);
    expect(() => parseNotesJson(wrap([{ ...good, id: undefined }]))).toThrow(/Invalid note 1: id/);
    expect(() => parseNotesJson(wrap(['note']))).toThrow(/Invalid note 1/);
  });

  it('rejects a missing notes list and repeated ids', () => {
    expect(() => parseNotesJson(JSON.stringify({ format: 'gloss-notes', version: 1 }))).toThrow(/no "notes" list/);
    const n = makeNote();
    expect(() => parseNotesJson(wrap([n, { ...n, text: 'other' }]))).toThrow(/Invalid note 2: id ".+" appears twice/);
  });

  it('property: random notes survive export and parse exactly', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const notes = randomNotes(seed, 25);
      expect(parseNotesJson(notesToJson(notes)), `seed ${seed}`).toEqual(notes);
    }
  });

  it('the generator really produces awkward text', () => {
    const all = randomNotes(7, 50).map((n) => n.text + n.title + n.quote.exact).join('');
    for (const s of ['"', '\n', '\r', '🙂', 'Шойгу', '\uD800']) expect(all.includes(s), s).toBe(true);
  });
});
