/**
 * The IndexedDB connection behind Gloss's store: the schema, its upgrades, and the helpers
 * that db.ts (knowledge base) and notes-db.ts (notes) share. The only module that opens the
 * database; callers use db.ts, never the handle.
 *
 * Stores (schema version 3):
 * - `bundled`: bundled entities in chunks (see bundled-chunks.ts), keyed `[generation, chunk]`.
 *   A seed replaces them, the packs' info and `meta.state` in one transaction, so readers see
 *   the previous generation until the new one is complete.
 * - `packs`: pack info (bundled and user), keyed by pack id.
 * - `userEntities`: entities of user packs, keyed `[pack, id]`, indexed by `id`.
 * - `notes`: the reader's notes, indexed by entityId, url and updatedAt.
 * - `meta`: `state` (bundled version, live generation, user-pack revision).
 * Bundled and user data live in separate stores, so re-seeding never touches notes or packs.
 */
import { openDB, deleteDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { Entity } from './schema';
import type { PackInfo } from './types';
import type { Note } from '@/lib/notes/types';
import { chunkEntities, type StoredChunk } from './bundled-chunks';
import { entityText } from './bundle-text';
import { PackError } from './packs';

export const DB_NAME = 'gloss';
export const DB_VERSION = 3;

export interface StateRecord {
  key: 'state';
  bundledVersion: string;
  generation: number;
  bundledEntities: number;
  /** How many chunks the live generation's entities are spread over (see `chunkOf`). */
  chunks: number;
  /** Bumped by every user-pack import or removal; also the next pack's `seq`. */
  userRev: number;
}

export interface GlossDB extends DBSchema {
  meta: { key: string; value: StateRecord };
  notes: { key: string; value: Note; indexes: { entityId: string; url: string; updatedAt: string } };
  bundled: { key: [number, number]; value: StoredChunk };
  packs: { key: string; value: PackInfo };
  userEntities: { key: [string, string]; value: Entity; indexes: { id: string } };
}

export type DB = IDBPDatabase<GlossDB>;
export const EMPTY_STATE: StateRecord = { key: 'state', bundledVersion: '', generation: 0, bundledEntities: 0, chunks: 0, userRev: 0 };

let dbName = DB_NAME;
let opening: Promise<DB> | undefined;

/** Opens lazily; a connection closed for a newer version (or by the browser) reopens on next use. */
export function db(): Promise<DB> {
  if (opening) return opening;
  const p: Promise<DB> = openDB<GlossDB>(dbName, DB_VERSION, {
    upgrade(conn, oldVersion, _newVersion, tx) {
      // Version 1 held only notes and meta; version 2 added the knowledge-base stores.
      if (oldVersion < 1) {
        const notes = conn.createObjectStore('notes', { keyPath: 'id' });
        notes.createIndex('entityId', 'entityId');
        notes.createIndex('url', 'url');
        notes.createIndex('updatedAt', 'updatedAt');
        conn.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        // Untyped: the store is no longer in the schema, version 3 replaces it.
        unwrap(conn).createObjectStore('entities');
        conn.createObjectStore('packs', { keyPath: 'id' });
        conn.createObjectStore('userEntities', { keyPath: ['pack', 'id'] }).createIndex('id', 'id');
      }
      // Version 3 stores bundled entities in chunks (one entity per record made seeding slow).
      if (oldVersion < 3) {
        conn.createObjectStore('bundled');
        chunkLegacyEntities(unwrap(tx));
      }
    },
    blocked() {
      console.warn('Gloss: the database upgrade waits for another Gloss page to close.');
    },
    blocking() {
      // A newer Gloss wants to upgrade: step aside; the next call reopens.
      if (opening === p) opening = undefined;
      void p.then((conn) => conn.close());
    },
    terminated() {
      if (opening === p) opening = undefined;
    },
  });
  opening = p;
  p.catch(() => {
    if (opening === p) opening = undefined;
  });
  return p;
}

/**
 * Moves the live generation of the version 2 `entities` store (one record per entity) into
 * chunks, so the knowledge base stays readable across the upgrade, then drops the store.
 * Plain requests: the upgrade transaction must not wait on anything else.
 */
function chunkLegacyEntities(tx: IDBTransaction): void {
  const t0 = performance.now();
  // The commit is part of the cost; measured for the benchmark's update figures.
  tx.addEventListener('complete', () => performance.measure('gloss:db-upgrade', { start: t0, end: performance.now() }));
  const drop = () => tx.db.deleteObjectStore('entities');
  const get = tx.objectStore('meta').get('state');
  get.onsuccess = () => {
    const state = get.result as Omit<StateRecord, 'chunks'> | undefined;
    if (!state?.bundledVersion) return drop();
    const all = tx.objectStore('entities').getAll(genRange(state.generation));
    all.onsuccess = () => {
      const legacy = all.result as Entity[];
      if (legacy.length === 0) {
        // Nothing to keep under a recorded version: forget the version so that a seed runs.
        tx.objectStore('meta').put({ ...state, bundledVersion: '', bundledEntities: 0, chunks: 0 });
        return drop();
      }
      const { chunks, count } = chunkEntities(legacy.map(entityText));
      chunks.forEach((c, i) => tx.objectStore('bundled').put(c, [state.generation, i]));
      tx.objectStore('meta').put({ ...state, bundledEntities: count, chunks: chunks.length });
      drop();
    };
  };
}

/** Runs `fn` inside `tx`; on any error aborts the transaction so nothing is half-written. */
export async function inTx<T, Tx extends { done: Promise<void>; abort(): void }>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // A failed request rejects `done` before `fn` sees its own error; it is awaited below.
  tx.done.catch(() => undefined);
  try {
    const out = await fn(tx);
    await tx.done;
    return out;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw e;
  }
}

/** Seeding and pack changes run one at a time within this context. */
let queue: Promise<unknown> = Promise.resolve();
export function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export async function readState(conn: DB): Promise<StateRecord> {
  return withDefaults(await conn.get('meta', 'state'));
}

/** The state record with fields that older versions did not write filled in. */
export function withDefaults(rec: StateRecord | undefined): StateRecord {
  return { ...EMPTY_STATE, ...rec };
}

/** Keys of one generation of bundled entities / one user pack's entities. */
export const genRange = (gen: number) => IDBKeyRange.bound([gen], [gen, []]);
export const packRange = (id: string) => IDBKeyRange.bound([id], [id, []]);

/** Maps a failed write to a message a reader can act on. */
export function storageError(e: unknown, what: string): Error {
  if (e instanceof PackError) return e;
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') {
    return new Error(`Storage is full: ${what}. Free some disk space or remove knowledge packs you no longer need, then try again.`);
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new Error(`${what[0]!.toUpperCase()}${what.slice(1)}: ${msg}`);
}

/** Test hook: closes the connection, deletes the database and uses `name` from now on. */
export async function resetConnection(name: string): Promise<void> {
  const p = opening;
  opening = undefined;
  queue = Promise.resolve();
  if (p) (await p.catch(() => undefined))?.close();
  await deleteDB(dbName);
  dbName = name;
}
