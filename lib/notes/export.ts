/**
 * Export file assembly: content, MIME type and file name per format (pure; the download
 * itself happens in the options page).
 */
import type { Note } from './types';
import { notesToCsv } from './csv';
import { notesToJson } from './json';
import { notesToMarkdown } from './markdown';

export type ExportFormat = 'markdown' | 'json' | 'csv';

export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

const EXT: Record<ExportFormat, string> = { markdown: 'md', json: 'json', csv: 'csv' };
const MIME: Record<ExportFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  json: 'application/json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
};

/** `gloss-notes-YYYY-MM-DD.<ext>`, using the reader's local date. */
export function exportFileName(format: ExportFormat, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `gloss-notes-${date}.${EXT[format]}`;
}

/** Builds the export file for `notes` in `format`. */
export function buildExport(notes: readonly Note[], format: ExportFormat, now: Date = new Date()): ExportFile {
  const content =
    format === 'markdown' ? notesToMarkdown(notes, now) : format === 'json' ? notesToJson(notes, now) : notesToCsv(notes);
  return { filename: exportFileName(format, now), mime: MIME[format], content };
}
