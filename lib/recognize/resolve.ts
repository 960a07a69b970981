/**
 * Overlap resolution and disambiguation. Overlapping candidates form a cluster; in each, the
 * longest wins (demonyms lose ties), and a candidate whose entity cannot be decided gives
 * way to the next. Entity choice uses page-level state: which entity was named most
 * recently, and how often each was mentioned. See README.md for the rules in prose.
 */
import { type CompiledMatcher, CATEGORY_LIST, K_DEMONYM, K_SURNAME } from './compile.ts';
import type { Mention } from './types.ts';
import type { Candidate } from './walk.ts';

/** Page-level coreference state, carried across the chunks of one document. */
export class CorefState {
  /** Entity index -> sequence number of its latest direct mention. */
  readonly lastSeen = new Map<number, number>();
  readonly counts = new Map<string, number>();
  seq = 0;
  clear(): void {
    this.lastSeen.clear();
    this.counts.clear();
    this.seq = 0;
  }
}

interface Claimant {
  entity: number;
  entry: number;
  surnameOnly: boolean;
  demonymOnly: boolean;
  priority: number;
}

interface Choice {
  start: number;
  end: number;
  entity: number;
  entry: number;
  via: 'direct' | 'coref';
}

function claimantsOf(m: CompiledMatcher, entries: readonly number[]): Claimant[] {
  const out: Claimant[] = [];
  for (const e of entries) {
    const entity = m.entryEntity[e]!;
    const kind = m.entryMeta[e]! & 7;
    const prio = m.entryPriority[e]!;
    let c: Claimant | undefined;
    for (const x of out) if (x.entity === entity) c = x;
    if (c === undefined) {
      c = { entity, entry: e, surnameOnly: true, demonymOnly: true, priority: prio };
      out.push(c);
    }
    if (kind !== K_SURNAME) {
      if (c.surnameOnly) c.entry = e;
      c.surnameOnly = false;
    }
    if (kind !== K_DEMONYM) c.demonymOnly = false;
    if (prio > c.priority) c.priority = prio;
  }
  return out;
}

function isDemonymOnly(m: CompiledMatcher, c: Candidate): boolean {
  return c.entries.every((e) => (m.entryMeta[e]! & 7) === K_DEMONYM);
}

/** Picks the entity a candidate refers to, or null when the page gives no safe answer. */
export function chooseEntity(m: CompiledMatcher, c: Candidate, state: CorefState): Choice | null {
  if (c.entries.length === 1) {
    const e = c.entries[0]!;
    const entity = m.entryEntity[e]!;
    if ((m.entryMeta[e]! & 7) !== K_SURNAME) return { start: c.start, end: c.end, entity, entry: e, via: 'direct' };
    // A lone surname: its entity if named before, else nothing (the general rules below, short).
    return state.lastSeen.has(entity) ? { start: c.start, end: c.end, entity, entry: e, via: 'coref' } : null;
  }
  const claimants = claimantsOf(m, c.entries);
  const only = claimants.length === 1 ? claimants[0]! : undefined;
  if (only !== undefined && !only.surnameOnly) return { start: c.start, end: c.end, entity: only.entity, entry: only.entry, via: 'direct' };
  let recent: Claimant | undefined;
  let recentSeq = -1;
  for (const x of claimants) {
    const s = state.lastSeen.get(x.entity);
    if (s !== undefined && s > recentSeq) {
      recent = x;
      recentSeq = s;
    }
  }
  if (recent !== undefined) return { start: c.start, end: c.end, entity: recent.entity, entry: recent.entry, via: 'coref' };
  let pool = claimants.filter((x) => !x.surnameOnly);
  const named = pool.filter((x) => !x.demonymOnly);
  if (named.length > 0) pool = named;
  let best: Claimant | undefined;
  let tie = false;
  for (const x of pool) {
    if (best === undefined || x.priority > best.priority) {
      best = x;
      tie = false;
    } else if (x.priority === best.priority) tie = true;
  }
  if (best === undefined || tie) return null;
  return { start: c.start, end: c.end, entity: best.entity, entry: best.entry, via: 'direct' };
}

function pickInCluster(m: CompiledMatcher, cluster: Candidate[], state: CorefState): Choice[] {
  if (cluster.length === 1) {
    const ch = chooseEntity(m, cluster[0]!, state);
    return ch === null ? [] : [ch];
  }
  const order = cluster
    .map((c) => ({ c, dem: isDemonymOnly(m, c) }))
    .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || Number(a.dem) - Number(b.dem) || a.c.start - b.c.start);
  const chosen: Choice[] = [];
  for (const { c } of order) {
    if (chosen.some((x) => x.start < c.end && c.start < x.end)) continue;
    const ch = chooseEntity(m, c, state);
    if (ch !== null) chosen.push(ch);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Turns ordered candidates into ordered, non-overlapping mentions and updates the page state.
 */
export function resolveCandidates(m: CompiledMatcher, cands: Candidate[], state: CorefState): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < cands.length) {
    let j = i;
    let end = cands[i]!.end;
    while (j + 1 < cands.length && cands[j + 1]!.start < end) {
      j++;
      end = Math.max(end, cands[j]!.end);
    }
    const picked = i === j ? chooseEntity(m, cands[i]!, state) : null;
    const chosen = i === j ? (picked === null ? [] : [picked]) : pickInCluster(m, cands.slice(i, j + 1), state);
    for (const ch of chosen) {
      const id = m.entityIds[ch.entity]!;
      if (ch.via === 'direct') state.lastSeen.set(ch.entity, state.seq++);
      state.counts.set(id, (state.counts.get(id) ?? 0) + 1);
      const category = CATEGORY_LIST[(m.entryMeta[ch.entry]! >> 4) & 7]!;
      out.push({ start: ch.start, end: ch.end, entityId: id, category, via: ch.via });
    }
    i = j + 1;
  }
  return out;
}
