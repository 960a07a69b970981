/**
 * Wikidata -> Gloss pack. Pass 1 reads every entity, keeping candidates (items labelled in
 * one of the chosen languages), the P279 subclass edges and item labels; candidates are then
 * classified and turned into entities. If the input was too big to keep every label, a
 * second pass reads only the labels that facts still need.
 */
import { PACK_FORMAT, CATEGORIES, type Category, type Entity, type Pack } from '../../lib/kb/schema';
import { candidateFromEntity, items, type Candidate } from './candidate';
import { classify, CLASS_CATEGORIES } from './classes';
import { finalize, type FinalizeStats } from './finalize';
import type { WdEntity } from './wikidata-json';

export interface ConvertOptions {
  langs: string[];
  pack: { id: string; name: string; version: string; description?: string };
  /** Extra or overriding class -> category rows (`--class Q123=weapon`). */
  classes?: ReadonlyMap<string, Category>;
  /** "As of" date for current positions of entities without a `modified` time. */
  today?: string;
  /** Labels kept from pass 1 before falling back to a second pass. */
  maxLabels?: number;
}

export interface ConvertStats {
  read: number;
  /** Non-items, and items with no label in the chosen languages. */
  noLabel: number;
  /** Items whose classes map to no category, by their first P31 value. */
  unknownClass: number;
  unknownClasses: Map<string, number>;
  byCategory: Record<Category, number>;
  unresolvedFacts: number;
  invalid: string[];
  passes: number;
}

export type EntitySource = () => AsyncIterable<WdEntity>;

function newStats(): ConvertStats {
  return {
    read: 0,
    noLabel: 0,
    unknownClass: 0,
    unknownClasses: new Map(),
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    unresolvedFacts: 0,
    invalid: [],
    passes: 1,
  };
}

function todayOf(opts: ConvertOptions): string {
  return opts.today ?? new Date().toISOString().slice(0, 10);
}

/** Converts dump-format entities; `source` is called a second time only if needed. */
export async function convertEntities(source: EntitySource, opts: ConvertOptions): Promise<{ pack: Pack; stats: ConvertStats }> {
  const stats = newStats();
  const today = todayOf(opts);
  const maxLabels = opts.maxLabels ?? 2_000_000;
  const parents = new Map<string, string[]>();
  const labels = new Map<string, string>();
  let labelsComplete = true;
  const candidates: Candidate[] = [];
  for await (const e of source()) {
    stats.read++;
    if (typeof e.id !== 'string') continue;
    const up = items(e.claims?.P279);
    if (up.length) parents.set(e.id, up);
    const label = opts.langs.map((l) => e.labels?.[l]?.value).find((x) => typeof x === 'string');
    if (label) {
      if (labels.size < maxLabels) labels.set(e.id, label);
      else labelsComplete = false;
    }
    const c = candidateFromEntity(e, opts.langs, today);
    if (c) candidates.push(c);
    else stats.noLabel++;
  }
  const kept = classifyAll(candidates, parents, opts, stats);
  const needed = new Set(kept.flatMap(({ c }) => c.facts.flatMap((f) => f.refs ?? [])).filter((q) => !labels.has(q)));
  if (needed.size && !labelsComplete) {
    stats.passes = 2;
    for await (const e of source()) {
      if (typeof e.id !== 'string' || !needed.has(e.id)) continue;
      const label = opts.langs.map((l) => e.labels?.[l]?.value).find((x) => typeof x === 'string');
      if (label) labels.set(e.id, label);
    }
  }
  return { pack: assemble(kept, (q) => labels.get(q), opts, stats), stats };
}

/** Converts SPARQL-derived candidates (their facts are already text). */
export function convertCandidates(candidates: Candidate[], opts: ConvertOptions): { pack: Pack; stats: ConvertStats } {
  const stats = newStats();
  stats.read = candidates.length;
  const withLabel = candidates.filter((c) => c.labels.size > 0);
  stats.noLabel = candidates.length - withLabel.length;
  const kept = classifyAll(withLabel, new Map(), opts, stats);
  return { pack: assemble(kept, () => undefined, opts, stats), stats };
}

function classifyAll(candidates: Candidate[], parents: Map<string, string[]>, opts: ConvertOptions, stats: ConvertStats) {
  const table = opts.classes ? new Map([...CLASS_CATEGORIES, ...opts.classes]) : CLASS_CATEGORIES;
  const kept: { c: Candidate; category: Category }[] = [];
  for (const c of candidates) {
    const explicit = (CATEGORIES as readonly string[]).includes(c.category ?? '') ? (c.category as Category) : undefined;
    const category = explicit ?? classify(c.p31, c.p279, table, parents);
    if (category) kept.push({ c, category });
    else {
      stats.unknownClass++;
      const key = c.p31[0] ?? c.p279[0] ?? '(none)';
      stats.unknownClasses.set(key, (stats.unknownClasses.get(key) ?? 0) + 1);
    }
  }
  return kept;
}

function assemble(kept: { c: Candidate; category: Category }[], labelOf: (q: string) => string | undefined, opts: ConvertOptions, stats: ConvertStats): Pack {
  const fin: FinalizeStats = { unresolvedFacts: 0, invalid: stats.invalid };
  const entities: Entity[] = [];
  const seen = new Set<string>();
  for (const { c, category } of kept) {
    if (seen.has(c.id)) continue;
    const e = finalize(c, category, opts.langs, labelOf, fin);
    if (!e) continue;
    seen.add(c.id);
    entities.push(e);
    stats.byCategory[category]++;
  }
  stats.unresolvedFacts = fin.unresolvedFacts;
  return {
    format: PACK_FORMAT,
    id: opts.pack.id,
    name: opts.pack.name,
    version: opts.pack.version,
    licence: 'CC0-1.0',
    attribution: 'Data from Wikidata (https://www.wikidata.org), available under CC0 1.0.',
    ...(opts.pack.description ? { description: opts.pack.description } : {}),
    entities,
  };
}
