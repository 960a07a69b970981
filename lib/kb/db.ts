/**
 * Gloss's IndexedDB store: the bundled knowledge base, user-imported packs and notes. The
 * only module that imports `idb`; it exports tasks, never the database handle. Only extension
 * pages (background, popup, options) may call it: a content script's IndexedDB belongs to
 * the page's origin.
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
import { openDB, deleteDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import * as v from 'valibot';
import type { Entity, Pack } from './schema';
import type { KbBundle, KbInfo, PackInfo, ProgressFn } from './types';
import type { SerializedMatcher, SurfaceForm } from '@/lib/recognize/types';
import { NoteSchema, type Note, type NoteInput } from '@/lib/notes/types';
import { formsFromEntities } from './forms';
import { chunkContents, chunkEntities, chunkOf, findInChunk, type StoredChunk } from './bundled-chunks';
import { entityText, packText, type PackText } from './bundle-text';
import { PACK_LIMITS, PackError, validatePack } from './packs';
import { kbVersionOf, pickEntity, resolveEntities } from './effective';
import { mergeAction } from './note-merge';

export const DB_NAME = 'gloss';
export const DB_VERSION = 3;

interface StateRecord {
  key: 'state';
  bundledVersion: string;
  generation: number;
  bundledEntities: number;
  /** How many chunks the live generation's entities are spread over (see `chunkOf`). */
  chunks: number;
  /** Bumped by every user-pack import or removal; also the next pack's `seq`. */
  userRev: number;
}

interface GlossDB extends DBSchema {
  meta: { key: string; value: StateRecord };
  notes: { key: string; value: Note; indexes: { entityId: string; url: string; updatedAt: string } };
  bundled: { key: [number, number]; value: StoredChunk };
  packs: { key: string; value: PackInfo };
  userEntities: { key: [string, string]; value: Entity; indexes: { id: string } };
}

type DB = IDBPDatabase<GlossDB>;
const EMPTY_STATE: StateRecord = { key: 'state', bundledVersion: '', generation: 0, bundledEntities: 0, chunks: 0, userRev: 0 };

let dbName = DB_NAME;
let opening: Promise<DB> | undefined;

/** Opens lazily; a connection closed for a newer version (or by the browser) reopens on next use. */
function db(): Promise<DB> {
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
async function inTx<T, Tx extends { done: Promise<void>; abort(): void }>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
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

// Seeding and pack changes run one at a time within this context.
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

async function readState(conn: DB): Promise<StateRecord> {
  return withDefaults(await conn.get('meta', 'state'));
}

/** The state record with fields that older versions did not write filled in. */
function withDefaults(rec: StateRecord | undefined): StateRecord {
  return { ...EMPTY_STATE, ...rec };
}

/** Keys of one generation of bundled entities / one user pack's entities. */
const genRange = (gen: number) => IDBKeyRange.bound([gen], [gen, []]);
const packRange = (id: string) => IDBKeyRange.bound([id], [id, []]);

/**
 * Writes the bundled knowledge base unless `bundle.version` is already live. The entities,
 * chunked, the bundled packs' info and the state go in one relaxed-durability transaction:
 * until it commits (and if it fails, or `onProgress` throws) the previous generation stays
 * in use, and a reader never sees half of one. Later bundled packs win over earlier ones for
 * the same id. With `loadPacks`, the packs are only loaded when the version is not live.
 * Each step is recorded as a `gloss:seed:<step>` performance measure.
 */
export function seedBundled(bundle: KbBundle, opts: { onProgress?: ProgressFn } = {}): Promise<{ seeded: boolean; entities: number }> {
  return exclusive(async () => {
    let t = performance.now();
    const conn = await db();
    const state = await readState(conn);
    if (state.bundledVersion === bundle.version) return { seeded: false, entities: state.bundledEntities };
    t = step('open', t);
    const loaded = 'packs' in bundle ? bundle.packs : await bundle.loadPacks();
    t = step('load', t);
    const packs = loaded.map((p) => ('meta' in p ? p : packText(p)));
    const { chunks, count } = chunkEntities(packs.flatMap((p) => p.entities));
    t = step('records', t);
    const done = await writeGeneration(conn, { version: bundle.version, packs }, chunks, count, opts.onProgress);
    step('write', t);
    return done ? { seeded: true, entities: count } : { seeded: false, entities: (await readState(conn)).bundledEntities };
  });
}

/** Records one seeding step as the measure `gloss:seed:<name>` (read by the seed benchmark). */
function step(name: string, since: number): number {
  const now = performance.now();
  performance.measure(`gloss:seed:${name}`, { start: since, end: now });
  return now;
}

/** The seed's one transaction; false when another context seeded this version meanwhile. */
async function writeGeneration(conn: DB, bundle: { version: string; packs: PackText[] }, chunks: StoredChunk[], count: number, onProgress?: ProgressFn): Promise<boolean> {
  const tx = conn.transaction(['meta', 'packs', 'bundled'], 'readwrite', { durability: 'relaxed' });
  let stop: unknown;
  try {
    return await inTx(tx, async () => {
      const cur = withDefaults(await tx.objectStore('meta').get('state'));
      if (cur.bundledVersion === bundle.version) return false;
      const gen = cur.generation + 1;
      // Fire the puts without awaiting each: one round trip per request is what costs.
      const store = unwrap(tx.objectStore('bundled'));
      store.clear();
      let written = 0;
      chunks.forEach((c, i) => {
        const req = store.put(c, [gen, i]);
        if (!onProgress) return;
        req.onsuccess = () => {
          written += c.ids.length;
          try {
            onProgress(written, count);
          } catch (err) {
            stop = err;
            tx.abort();
          }
        };
      });
      await putBundledPacks(tx.objectStore('packs'), bundle.packs);
      await tx.objectStore('meta').put({ ...cur, bundledVersion: bundle.version, generation: gen, bundledEntities: count, chunks: chunks.length });
      return true;
    });
  } catch (e) {
    throw stop ?? e;
  }
}

type PackStore = IDBPObjectStore<GlossDB, ('meta' | 'packs' | 'bundled')[], 'packs', 'readwrite'>;

/** Replaces the bundled packs' info; a user pack with a bundled pack's id keeps its place. */
async function putBundledPacks(packs: PackStore, bundled: PackText[]): Promise<void> {
  const existing = await packs.getAll();
  for (const p of existing) if (p.bundled) await packs.delete(p.id);
  const importedAt = new Date().toISOString();
  for (const { meta, entities, aliases } of bundled) {
    if (existing.some((x) => x.id === meta.id && !x.bundled)) {
      console.warn(`Gloss: bundled pack ${meta.id} shares its id with a user pack; listing the user pack only.`);
      continue;
    }
    const { format: _format, ...header } = meta;
    await packs.put({ ...header, bundled: true, seq: 0, importedAt, entities: entities.length, aliases });
  }
}

function packInfo(p: Pack, extra: Pick<PackInfo, 'bundled' | 'seq' | 'importedAt'>): PackInfo {
  const { format: _format, entities, ...meta } = p;
  return { ...meta, ...extra, entities: entities.length, aliases: entities.reduce((n, e) => n + e.aliases.length, 0) };
}

/**
 * Card data for entity ids, in the order asked, unknown ids left out. Where several packs
 * define an id, the most recently imported user pack wins over older user packs, which win
 * over the bundled knowledge base.
 */
export async function getCards(ids: string[]): Promise<Entity[]> {
  const conn = await db();
  const tx = conn.transaction(['meta', 'bundled', 'packs', 'userEntities']);
  const state = withDefaults(await tx.objectStore('meta').get('state'));
  const unique = [...new Set(ids)];
  // Each chunk is read once however many of the ids it holds.
  const chunkIds = [...new Set(unique.map((id) => chunkOf(id, state.chunks)))];
  const [chunks, packs, user] = await Promise.all([
    Promise.all(chunkIds.map((c) => tx.objectStore('bundled').get([state.generation, c]))),
    tx.objectStore('packs').getAll(),
    Promise.all(unique.map((id) => tx.objectStore('userEntities').index('id').getAll(id))),
  ]);
  const chunkById = new Map(chunkIds.map((c, i) => [c, chunks[i]]));
  const seqOf = userSeqs(packs);
  const found = unique.map((id, i) => pickEntity(findInChunk(chunkById.get(chunkOf(id, state.chunks)), id), user[i] ?? [], seqOf));
  const byId = new Map(found.filter((e) => e !== undefined).map((e) => [e.id, e]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}

function userSeqs(packs: PackInfo[]): Map<string, number> {
  return new Map(packs.filter((p) => !p.bundled).map((p) => [p.id, p.seq]));
}

let formsCache: { version: string; forms: SurfaceForm[]; entities: number } | undefined;

async function effectiveForms(): Promise<NonNullable<typeof formsCache>> {
  const conn = await db();
  const state = await readState(conn);
  const version = kbVersionOf(state.bundledVersion, state.userRev);
  if (formsCache?.version === version) return formsCache;
  // Read everything in one transaction so the forms match the version they are cached by.
  const tx = conn.transaction(['meta', 'bundled', 'packs', 'userEntities']);
  const [st, bundled, user, packs] = await Promise.all([
    tx.objectStore('meta').get('state'),
    tx.objectStore('bundled').getAll(genRange(state.generation)),
    tx.objectStore('userEntities').getAll(),
    tx.objectStore('packs').getAll(),
  ]);
  const live = st ?? EMPTY_STATE;
  const bundledLive = live.generation === state.generation ? bundled : await tx.objectStore('bundled').getAll(genRange(live.generation));
  const effective = [...resolveEntities(bundledLive.flatMap(chunkContents), user, userSeqs(packs)).values()];
  formsCache = { version: kbVersionOf(live.bundledVersion, live.userRev), forms: formsFromEntities(effective), entities: effective.length };
  return formsCache;
}

/**
 * The matcher input: surface forms of all effective entities, and a version that changes
 * whenever the bundled KB or the user packs change. Cached in memory, checked against the
 * stored version on each call (so changes made from another extension page are seen).
 */
export async function getSurfaceForms(): Promise<{ version: string; forms: SurfaceForm[] }> {
  const { version, forms } = await effectiveForms();
  return { version, forms };
}

/** The knowledge-base version `getSurfaceForms` would report, from one small read. */
export async function getKbVersion(): Promise<string> {
  const state = await readState(await db());
  return kbVersionOf(state.bundledVersion, state.userRev);
}

/** The `meta` record that keeps the last compiled matcher (one: a new version replaces it). */
interface MatcherCacheRecord {
  key: 'matcher';
  version: string;
  matcher: SerializedMatcher;
}
const MATCHER_KEY = 'matcher';

// The schema types `meta` values as the state record, which the rest of this file relies on;
// the matcher cache shares the store, so it is read and written through an untyped view and
// checked on the way out.
async function untypedMeta(): Promise<IDBPDatabase> {
  return (await db()) as unknown as IDBPDatabase;
}

/**
 * The serialized matcher stored for knowledge-base `version` (see `getKbVersion`), or
 * undefined. Lets a restarted background answer without compiling; the caller still checks
 * that the matcher's own format version is current.
 */
export async function getCachedMatcher(version: string): Promise<SerializedMatcher | undefined> {
  const rec = (await (await untypedMeta()).get('meta', MATCHER_KEY)) as Partial<MatcherCacheRecord> | undefined;
  if (rec?.version !== version || typeof rec.matcher !== 'object' || rec.matcher === null) return undefined;
  return rec.matcher;
}

/** Stores the serialized matcher of knowledge-base `version`, replacing any older one. */
export async function putCachedMatcher(version: string, matcher: SerializedMatcher): Promise<void> {
  const rec: MatcherCacheRecord = { key: MATCHER_KEY, version, matcher };
  await (await untypedMeta()).put('meta', rec);
}

/** Bundled packs first, then user packs, most recently imported first. */
export async function listPacks(): Promise<PackInfo[]> {
  const packs = await (await db()).getAll('packs');
  return packs.sort((a, b) => Number(b.bundled) - Number(a.bundled) || b.seq - a.seq || a.name.localeCompare(b.name));
}

/** Version, effective entity and form counts, and the packs. */
export async function getKbInfo(): Promise<KbInfo> {
  const [{ version, forms, entities }, packs] = await Promise.all([effectiveForms(), listPacks()]);
  return { version, entities, forms: forms.length, packs };
}

/**
 * Imports a user pack. It is validated before anything is written (throws `PackError`) and
 * written in one transaction: a pack with the same id is replaced as a whole, and a failure
 * (or an `onProgress` that throws) leaves the store as it was. Ids of bundled packs are taken.
 */
export async function importPack(input: Pack, opts: { onProgress?: ProgressFn } = {}): Promise<PackInfo> {
  const pack = validatePack(input);
  return exclusive(async () => {
    const conn = await db();
    const tx = conn.transaction(['meta', 'packs', 'userEntities'], 'readwrite');
    let stop: unknown;
    try {
      return await inTx(tx, async () => {
        const packs = await tx.objectStore('packs').getAll();
        if (packs.some((p) => p.id === pack.id && p.bundled)) {
          throw new PackError(`The pack id "${pack.id}" belongs to a pack bundled with Gloss; give your pack another id.`);
        }
        const others = packs.filter((p) => !p.bundled && p.id !== pack.id).reduce((n, p) => n + p.aliases, 0);
        const mine = pack.entities.reduce((n, e) => n + e.aliases.length, 0);
        if (others + mine > PACK_LIMITS.maxUserAliases) {
          throw new PackError(
            `Imported packs may hold ${PACK_LIMITS.maxUserAliases.toLocaleString('en')} aliases together; this one would bring them to ${(others + mine).toLocaleString('en')}. Remove a pack first.`,
          );
        }
        const state = (await tx.objectStore('meta').get('state')) ?? EMPTY_STATE;
        const store = tx.objectStore('userEntities');
        await store.delete(packRange(pack.id));
        const raw = unwrap(store);
        const total = pack.entities.length;
        pack.entities.forEach((e, i) => {
          const req = raw.put({ ...e, pack: pack.id });
          if ((i + 1) % 1000 === 0 || i + 1 === total) {
            req.onsuccess = () => {
              try {
                opts.onProgress?.(i + 1, total);
              } catch (err) {
                stop = err;
                tx.abort();
              }
            };
          }
        });
        const seq = state.userRev + 1;
        const info = packInfo(pack, { bundled: false, seq, importedAt: new Date().toISOString() });
        await tx.objectStore('packs').put(info);
        await tx.objectStore('meta').put({ ...state, userRev: seq });
        return info;
      });
    } catch (e) {
      throw stop ?? storageError(e, 'the pack was not imported');
    }
  });
}

/** Removes a user pack and its entities; bundled packs cannot be removed. */
export function removePack(id: string): Promise<void> {
  return exclusive(async () => {
    const conn = await db();
    const tx = conn.transaction(['meta', 'packs', 'userEntities'], 'readwrite');
    await inTx(tx, async () => {
      const info = await tx.objectStore('packs').get(id);
      if (!info) throw new Error(`There is no pack "${id}".`);
      if (info.bundled) throw new Error(`"${info.name}" comes with Gloss and cannot be removed.`);
      await tx.objectStore('userEntities').delete(packRange(id));
      await tx.objectStore('packs').delete(id);
      const state = (await tx.objectStore('meta').get('state')) ?? EMPTY_STATE;
      await tx.objectStore('meta').put({ ...state, userRev: state.userRev + 1 });
    });
  });
}

/** Maps a failed write to a message a reader can act on. */
function storageError(e: unknown, what: string): Error {
  if (e instanceof PackError) return e;
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') {
    return new Error(`Storage is full: ${what}. Free some disk space or remove knowledge packs you no longer need, then try again.`);
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new Error(`${what[0]!.toUpperCase()}${what.slice(1)}: ${msg}`);
}

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

/** Test hook: closes the connection, deletes the database and forgets caches. */
export async function _resetForTests(name = DB_NAME): Promise<void> {
  const p = opening;
  opening = undefined;
  formsCache = undefined;
  queue = Promise.resolve();
  if (p) (await p.catch(() => undefined))?.close();
  await deleteDB(dbName);
  dbName = name;
}
