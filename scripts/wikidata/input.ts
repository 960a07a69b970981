/**
 * Reading converter input: a Wikidata JSON dump (a JSON array with one entity per line,
 * each ending in a comma; gzipped or not, detected by the magic bytes), or one JSON
 * document (a SPARQL JSON result, Special:EntityData's `{entities: {...}}`, or an array).
 */
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { WdEntity } from './wikidata-json';

export type InputKind = 'dump' | 'document';

export interface ReadProgress {
  bytes: number;
  total: number;
}

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** A text stream of the file (decompressed if gzipped) and the raw byte stream for progress. */
async function openText(path: string): Promise<{ text: Readable; raw: ReturnType<typeof createReadStream> }> {
  const raw = createReadStream(path);
  const text = (await isGzip(path)) ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (e) => text.destroy(e));
  return { text, raw };
}

/** `dump` when the first non-blank line is "[" (one entity per line), else `document`. */
export async function detectInput(path: string): Promise<InputKind> {
  const { text, raw } = await openText(path);
  const rl = createInterface({ input: text, crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      const t = line.trim();
      if (!t) continue;
      return t === '[' || (t.startsWith('[{') && t.endsWith(',')) ? 'dump' : 'document';
    }
    return 'document';
  } finally {
    rl.close();
    raw.destroy();
  }
}

/**
 * Streams the entities of a dump, one line at a time. Lines that are not JSON are counted
 * in `bad` (the first few are reported through `onBadLine`) rather than stopping the run.
 */
export async function* readDump(
  path: string,
  hooks: { onProgress?: (p: ReadProgress) => void; onBadLine?: (line: number, message: string) => void } = {},
): AsyncGenerator<WdEntity> {
  const total = statSync(path).size;
  const { text, raw } = await openText(path);
  const rl = createInterface({ input: text, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      let t = line.trim();
      if (t.startsWith('[')) t = t.slice(1);
      if (t.endsWith(']')) t = t.slice(0, -1);
      if (t.endsWith(',')) t = t.slice(0, -1);
      if (!t) continue;
      let entity: unknown;
      try {
        entity = JSON.parse(t);
      } catch (e) {
        hooks.onBadLine?.(n, (e as Error).message);
        continue;
      }
      if (n % 1000 === 0) hooks.onProgress?.({ bytes: raw.bytesRead, total });
      if (typeof entity === 'object' && entity !== null) yield entity as WdEntity;
    }
    hooks.onProgress?.({ bytes: total, total });
  } finally {
    rl.close();
    raw.destroy();
  }
}

/** Reads a whole JSON document (decompressing if needed). */
export async function readDocument(path: string): Promise<unknown> {
  const { text } = await openText(path);
  const parts: string[] = [];
  text.setEncoding('utf8');
  for await (const chunk of text) parts.push(chunk as string);
  return JSON.parse(parts.join('').replace(/^\uFEFF/, ''));
}

/** The entities of a Special:EntityData document or a plain array of entities. */
export function entitiesOfDocument(doc: unknown): WdEntity[] | undefined {
  if (Array.isArray(doc)) return doc as WdEntity[];
  const ents = (doc as { entities?: unknown } | null)?.entities;
  if (typeof ents === 'object' && ents !== null) return Object.values(ents) as WdEntity[];
  return undefined;
}
