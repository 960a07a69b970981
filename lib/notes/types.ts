/**
 * A saved note, anchored the way Hypothesis anchors annotations: the exact quote with some
 * prefix and suffix, plus the page it was on. The JSON export is the backup format.
 */
import * as v from 'valibot';
import { CATEGORIES } from '@/lib/kb/schema';

export const QuoteSchema = v.object({
  exact: v.pipe(v.string(), v.maxLength(1000)),
  prefix: v.pipe(v.string(), v.maxLength(200)),
  suffix: v.pipe(v.string(), v.maxLength(200)),
});

const isoTime = v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp'));

export const NoteSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  entityId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  entityName: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  category: v.picklist(CATEGORIES),
  text: v.pipe(v.string(), v.maxLength(20000)),
  url: v.pipe(v.string(), v.maxLength(4000)),
  title: v.pipe(v.string(), v.maxLength(1000)),
  quote: QuoteSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Note = v.InferOutput<typeof NoteSchema>;

/** What the card's editor sends; the store adds id and timestamps. */
export type NoteInput = Omit<Note, 'id' | 'createdAt' | 'updatedAt'>;

export const NOTES_EXPORT_FORMAT = 'gloss-notes';
export const NOTES_EXPORT_VERSION = 1;

export const NotesExportSchema = v.object({
  format: v.literal(NOTES_EXPORT_FORMAT),
  version: v.literal(NOTES_EXPORT_VERSION),
  exportedAt: isoTime,
  notes: v.array(NoteSchema),
});
export type NotesExport = v.InferOutput<typeof NotesExportSchema>;
