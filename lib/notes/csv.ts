/**
 * CSV export for spreadsheets (RFC 4180: CRLF records, quoted fields where needed, doubled
 * quotes), with a UTF-8 BOM so Excel reads Cyrillic, Hangul or Arabic correctly.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * CR as a formula, and quotes and page text come from arbitrary web pages. Such fields get a
 * leading apostrophe, which spreadsheets show as text and hide. CSV is a one-way view (it is
 * never imported back); the JSON export is the backup and keeps every field exactly.
 */
import type { Note } from './types';

export const CSV_COLUMNS = [
  'id',
  'entity_id',
  'entity_name',
  'category',
  'text',
  'quote',
  'prefix',
  'suffix',
  'url',
  'title',
  'created_at',
  'updated_at',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralizes spreadsheet formulas, then quotes the field if RFC 4180 requires it. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** Serializes notes as CSV with a header row, CRLF line endings and a leading BOM. */
export function notesToCsv(notes: readonly Note[]): string {
  let out = '\uFEFF' + row(CSV_COLUMNS);
  for (const n of notes) {
    out += row([
      n.id,
      n.entityId,
      n.entityName,
      n.category,
      n.text,
      n.quote.exact,
      n.quote.prefix,
      n.quote.suffix,
      n.url,
      n.title,
      n.createdAt,
      n.updatedAt,
    ]);
  }
  return out;
}
