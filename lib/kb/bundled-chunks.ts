/**
 * How the bundled knowledge base is laid out in IndexedDB: entities grouped into chunks by a
 * hash of their id, one record per chunk, each entity kept as its JSON text. Pure, so the
 * layout is tested apart from storage.
 *
 * Why chunks: in Chromium each IndexedDB request costs about 0.15 ms whatever its size, so
 * ~3,800 one-entity puts took ~0.8 s while ~80 chunk puts of the same data take ~50 ms (see
 * BENCHMARKS.md, "First-run seeding"). Why JSON text: the bundled files already hold it, so
 * seeding parses nothing, and reading a chunk back copies strings instead of rebuilding ~48
 * entities' nested objects; only the entities asked for are parsed, so a card lookup stays
 * as fast as a per-entity read.
 */
import type { Entity } from './schema';
import type { EntityText } from './bundle-text';

/** Entities per chunk on average: small enough that a card lookup stays cheap. */
export const CHUNK_TARGET = 48;

/** A chunk as stored: ids and the entities' JSON, in the same order. */
export interface StoredChunk {
  ids: string[];
  json: string[];
}

/** The chunk an entity id belongs to, among `chunks` (FNV-1a over UTF-16 code units). */
export function chunkOf(id: string, chunks: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A state record from before chunking has no count: treat anything below 1 as one chunk.
  return chunks > 1 ? (h >>> 0) % chunks : 0;
}

/** How many chunks `count` entities are spread over. */
export function chunkCount(count: number): number {
  return Math.max(1, Math.ceil(count / CHUNK_TARGET));
}

/**
 * Groups entities into chunks by id: `chunks[i]` holds the entities whose
 * `chunkOf(id, chunks.length) === i`. When an id repeats, the later entity wins, so later
 * bundled packs override earlier ones.
 */
export function chunkEntities(entities: Iterable<EntityText>): { chunks: StoredChunk[]; count: number } {
  const byId = new Map<string, string>();
  for (const e of entities) byId.set(e.id, e.json);
  const n = chunkCount(byId.size);
  const chunks: StoredChunk[] = Array.from({ length: n }, () => ({ ids: [], json: [] }));
  for (const [id, json] of byId) {
    const c = chunks[chunkOf(id, n)] as StoredChunk;
    c.ids.push(id);
    c.json.push(json);
  }
  return { chunks, count: byId.size };
}

/**
 * Finds `id` in the chunk read for it, parsing only that entity. Text that does not parse
 * (storage is outside this code's control) counts as absent: no card rather than a broken one.
 */
export function findInChunk(chunk: StoredChunk | undefined, id: string): Entity | undefined {
  const i = chunk ? chunk.ids.indexOf(id) : -1;
  return i >= 0 ? parseEntity(chunk?.json[i]) : undefined;
}

/** All entities of a stored chunk (any that do not parse left out). */
export function chunkContents(chunk: StoredChunk): Entity[] {
  return chunk.json.flatMap((t) => parseEntity(t) ?? []);
}

function parseEntity(text: string | undefined): Entity | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Entity;
  } catch {
    return undefined;
  }
}
