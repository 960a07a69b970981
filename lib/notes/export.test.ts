import { buildExport, exportFileName } from './export';
import { parseNotesJson } from './json';
import { makeNote } from './test-notes';

describe('exports', () => {
  const now = new Date(2026, 10, 22, 23, 30); // local time: the file carries the reader's date

  it('names files gloss-notes-YYYY-MM-DD.<ext>', () => {
    expect(exportFileName('markdown', now)).toBe('gloss-notes-2026-11-22.md');
    expect(exportFileName('json', now)).toBe('gloss-notes-2026-11-22.json');
    expect(exportFileName('csv', new Date(2026, 0, 5))).toBe('gloss-notes-2026-01-05.csv');
  });

  it('builds each format with its MIME type', () => {
    const notes = [makeNote()];
    const md = buildExport(notes, 'markdown', now);
    expect(md.mime).toMatch(/^text\/markdown/);
    expect(md.content).toContain('## Sergei Shoigu');
    const json = buildExport(notes, 'json', now);
    expect(json.mime).toMatch(/^application\/json/);
    expect(parseNotesJson(json.content)).toEqual(notes);
    const csv = buildExport(notes, 'csv', now);
    expect(csv.mime).toMatch(/^text\/csv/);
    expect(csv.content.startsWith('\uFEFFid,')).toBe(true);
  });
});
