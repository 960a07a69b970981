/**
 * Gloss's IndexedDB store, as tasks: seeding the bundled knowledge base, cards, surface forms,
 * the cached matcher, user packs, and (re-exported from notes-db.ts) the reader's notes. The
 * schema and connection are in connection.ts. Only extension pages (background, popup,
 * options) may call it: a content script's IndexedDB belongs to the page's origin.
 */
import { unwrap, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import type { Entity, Pack } from './schema';
import type { KbBundle, KbInfo, PackInfo, ProgressFn } from './types';
import type { SerializedMatcher, SurfaceForm } from '@/lib/recognize/types';
import { formsFromEntities } from './forms';
import { chunkContents, chunkEntities, chunkOf, findInChunk, type StoredChunk } from './bundled-chunks';
import { packText, type PackText } from './bundle-text';
import { PACK_LIMITS, PackError, validatePack } from './packs';
import { kbVersionOf, pickEntity, resolveEntities } from './effective';
import {
  DB_NAME,
  EMPTY_STATE,
  db,
  exclusive,
  genRange,
  inTx,
  packRange,
  readState,
  resetConnection,
  storageError,
  withDefaults,
  type DB,
  type GlossDB,
} from './connection';

export { DB_NAME, DB_VERSION } from './connection';
export { addNote, deleteNote, importNotes, listNotes, listNotesForEntity, restoreNote, updateNote } from './notes-db';

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

/** Test hook: closes the connection, deletes the database and forgets caches. */
export async function _resetForTests(name = DB_NAME): Promise<void> {
  formsCache = undefined;
  await resetConnection(name);
}
