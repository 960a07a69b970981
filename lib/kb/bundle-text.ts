/**
 * Bundled pack files (public/kb) read for seeding without parsing their entities. The build
 * (scripts/kb/compile.ts `serializePack`) writes one entity per line, keys in schema order:
 * `id` first and `pack` last. Seeding stores each entity's JSON text as it is (see
 * bundled-chunks.ts), so it only has to find the lines and their ids; the entities are parsed
 * when read. Pure, so it runs in tests and in the service worker alike.
 */
import type { Entity, Pack, PackMeta } from './schema';

/** One entity as shipped and stored: its id and its JSON text. */
export interface EntityText {
  id: string;
  json: string;
}

/** A pack's header, its entities as text, and how many aliases they have. */
export interface PackText {
  meta: PackMeta;
  entities: EntityText[];
  aliases: number;
}

const ENTITIES_OPEN = ',"entities":[';
const PACK_CLOSE = ']}';
// Ids are validated (`Q123` or `prefix:slug`), so they hold no quote or backslash.
const ID_FIRST = /^\{"id":"([^"\\]+)",/;
// Inside a JSON string every quote is escaped, so this can only be an alias's `lang` key
// (no other object in an entity has one).
const LANG_KEY = '"lang":"';

/**
 * Reads a bundled pack file. The build's line layout is split without parsing entities; any
 * other valid pack JSON (hand-made, older build) is parsed and re-serialized, so the result
 * is the same either way.
 */
export function readPackText(text: string): PackText {
  return splitLines(text) ?? packText(JSON.parse(text) as Pack);
}

/** The text form of a parsed pack; entities without a `pack` are tagged with the pack's id. */
export function packText(pack: Pack): PackText {
  const { entities, ...meta } = pack;
  return {
    meta,
    entities: entities.map((e) => entityText(e.pack ? e : { ...e, pack: pack.id })),
    aliases: entities.reduce((n, e) => n + e.aliases.length, 0),
  };
}

/** One entity's text form. */
export function entityText(e: Entity): EntityText {
  return { id: e.id, json: JSON.stringify(e) };
}

function splitLines(text: string): PackText | undefined {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const head = lines[0];
  if (lines.length < 2 || !head?.endsWith(ENTITIES_OPEN) || lines.at(-1) !== PACK_CLOSE) return undefined;
  let meta: PackMeta;
  try {
    const { entities: _none, ...rest } = JSON.parse(head + PACK_CLOSE) as Pack;
    meta = rest;
  } catch {
    return undefined;
  }
  const packEnd = `,"pack":${JSON.stringify(meta.id)}}`;
  const last = lines.length - 2;
  const entities: EntityText[] = [];
  let aliases = 0;
  for (let i = 1; i <= last; i++) {
    let json = lines[i] as string;
    if (i < last) {
      if (!json.endsWith(',')) return undefined;
      json = json.slice(0, -1);
    }
    const id = ID_FIRST.exec(json)?.[1];
    if (id === undefined || !json.endsWith(packEnd)) return undefined;
    for (let at = json.indexOf(LANG_KEY); at >= 0; at = json.indexOf(LANG_KEY, at + LANG_KEY.length)) aliases++;
    entities.push({ id, json });
  }
  return { meta, entities, aliases };
}
