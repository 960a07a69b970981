/**
 * Matcher benchmark: Gloss's recognizer against a single RegExp alternation, a mark.js-style
 * per-term search and the floor (one plain pass over the characters), on ~1 MB of generated
 * news-like prose, with (a) the bundled knowledge base's forms and (b) 100,000 synthetic forms.
 * Also the build time and retained heap of compiling 100k forms.
 *
 *   npx tsx bench/matcher.ts            (prints the JSON figures)
 *   GLOSS_BENCH_QUICK=1 npx tsx bench/matcher.ts   (skips the slow RegExp and per-term baselines,
 *                                                    for iterating; figures for the docs need the full run)
 *
 * Heap figures need a GC between samples: global.gc when node runs with --expose-gc, else the
 * flag is switched on at runtime (v8.setFlagsFromString + vm), which Node 20 allows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { compileMatcher, createDocumentRecognizer, type SurfaceForm } from '../lib/recognize/index.ts';
import { mulberry32 } from '../lib/recognize/seeded-random.ts';

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;
const SYL = ['ka', 'ro', 'vin', 'tel', 'sa', 'mar', 'ol', 'dre', 'ush', 'ben', 'qi', 'lo', 'zan', 'pet', 'ri', 'ov', 'ba', 'gor', 'li', 'nes', 'ta', 'ché', 'mø', 'ul', 'dan'];
const CATS: SurfaceForm['category'][] = ['person', 'place', 'organization', 'weapon', 'event'];

function pseudoWord(r: () => number): string {
  let w = '';
  const n = 2 + Math.floor(r() * 2);
  for (let i = 0; i < n; i++) w += pick(SYL, r);
  return w[0]!.toUpperCase() + w.slice(1);
}

/** `n` distinct synthetic forms: 1-3 pseudo-words, some hyphenated, mixed kinds and case rules. */
export function syntheticForms(n: number, r: () => number): SurfaceForm[] {
  const seen = new Set<string>();
  const out: SurfaceForm[] = [];
  while (out.length < n) {
    const k = 1 + Math.floor(r() * 3);
    const words = Array.from({ length: k }, () => pseudoWord(r));
    const text = k > 1 && r() < 0.15 ? words.join('-') : words.join(' ');
    if (seen.has(text)) continue;
    seen.add(text);
    const x = r();
    out.push({
      text, entityId: `synth:${out.length >> 1}`, category: pick(CATS, r), case: x < 0.8 ? 'exact' : 'fold',
      kind: x < 0.7 ? 'name' : x < 0.9 ? 'short' : 'surname', priority: 0,
    });
  }
  return out;
}

const WORDS = ('the of and to in a on for that with as was said by at from its has have had it is were officials ' +
  'government minister forces troops talks deal border attack strike week month year report statement spokesman ' +
  'told reporters after before during against between new last first two three military security president ' +
  'foreign defence ministry people country city region capital war peace sanctions agreement meeting visit ' +
  'would could not but also more than about over under while since which who they their this these those ' +
  'according analysts experts warned announced rejected called urged despite amid following earlier later').split(' ');

function sentence(names: readonly string[], r: () => number): string {
  const parts: string[] = [];
  const len = 10 + Math.floor(r() * 16);
  for (let i = 0; i < len; i++) {
    const x = r();
    if (x < 0.08) parts.push(pick(names, r) + (r() < 0.1 ? '’s' : ''));
    else if (x < 0.1) parts.push(String(Math.floor(r() * 3000)));
    else parts.push(pick(WORDS, r) + (r() < 0.05 ? ',' : ''));
  }
  const s = parts.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + (r() < 0.1 ? ' — “' + pick(WORDS, r) + '”.' : '.');
}

/** News-like paragraphs totalling about `chars` characters, mixing in the given names. */
export function generateProse(chars: number, names: readonly string[], r: () => number): string[] {
  const paras: string[] = [];
  let total = 0;
  while (total < chars) {
    const k = 3 + Math.floor(r() * 4);
    const p = Array.from({ length: k }, () => sentence(names, r)).join(' ');
    paras.push(p);
    total += p.length + 2;
  }
  return paras;
}

const ROOT = join(import.meta.dirname, '..');
/** Skip the slow baselines (RegExp alternation, per-term search) while iterating. */
const QUICK = process.env.GLOSS_BENCH_QUICK === '1';
const TEXT_CHARS = 1 << 20;

function getGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

interface PackEntity {
  id: string;
  category: SurfaceForm['category'];
  priority?: number;
  aliases: { text: string; case?: SurfaceForm['case']; kind?: SurfaceForm['kind'] }[];
}

function toForms(entities: PackEntity[]): SurfaceForm[] {
  return entities.flatMap((e) =>
    e.aliases.map((a) => ({
      text: a.text, entityId: e.id, category: e.category, case: a.case ?? 'exact', kind: a.kind ?? 'name', priority: e.priority ?? 0,
    })),
  );
}

function walkJson(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walkJson(p) : p.endsWith('.json') ? [p] : [];
  });
}

/** The bundled KB's forms (public/kb), else kb/sources; `source` says which. */
export function loadKbForms(): { source: string; forms: SurfaceForm[] } {
  const index = join(ROOT, 'public/kb/index.json');
  if (existsSync(index)) {
    const idx = JSON.parse(readFileSync(index, 'utf8')) as { packs: { file: string }[] };
    const forms = idx.packs.flatMap((p) => toForms((JSON.parse(readFileSync(join(ROOT, 'public/kb', p.file), 'utf8')) as { entities: PackEntity[] }).entities));
    return { source: 'public/kb', forms };
  }
  const files = existsSync(join(ROOT, 'kb/sources')) ? walkJson(join(ROOT, 'kb/sources')) : [];
  const forms = files.flatMap((f) => toForms((JSON.parse(readFileSync(f, 'utf8')) as { entities: PackEntity[] }).entities));
  return { source: 'kb/sources', forms };
}

/** Best and median wall time of `runs` runs (the machine is shared: the best is the signal). */
function time(fn: () => unknown, runs: number): { best: number; median: number } {
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return { best: ts[0]!, median: ts[Math.floor(ts.length / 2)]! };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One RegExp alternation of every form, longest first, with Unicode word boundaries. */
function alternation(forms: SurfaceForm[]): RegExp {
  const terms = [...new Set(forms.map((f) => f.text))].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function runRegex(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** mark.js-style: for each term, scan the (lower-cased) text with indexOf. */
function perTermSearch(terms: string[], lowerText: string): number {
  let n = 0;
  for (const t of terms) {
    for (let i = lowerText.indexOf(t); i >= 0; i = lowerText.indexOf(t, i + t.length)) n++;
  }
  return n;
}

function floorPass(text: string): number {
  let s = 0;
  for (let i = 0; i < text.length; i++) s = (s + text.charCodeAt(i)) | 0;
  return s;
}

function benchList(label: string, forms: SurfaceForm[], text: string, paragraphs: string[]): Record<string, unknown> {
  const mb = text.length / TEXT_CHARS;
  const m = compileMatcher(forms);
  for (let r = 0; r < 5; r++) floorPass(text);
  const floor = time(() => floorPass(text), 21);
  let mentions = 0;
  const matcher = time(() => {
    const doc = createDocumentRecognizer(m);
    mentions = 0;
    for (const p of paragraphs) mentions += doc.feed(p).length;
  }, 9);
  const whole = time(() => createDocumentRecognizer(m).feed(text), 5);

  if (QUICK) {
    return {
      list: label, forms: forms.length, compiledForms: m.formCount, mentions,
      floor: { bestMs: +floor.best.toFixed(2), MBps: +(mb / (floor.best / 1000)).toFixed(1) },
      matcher: { bestMs: +matcher.best.toFixed(1), medianMs: +matcher.median.toFixed(1), wholeTextBestMs: +whole.best.toFixed(1) },
      ratios: { matcherOverFloor: +(matcher.best / floor.best).toFixed(1) },
    };
  }
  // The alternation costs (text length x forms): time it on a slice and scale linearly.
  const re = alternation(forms);
  const slice = text.slice(0, forms.length > 20000 ? 2048 : forms.length > 2000 ? 16384 : text.length);
  const regexMs = time(() => runRegex(re, slice), 1).best * (text.length / slice.length);
  // Per-term search costs (terms x text length): time a sample of terms and scale.
  const terms = [...new Set(forms.map((f) => f.text.toLowerCase()))];
  const sample = terms.length > 2000 ? terms.filter((_, i) => i % Math.ceil(terms.length / 2000) === 0) : terms;
  const lower = text.toLowerCase();
  const perTermMs = time(() => perTermSearch(sample, lower), 1).best * (terms.length / sample.length);
  const mbps = (ms: number): number => +(mb / (ms / 1000)).toFixed(ms > 1000 ? 3 : 1);
  return {
    list: label, forms: forms.length, compiledForms: m.formCount, mentions,
    floor: { bestMs: +floor.best.toFixed(2), medianMs: +floor.median.toFixed(2), MBps: mbps(floor.best) },
    matcher: {
      bestMs: +matcher.best.toFixed(1), medianMs: +matcher.median.toFixed(1), MBps: mbps(matcher.best),
      wholeTextBestMs: +whole.best.toFixed(1),
    },
    regexAlternation: { ms: Math.round(regexMs), MBps: mbps(regexMs), timedOnChars: slice.length },
    perTermSearch: { ms: Math.round(perTermMs), MBps: mbps(perTermMs), timedTerms: sample.length, terms: terms.length },
    ratios: {
      regexOverMatcher: +(regexMs / matcher.best).toFixed(1),
      perTermOverMatcher: +(perTermMs / matcher.best).toFixed(1),
      matcherOverFloor: +(matcher.best / floor.best).toFixed(1),
    },
  };
}

let _held: unknown = null;

function buildCost(forms: SurfaceForm[]): Record<string, unknown> {
  // Timing runs without forced GCs (a full GC right before shrinks the young generation and
  // adds scavenges that a real compile would not see). The first build pays for JIT warm-up
  // and the lazy character tables, as a fresh content script would.
  const times: number[] = [];
  for (let r = 0; r < 8; r++) {
    const t0 = performance.now();
    _held = compileMatcher(forms);
    times.push(performance.now() - t0);
  }
  const coldMs = times.shift()!;
  times.sort((a, b) => a - b);
  // Retained size: typed arrays live outside the JS heap, so count heapUsed + arrayBuffers.
  const gc = getGc();
  const used = (): number => {
    const u = process.memoryUsage();
    return u.heapUsed + u.arrayBuffers;
  };
  _held = null;
  gc();
  gc();
  const before = used();
  _held = compileMatcher(forms);
  gc();
  gc();
  const heapMB = (used() - before) / 2 ** 20;
  _held = null;
  return {
    forms: forms.length, coldBuildMs: +coldMs.toFixed(1), buildBestMs: +times[0]!.toFixed(1),
    buildMedianMs: +times[3]!.toFixed(1), retainedHeapMB: +heapMB.toFixed(1),
  };
}

/**
 * One build of 100k synthetic forms in this process, which must be fresh: what a restarted
 * service worker pays on its first compile. Used by `coldBuildsFresh` in child processes.
 */
export function coldBuildOnce(): number {
  const forms = syntheticForms(100_000, mulberry32(20240601));
  const t0 = performance.now();
  _held = compileMatcher(forms);
  return performance.now() - t0;
}

/**
 * The first build in each of `runs` fresh node processes, run one after another: the cold
 * figure in `buildCost` is a single sample, and on a shared machine one sample says little.
 * The child imports this very module (the bundle when bundled, else the source through tsx).
 */
function coldBuildsFresh(runs: number): Record<string, number> {
  const self = import.meta.url;
  const loader = self.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const code = `const m = await import(${JSON.stringify(self)}); console.log(m.coldBuildOnce());`;
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(process.execPath, [...loader, '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    ms.push(Number(out.trim().split('\n').pop()));
  }
  ms.sort((a, b) => a - b);
  return {
    processes: runs, minMs: +ms[0]!.toFixed(1), medianMs: +ms[Math.floor(runs / 2)]!.toFixed(1), maxMs: +ms[runs - 1]!.toFixed(1),
  };
}

/** Runs the whole benchmark and returns the figures (used by `npm run bench`). */
export async function runMatcherBench(): Promise<Record<string, unknown>> {
  const kb = loadKbForms();
  const rand = mulberry32(20240601);
  const synth = syntheticForms(100_000, rand);
  // Build cost first, in a small heap, before the text and the huge RegExps exist.
  const build100k = { ...buildCost(synth), coldBuildFreshProcesses: coldBuildsFresh(QUICK ? 3 : 7) };
  const names = [...kb.forms.map((f) => f.text), ...synth.slice(0, 5000).map((f) => f.text)];
  const paragraphs = generateProse(TEXT_CHARS, names, mulberry32(7));
  const text = paragraphs.join('\n\n');
  return {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length, platform: process.platform },
    textChars: text.length,
    kbSource: kb.source,
    kb: benchList('knowledge base', kb.forms, text, paragraphs),
    synthetic: benchList('synthetic 100k', synth, text, paragraphs),
    build100k,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runMatcherBench().then((r) => console.log(JSON.stringify(r, null, 2)));
}
