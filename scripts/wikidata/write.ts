/** Writes a pack as JSON, or as JSON Lines (header line, then one entity per line). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Pack } from '../../lib/kb/schema';

export async function writePack(pack: Pack, path: string): Promise<void> {
  const out = createWriteStream(path, 'utf8');
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const { entities, ...meta } = pack;
  if (/\.(jsonl|ndjson)$/i.test(path)) {
    await write(JSON.stringify(meta) + '\n');
    for (const e of entities) await write(JSON.stringify(e) + '\n');
  } else {
    // One entity per line keeps big packs diffable without a pretty-printer's size.
    await write(JSON.stringify(meta).slice(0, -1) + ',"entities":[\n');
    for (let i = 0; i < entities.length; i++) await write(JSON.stringify(entities[i]) + (i + 1 < entities.length ? ',\n' : '\n'));
    await write(']}\n');
  }
  out.end();
  await once(out, 'finish');
}
