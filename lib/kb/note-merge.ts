/** How an imported note relates to the one already stored (pure; used by db.ts). */
import type { Note } from '@/lib/notes/types';

export type MergeAction = 'add' | 'update' | 'unchanged';

/**
 * `add` when there is no stored note with the id; `update` when the incoming note differs
 * and was edited later; otherwise `unchanged` (an identical note, or an older copy of one
 * the reader has edited since: importing a stale backup never undoes newer edits).
 */
export function mergeAction(stored: Note | undefined, incoming: Note): MergeAction {
  if (!stored) return 'add';
  if (sameNote(stored, incoming)) return 'unchanged';
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt) ? 'update' : 'unchanged';
}

/** Field-by-field equality over the schema's fields (stray properties are ignored). */
export function sameNote(a: Note, b: Note): boolean {
  return (
    a.id === b.id &&
    a.entityId === b.entityId &&
    a.entityName === b.entityName &&
    a.category === b.category &&
    a.text === b.text &&
    a.url === b.url &&
    a.title === b.title &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt
  );
}
