/**
 * The reader's notes in IndexedDB: add, edit, delete and undo, list, and import. Every write
 * is validated first and runs in one transaction, so a failure (storage full included) leaves
 * the notes exactly as they were and comes back as a message a reader can act on.
 */
import * as v from 'valibot';
import type { IDBPTransaction } from 'idb';
import { NoteSchema, type Note, type NoteInput } from '@/lib/notes/types';
import { db, inTx, storageError, type GlossDB } from './connection';
import { mergeAction } from './note-merge';

function checkNote(data: unknown): Note {
  const res = v.safeParse(NoteSchema, data);
  if (res.success) return res.output;
  const issue = res.issues[0];
  throw new Error(`The note is not valid: ${v.getDotPath(issue) ?? 'note'}: ${issue.message}`);
}

async function writeNotes<T>(what: string, fn: (tx: IDBPTransaction<GlossDB, ['notes'], 'readwrite'>) => Promise<T>): Promise<T> {
  const conn = await db();
  const tx = conn.transaction('notes', 'readwrite');
  try {
    return await inTx(tx, fn);
  } catch (e) {
    throw storageError(e, what);
  }
}

/** Saves a new note (id and timestamps added here). Rejects with a readable message if storage is full. */
export async function addNote(input: NoteInput): Promise<Note> {
  const now = new Date().toISOString();
  const note = checkNote({ ...input, id: crypto.randomUUID(), createdAt: now, updatedAt: now });
  return writeNotes('the note was not saved', async (tx) => {
    await tx.store.add(note);
    return note;
  });
}

/** Changes a note's text and bumps its `updatedAt`. */
export async function updateNote(id: string, patch: { text: string }): Promise<Note> {
  return writeNotes('the note was not saved', async (tx) => {
    const old = await tx.store.get(id);
    if (!old) throw new Error(`There is no note ${id}; it may have been deleted.`);
    const note = checkNote({ ...old, text: patch.text, updatedAt: laterIso(old.updatedAt) });
    await tx.store.put(note);
    return note;
  });
}

/** Now, or 1 ms after `prev` if the clock has not moved on (edits must sort after the original). */
function laterIso(prev: string): string {
  return new Date(Math.max(Date.now(), Date.parse(prev) + 1)).toISOString();
}

/** Deletes a note and returns it (for undo), or undefined if there was none. */
export async function deleteNote(id: string): Promise<Note | undefined> {
  return writeNotes('the note was not deleted', async (tx) => {
    const old = await tx.store.get(id);
    if (old) await tx.store.delete(id);
    return old;
  });
}

/** Puts a deleted note back exactly as it was (undo). */
export async function restoreNote(note: Note): Promise<void> {
  const checked = checkNote(note);
  await writeNotes('the note was not restored', async (tx) => {
    await tx.store.put(checked);
  });
}

/** All notes, most recently edited first. */
export async function listNotes(): Promise<Note[]> {
  return (await (await db()).getAllFromIndex('notes', 'updatedAt')).reverse();
}

/** The notes about one entity, most recently edited first. */
export async function listNotesForEntity(entityId: string): Promise<Note[]> {
  const notes = await (await db()).getAllFromIndex('notes', 'entityId', entityId);
  return notes.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Imports notes (e.g. from a JSON export) in one transaction. Idempotent: a note already
 * stored as is counts as unchanged; a newer edit of a stored note replaces it; an older copy
 * never overwrites newer edits. All notes are validated before anything is written.
 */
export async function importNotes(notes: Note[]): Promise<{ added: number; updated: number; unchanged: number }> {
  const checked = notes.map((n, i) => {
    try {
      return checkNote(n);
    } catch (e) {
      throw new Error(`Note ${i + 1}: ${(e as Error).message}`);
    }
  });
  return writeNotes('the notes were not imported', async (tx) => {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    for (const note of checked) {
      const action = mergeAction(await tx.store.get(note.id), note);
      if (action !== 'unchanged') await tx.store.put(note);
      counts[action === 'add' ? 'added' : action === 'update' ? 'updated' : 'unchanged']++;
    }
    return counts;
  });
}
