import { CSV_COLUMNS, csvField, notesToCsv } from './csv';
import { makeNote, randomNotes } from './test-notes';

/** A strict RFC 4180 reader (CRLF records), written independently to check the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; continue; }
    throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) throw new Error('missing final CRLF');
  return rows;
}

/** The documented guard: a field starting with = + - @ TAB or CR gets one leading apostrophe. */
const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Kursk')).toBe('Kursk');
    expect(csvField('')).toBe('');
    expect(csvField("O'Brien")).toBe("O'Brien");
  });
  it('quotes fields with commas, quotes, CR or LF and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });
  it('neutralizes formulas with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('notesToCsv', () => {
  it('starts with a BOM and a header row and uses CRLF', () => {
    const csv = notesToCsv([makeNote({ id: 'x1' })]);
    expect(csv.startsWith('\uFEFFid,entity_id,entity_name,category,text,quote,prefix,suffix,url,title,created_at,updated_at\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(parseCsv(csv.slice(1))).toHaveLength(2);
  });

  it('writes columns in order, keeping non-Latin text as is', () => {
    const n = makeNote({ id: 'k', entityName: 'Ким Чен Ын', text: '김정은, 평양에서', title: 'بيان "رسمي"' });
    const [, row] = parseCsv(notesToCsv([n]).slice(1));
    expect(row).toEqual([
      'k', n.entityId, 'Ким Чен Ын', 'person', '김정은, 평양에서', n.quote.exact, n.quote.prefix, n.quote.suffix, n.url,
      'بيان "رسمي"', n.createdAt, n.updatedAt,
    ]);
  });

  it('writes only the header for no notes', () => {
    expect(notesToCsv([])).toBe('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n');
  });

  it('property: random notes read back field for field (with formula guards)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const notes = randomNotes(seed, 20);
      const rows = parseCsv(notesToCsv(notes).slice(1));
      expect(rows).toHaveLength(notes.length + 1);
      rows.slice(1).forEach((row, i) => {
        const n = notes[i]!;
        const expected = [n.id, n.entityId, n.entityName, n.category, n.text, n.quote.exact, n.quote.prefix, n.quote.suffix, n.url, n.title, n.createdAt, n.updatedAt];
        expect(row, `seed ${seed} note ${i}`).toEqual(expected.map(guarded));
        row.forEach((f) => expect(/^[=+\-@\t\r]/.test(f), f).toBe(false));
      });
    }
  });
});
