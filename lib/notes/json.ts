/**
 * The JSON export: Gloss's backup format. `notesToJson` and `parseNotesJson` are exact
 * inverses for valid notes, and parsing rejects anything else with a message a reader can act on.
 */
import * as v from 'valibot';
import type { Note, NotesExport } from './types';
import { NOTES_EXPORT_FORMAT, NOTES_EXPORT_VERSION, NoteSchema } from './types';

/** Serializes notes as a versioned, pretty-printed `NotesExport`. */
export function notesToJson(notes: readonly Note[], exportedAt: Date = new Date()): string {
  const doc: NotesExport = {
    format: NOTES_EXPORT_FORMAT,
    version: NOTES_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    notes: notes.map(pickNote),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Keeps only the schema's fields, in a stable order, so stray properties never leak out. */
function pickNote(n: Note): Note {
  return {
    id: n.id,
    entityId: n.entityId,
    entityName: n.entityName,
    category: n.category,
    text: n.text,
    url: n.url,
    title: n.title,
    quote: { exact: n.quote.exact, prefix: n.quote.prefix, suffix: n.quote.suffix },
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

/** Thrown by `parseNotesJson`; the message is meant to be shown to the reader as is. */
export class NotesImportError extends Error {
  override name = 'NotesImportError';
}

/**
 * Parses a Gloss notes export. Throws `NotesImportError` when the text is not JSON, is not a
 * Gloss notes export, has an unsupported version, or holds an invalid or repeated note (the
 * message names the first bad note, 1-based, and its field).
 */
export function parseNotesJson(text: string): Note[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new NotesImportError('This file is not JSON. Choose a file made with "Export JSON".');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new NotesImportError('This is not a Gloss notes export (expected a JSON object).');
  }
  const doc = data as Record<string, unknown>;
  if (doc.format !== NOTES_EXPORT_FORMAT) {
    throw new NotesImportError(
      `This is not a Gloss notes export (format is ${describe(doc.format)}, expected "${NOTES_EXPORT_FORMAT}").`,
    );
  }
  if (doc.version !== NOTES_EXPORT_VERSION) {
    throw new NotesImportError(
      `Unsupported export version ${describe(doc.version)}: this version of Gloss reads version ${NOTES_EXPORT_VERSION}.`,
    );
  }
  if (!Array.isArray(doc.notes)) throw new NotesImportError('The export has no "notes" list.');

  const seen = new Set<string>();
  return doc.notes.map((raw, i) => {
    const result = v.safeParse(NoteSchema, raw);
    if (!result.success) {
      const issue = result.issues[0];
      const path = issue ? v.getDotPath(issue) : null;
      throw new NotesImportError(`Invalid note ${i + 1}: ${path ?? 'note'}: ${issue?.message ?? 'invalid'}.`);
    }
    if (seen.has(result.output.id)) {
      throw new NotesImportError(`Invalid note ${i + 1}: id "${result.output.id}" appears twice.`);
    }
    seen.add(result.output.id);
    return result.output;
  });
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}
