/**
 * Which entity wins when several packs define the same id, and the KB version string.
 * Pure, so the rules are tested apart from IndexedDB.
 */
import type { Entity } from './schema';

/**
 * Resolves entities by id. Precedence, highest first: the most recently imported user pack
 * (highest `seq`), then older user packs, then the bundled knowledge base. `seqOf` maps a
 * user pack id to its import sequence; entities of unknown packs are ignored.
 */
export function resolveEntities(
  bundled: readonly Entity[],
  user: readonly Entity[],
  seqOf: ReadonlyMap<string, number>,
): Map<string, Entity> {
  const out = new Map<string, Entity>();
  for (const e of bundled) out.set(e.id, e);
  const ranked = user
    .filter((e) => e.pack !== undefined && seqOf.has(e.pack))
    .sort((a, b) => seqOf.get(a.pack!)! - seqOf.get(b.pack!)!);
  for (const e of ranked) out.set(e.id, e);
  return out;
}

/** The winning entity among candidates for one id (see `resolveEntities`). */
export function pickEntity(
  bundled: Entity | undefined,
  user: readonly Entity[],
  seqOf: ReadonlyMap<string, number>,
): Entity | undefined {
  let best: Entity | undefined;
  let bestSeq = -Infinity;
  for (const e of user) {
    const seq = e.pack === undefined ? undefined : seqOf.get(e.pack);
    if (seq !== undefined && seq > bestSeq) [best, bestSeq] = [e, seq];
  }
  return best ?? bundled;
}

/**
 * The KB version the content script caches its matcher by: the bundled version, plus a
 * revision counter that every user-pack import or removal bumps.
 */
export function kbVersionOf(bundledVersion: string, userRev: number): string {
  return `${bundledVersion || 'empty'}${userRev ? `+u${userRev}` : ''}`;
}
