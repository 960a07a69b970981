/**
 * Overlap resolution and disambiguation. Overlapping candidates form a cluster; in each, the
 * longest wins (demonyms lose ties), and a candidate whose entity cannot be decided gives
 * way to the next. Entity choice uses page-level state: which entity was named most
 * recently, and how often each was mentioned. See README.md for the rules in prose.
 */
import { type CompiledMatcher, CATEGORY_LIST, K_DEMONYM, K_SURNAME } from './compile.ts';
import type { Mention } from './types.ts';
import type { Candidate } from './walk.ts';

/**
 * Page-level coreference state, carried across the chunks of one document. Per-entity typed
 * arrays rather than Maps: every mention reads and writes them, and the two Map updates per
 * mention (one keyed by id strings) were most of resolveCandidates' own time in a profile.
 */
export class CorefState {
  /** Per entity index: sequence number (from 1) of its latest direct mention, or 0. */
  readonly lastSeen: Int32Array;
  /** Per entity index: mentions so far. */
  readonly counts: Int32Array;
  /** Entity indexes with a mention, in order of their first. */
  readonly touched: number[] = [];
  seq = 0;
  constructor(entities: number) {
    this.lastSeen = new Int32Array(entities);
    this.counts = new Int32Array(entities);
  }
  clear(): void {
    for (const e of this.touched) {
      this.lastSeen[e] = 0;
      this.counts[e] = 0;
    }
    this.touched.length = 0;
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
    return state.lastSeen[entity] !== 0 ? { start: c.start, end: c.end, entity, entry: e, via: 'coref' } : null;
  }
  const claimants = claimantsOf(m, c.entries);
  const only = claimants.length === 1 ? claimants[0]! : undefined;
  if (only !== undefined && !only.surnameOnly) return { start: c.start, end: c.end, entity: only.entity, entry: only.entry, via: 'direct' };
  let recent: Claimant | undefined;
  let recentSeq = 0;
  for (const x of claimants) {
    const s = state.lastSeen[x.entity]!;
    if (s > recentSeq) {
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
      if (ch.via === 'direct') state.lastSeen[ch.entity] = ++state.seq;
      if (state.counts[ch.entity]!++ === 0) state.touched.push(ch.entity);
      const category = CATEGORY_LIST[(m.entryMeta[ch.entry]! >> 4) & 7]!;
      out.push({ start: ch.start, end: ch.end, entityId: id, category, via: ch.via });
    }
    i = j + 1;
  }
  return out;
}
