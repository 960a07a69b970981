/**
 * Breadth check for the knowledge base: runs the recognizer over the hand-labelled news texts
 * in kb/coverage/*.json and reports recall (expected mentions found with the right entity),
 * wrong-entity errors, and mentions nobody labelled (printed for a human to judge).
 *
 *   npx tsx scripts/kb-coverage.ts [--verbose]
 *
 * Labels name entities by display name (resolved against the compiled packs) so that a label
 * can be written before the entity exists: until then it counts as a miss "not in KB".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Category, Entity } from '../lib/kb/schema';
import { formsFromEntities } from '../lib/kb/forms';
import { compileMatcher, recognize, type Matcher } from '../lib/recognize/index';

/** One labelled mention. `occurrence` (1-based, default 1) counts case-sensitive whole-word
 * matches of `surface` outside the spans of longer labels. `id`, else `ids` (ids or names of any
 * category, any of which is acceptable), else `name` (display name within `category`). */
export interface ExpectedMention {
  surface: string;
  occurrence?: number;
  id?: string;
  ids?: string[];
  name?: string;
  category: Category;
  /** Set while a miss or wrong entity is a known issue owned elsewhere (reported apart). */
  knownIssue?: string;
}

export interface CoverageDoc {
  file: string;
  title: string;
  text: string;
  expected: ExpectedMention[];
}

export interface Finding {
  surface: string;
  /** What the label asks for (names resolved to ids where possible). */
  want: string;
  /** What was found (entity id and display name), if anything. */
  got?: string;
  reason?: 'not-in-kb' | 'not-recognized' | 'bad-label';
  /** The label's knownIssue note, for findings that are known issues. */
  note?: string;
}

export interface DocReport {
  file: string;
  expected: number;
  hits: number;
  misses: Finding[];
  wrong: Finding[];
  unexpected: Finding[];
  /** Misses and wrong entities on labels marked knownIssue (not counted in misses/wrong). */
  known: Finding[];
  /** Labels marked knownIssue that now pass: the marker should be removed. */
  staleKnown: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Reads every coverage text in `dir` (default kb/coverage), sorted by file name. */
export function loadCoverageSet(dir = join(root, 'kb/coverage')): CoverageDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<CoverageDoc, 'file'>) }));
}

/** Loads all entities of the compiled packs listed in public/kb/index.json. */
export function loadKbEntities(dir = join(root, 'public/kb')): Entity[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { packs: Array<{ file: string }> };
  return index.packs.flatMap(
    (p) => (JSON.parse(readFileSync(join(dir, p.file), 'utf8')) as { entities: Entity[] }).entities,
  );
}

const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds the span of every label; longer surfaces first so that "Kim" skips "Kim Jong Un". */
function locate(doc: CoverageDoc): Array<[number, number] | undefined> {
  const taken: Array<[number, number]> = [];
  const spans: Array<[number, number] | undefined> = new Array<[number, number] | undefined>(doc.expected.length);
  const order = doc.expected.map((_, i) => i).sort((a, b) => doc.expected[b]!.surface.length - doc.expected[a]!.surface.length);
  for (const i of order) {
    const label = doc.expected[i]!;
    const re = new RegExp(WORD_EDGE_BEFORE + escapeRegExp(label.surface) + WORD_EDGE_AFTER, 'gu');
    let n = 0;
    for (const m of doc.text.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([ts, te]) => s < te && ts < e)) continue;
      if (++n === (label.occurrence ?? 1)) {
        spans[i] = [s, e];
        taken.push([s, e]);
        break;
      }
    }
  }
  return spans;
}

/** Scores one document against a compiled matcher. */
export function evaluateDoc(doc: CoverageDoc, matcher: Matcher, byId: Map<string, Entity>, byName: Map<string, Entity[]>): DocReport {
  const mentions = recognize(matcher, doc.text);
  const spans = locate(doc);
  const report: DocReport = { file: doc.file, expected: doc.expected.length, hits: 0, misses: [], wrong: [], unexpected: [], known: [], staleKnown: [] };
  const show = (id: string) => `${id} (${byId.get(id)?.name ?? '?'})`;
  const wantedIds = new Set<string>();
  // Alternatives in `ids` may differ in category (a place or the event named after it).
  const resolve = (ref: string, category: Category | undefined): string[] =>
    byId.has(ref)
      ? [ref]
      : (byName.get(ref.normalize('NFC')) ?? []).filter((e) => !category || e.category === category).map((e) => e.id);

  doc.expected.forEach((label, i) => {
    const refs = label.id ? [label.id] : (label.ids ?? (label.name ? [label.name] : []));
    const ok = new Set(refs.flatMap((r) => resolve(r, label.ids && !label.id ? undefined : label.category)));
    ok.forEach((id) => wantedIds.add(id));
    const want = ok.size ? [...ok].map(show).join(' | ') : refs.join(' | ');
    const span = spans[i];
    if (!span) return report.misses.push({ surface: label.surface, want, reason: 'bad-label' });
    const over = mentions.filter((m) => m.start < span[1] && span[0] < m.end);
    if (over.some((m) => ok.has(m.entityId))) {
      if (label.knownIssue) report.staleKnown.push(label.surface);
      return report.hits++;
    }
    const finding: Finding = over.length
      ? { surface: label.surface, want, got: over.map((m) => show(m.entityId)).join(', ') }
      : { surface: label.surface, want, reason: ok.size ? 'not-recognized' : 'not-in-kb' };
    if (label.knownIssue) return report.known.push({ ...finding, note: label.knownIssue });
    (over.length ? report.wrong : report.misses).push(finding);
  });

  for (const m of mentions) {
    if (wantedIds.has(m.entityId)) continue;
    if (spans.some((s) => s && m.start < s[1] && s[0] < m.end)) continue;
    report.unexpected.push({ surface: doc.text.slice(m.start, m.end), want: '', got: show(m.entityId) });
  }
  return report;
}

/** Runs the whole coverage set against a set of entities. */
export function evaluateCoverage(entities: Entity[], docs: CoverageDoc[]): DocReport[] {
  const matcher = compileMatcher(formsFromEntities(entities));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const byName = new Map<string, Entity[]>();
  for (const e of entities) {
    const key = e.name.normalize('NFC');
    byName.set(key, [...(byName.get(key) ?? []), e]);
  }
  return docs.map((d) => evaluateDoc(d, matcher, byId, byName));
}

/** Totals over all documents. */
export function summarize(reports: DocReport[]) {
  const sum = (f: (r: DocReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const expected = sum((r) => r.expected);
  const hits = sum((r) => r.hits);
  return {
    expected,
    hits,
    recall: expected ? hits / expected : 1,
    wrong: sum((r) => r.wrong.length),
    missing: sum((r) => r.misses.length),
    unexpected: sum((r) => r.unexpected.length),
    known: sum((r) => r.known.length),
    staleKnown: sum((r) => r.staleKnown.length),
  };
}

function main(verbose: boolean): void {
  const reports = evaluateCoverage(loadKbEntities(), loadCoverageSet());
  for (const r of reports) {
    console.log(`${r.file}: ${r.hits}/${r.expected} (${((100 * r.hits) / r.expected).toFixed(0)}%), wrong ${r.wrong.length}, unexpected ${r.unexpected.length}`);
    for (const f of r.misses) console.log(`  MISS  ${JSON.stringify(f.surface)} -> ${f.want} [${f.reason}]`);
    for (const f of r.wrong) console.log(`  WRONG ${JSON.stringify(f.surface)} -> want ${f.want}, got ${f.got}`);
    for (const f of r.known) console.log(`  KNOWN ${JSON.stringify(f.surface)} -> want ${f.want}, got ${f.got ?? f.reason} (${f.note})`);
    for (const t of r.staleKnown) console.log(`  FIXED ${JSON.stringify(t)} passes now: remove its knownIssue marker`);
    if (verbose || r.unexpected.length <= 12) {
      for (const f of r.unexpected) console.log(`  EXTRA ${JSON.stringify(f.surface)} = ${f.got}`);
    } else {
      console.log(`  (${r.unexpected.length} unexpected mentions; --verbose lists them)`);
    }
  }
  const s = summarize(reports);
  console.log(
    `\noverall: recall ${(100 * s.recall).toFixed(1)}% (${s.hits}/${s.expected}), missing ${s.missing}, ` +
      `wrong entity ${s.wrong}, known issues ${s.known}, unexpected ${s.unexpected}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.includes('--verbose'));
}
