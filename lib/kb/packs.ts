/**
 * Reading knowledge packs that readers import: JSON (one `Pack` object) or JSON Lines (a
 * header line with the pack's meta, then one entity per line). Input is only ever handed to
 * `JSON.parse` and checked against the schema; nothing in it is evaluated, and unknown
 * fields are dropped. Errors are `PackError`s whose message can be shown as is.
 */
import * as v from 'valibot';
import { jsonErrorOffset } from './json-position';
import { EntitySchema, PackMetaSchema, PackSchema, type Entity, type Pack, type PackMeta } from './schema';

/** Limits for one pack; chosen so one pack cannot swamp every tab's matcher. */
export const PACK_LIMITS = {
  /** Bytes of the file. */
  maxBytes: 50 * 1024 * 1024,
  maxEntities: 100_000,
  /** Aliases summed over the pack's entities (each entity also allows at most 500). */
  maxAliases: 150_000,
  /** Aliases summed over all user packs together; checked when a pack is imported. */
  maxUserAliases: 300_000,
  /** Characters in one JSON Lines line. */
  maxLineChars: 1_000_000,
} as const;

/** Thrown for any pack that cannot be imported; `problems` lists up to 10 specific issues. */
export class PackError extends Error {
  override name = 'PackError';
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}\n${problems.map((p) => `- ${p}`).join('\n')}` : message);
  }
}

const MAX_PROBLEMS = 10;

/**
 * Parses and validates a pack's text; the result is deep-frozen. JSON Lines is chosen by a `.jsonl`/`.ndjson` file
 * name, otherwise by content (a first line that is a complete object with no `entities`).
 * Throws `PackError` naming the problem (and, for JSON Lines, the line).
 */
export function parsePackText(text: string, fileName = ''): Pack {
  const where = fileName ? `${fileName}: ` : '';
  if (text.length > PACK_LIMITS.maxBytes) {
    throw new PackError(`${where}the file is larger than ${mb(PACK_LIMITS.maxBytes)}; split it into smaller packs.`);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new PackError(`${where}the file is empty.`);
  return isJsonLines(body, fileName) ? parseJsonLines(body, where) : parseJson(body, where);
}

/**
 * Reads a pack file with progress (bytes read, total bytes), then parses it like
 * `parsePackText`. Rejects files over the size limit before reading them.
 */
export async function parsePackFile(file: Blob, onProgress?: (loaded: number, total: number) => void): Promise<Pack> {
  const name = 'name' in file && typeof file.name === 'string' ? file.name : '';
  if (file.size > PACK_LIMITS.maxBytes) {
    throw new PackError(`${name ? `${name}: ` : ''}the file is larger than ${mb(PACK_LIMITS.maxBytes)}; split it into smaller packs.`);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let loaded = 0;
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      parts.push(decoder.decode(value, { stream: true }));
      onProgress?.(loaded, file.size);
    }
    parts.push(decoder.decode());
  } catch (e) {
    if (e instanceof TypeError) throw new PackError(`${name ? `${name}: ` : ''}the file is not UTF-8 text.`);
    throw e;
  } finally {
    reader.releaseLock();
  }
  return parsePackText(parts.join(''), name);
}

/**
 * Validates an in-memory pack (e.g. one received by message): schema, limits and unique
 * ids. Returns the parsed pack (defaults filled in, unknown fields dropped), deep-frozen.
 */
export function validatePack(data: unknown, where = ''): Pack {
  // The options page parses a file, then imports it: validate 100k entities once, not twice.
  if (validated.has(data as object)) return data as Pack;
  checkSize(data, where);
  const res = v.safeParse(PackSchema, data);
  if (!res.success) throw new PackError(`${where}the pack is not valid:`, issuesOf(res.issues, data));
  checkUniqueIds(res.output.entities, (i) => `entity ${i + 1}`, where);
  return seal(res.output);
}

/** Packs this module validated. They are deep-frozen, so they cannot have changed since. */
const validated = new WeakSet<object>();

function seal(pack: Pack): Pack {
  const freeze = (x: unknown) => {
    if (typeof x !== 'object' || x === null || Object.isFrozen(x)) return;
    Object.freeze(x);
    for (const v of Object.values(x)) freeze(v);
  };
  freeze(pack);
  validated.add(pack);
  return pack;
}

function isJsonLines(body: string, fileName: string): boolean {
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return true;
  if (/\.json$/i.test(fileName)) return false;
  const nl = body.indexOf('\n');
  if (nl < 0) return false;
  try {
    const first: unknown = JSON.parse(body.slice(0, nl));
    return typeof first === 'object' && first !== null && !Array.isArray(first) && !('entities' in first);
  } catch {
    return false;
  }
}

function parseJson(body: string, where: string): Pack {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    throw new PackError(`${where}${jsonProblem(e, body)}`);
  }
  return validatePack(data, where);
}

function parseJsonLines(body: string, where: string): Pack {
  const lines = body.split('\n');
  const problems: string[] = [];
  let meta: PackMeta | undefined;
  const entities: Entity[] = [];
  let aliases = 0;
  const headerLine = lines.findIndex((l) => l.trim() !== '');
  for (let i = 0; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line.trim()) continue;
    const at = `line ${i + 1}`;
    if (line.length > PACK_LIMITS.maxLineChars) {
      problems.push(`${at}: the line is longer than ${PACK_LIMITS.maxLineChars.toLocaleString('en')} characters`);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (e) {
      problems.push(`${at}: ${jsonProblem(e, line)}`);
      continue;
    }
    if (i === headerLine) {
      if (typeof data === 'object' && data !== null && 'entities' in data) {
        throw new PackError(`${where}line 1 is the pack header and must not hold "entities"; put one entity per line after it.`);
      }
      const res = v.safeParse(PackMetaSchema, data);
      if (!res.success) throw new PackError(`${where}the header (${at}) is not valid:`, issuesOf(res.issues, data));
      meta = res.output;
      continue;
    }
    if (entities.length >= PACK_LIMITS.maxEntities) {
      throw new PackError(`${where}the pack has more than ${PACK_LIMITS.maxEntities.toLocaleString('en')} entities; split it into smaller packs.`);
    }
    const res = v.safeParse(EntitySchema, data);
    if (!res.success) {
      const id = idOf(data);
      for (const p of issuesOf(res.issues, data)) problems.push(`${at}${id ? ` (${id})` : ''}: ${p}`);
      continue;
    }
    aliases += res.output.aliases.length;
    if (aliases > PACK_LIMITS.maxAliases) throw tooManyAliases(where);
    entities.push(res.output);
  }
  if (problems.length) throw new PackError(`${where}the pack is not valid:`, problems.slice(0, MAX_PROBLEMS));
  if (!meta) throw new PackError(`${where}the file has no header line.`);
  checkUniqueIds(entities, (i) => `entity ${i + 1}`, where);
  return seal({ ...meta, entities });
}

/** Cheap checks before the full validation, so a huge pack fails fast. */
function checkSize(data: unknown, where: string): void {
  if (typeof data !== 'object' || data === null) return;
  const list = (data as { entities?: unknown }).entities;
  if (!Array.isArray(list)) return;
  if (list.length > PACK_LIMITS.maxEntities) {
    throw new PackError(`${where}the pack has ${list.length.toLocaleString('en')} entities; the limit is ${PACK_LIMITS.maxEntities.toLocaleString('en')}. Split it into smaller packs.`);
  }
  let aliases = 0;
  for (const e of list) {
    const a = typeof e === 'object' && e !== null ? (e as { aliases?: unknown }).aliases : undefined;
    if (Array.isArray(a)) aliases += a.length;
  }
  if (aliases > PACK_LIMITS.maxAliases) throw tooManyAliases(where, aliases);
}

function tooManyAliases(where: string, n?: number): PackError {
  const has = n === undefined ? 'more than' : `${n.toLocaleString('en')} aliases;`;
  const tail = n === undefined ? ` ${PACK_LIMITS.maxAliases.toLocaleString('en')} aliases;` : ` the limit is ${PACK_LIMITS.maxAliases.toLocaleString('en')};`;
  return new PackError(`${where}the pack has ${has}${tail} split it into smaller packs.`);
}

function checkUniqueIds(entities: readonly Entity[], label: (i: number) => string, where: string): void {
  const first = new Map<string, number>();
  const problems: string[] = [];
  entities.forEach((e, i) => {
    const prev = first.get(e.id);
    if (prev === undefined) first.set(e.id, i);
    else if (problems.length < MAX_PROBLEMS) problems.push(`${label(i)}: id ${e.id} is already used by ${label(prev)}`);
  });
  if (problems.length) throw new PackError(`${where}entity ids must be unique:`, problems);
}

type Issues = [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];

/** "entities[3] (Q42).aliases[0].lang: must be a language tag" for the first few issues. */
function issuesOf(issues: Issues, data: unknown): string[] {
  return issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const keys = issue.path?.map((p) => p.key as string | number) ?? [];
    let path = '';
    keys.forEach((k, i) => {
      path += typeof k === 'number' ? `[${k}]` : `${path ? '.' : ''}${k}`;
      if (i === 1 && keys[0] === 'entities' && typeof k === 'number') {
        const id = idOf((data as { entities: unknown[] }).entities[k]);
        if (id) path += ` (${id})`;
      }
    });
    return `${path || '(top level)'}: ${issue.message}`;
  });
}

function idOf(x: unknown): string | undefined {
  const id = typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 100) : undefined;
}

function jsonProblem(e: unknown, text: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(msg)?.[1];
  const offset = pos === undefined ? jsonErrorOffset(text) : Number(pos);
  if (/end of (json )?(input|data)|unterminated/i.test(msg) || offset >= text.trimEnd().length) {
    return 'the JSON ends early (is the file truncated?)';
  }
  if (offset < 0) return `not valid JSON (${msg})`;
  const before = text.slice(0, offset);
  const col = before.length - before.lastIndexOf('\n');
  if (!text.includes('\n')) return `not valid JSON at column ${col}`;
  return `not valid JSON at line ${before.split('\n').length}, column ${col}`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
