/**
 * Reads a SPARQL JSON result from the Wikidata Query Service. Rows are grouped by `?item`;
 * the variables understood are listed in docs/packs.md (itemLabel, itemDescription,
 * altLabel/alias/itemAltLabel, class/instanceOf/type, category, countryLabel, population +
 * pointInTime, inception, dob, positionLabel + start/end, article).
 */
import { wikipediaSource, type Candidate, type PendingFact } from './candidate';

interface Term {
  type?: string;
  value?: string;
  'xml:lang'?: string;
}
type Row = Record<string, Term | undefined>;

export interface SparqlResult {
  head: { vars?: string[] };
  results: { bindings: Row[] };
}

export function isSparqlResult(doc: unknown): doc is SparqlResult {
  const d = doc as Partial<SparqlResult> | null;
  return typeof d === 'object' && d !== null && typeof d.head === 'object' && Array.isArray(d.results?.bindings);
}

const qidOf = (t: Term | undefined) => /\/(Q\d+)$/.exec(t?.value ?? '')?.[1] ?? (/^Q\d+$/.test(t?.value ?? '') ? t!.value : undefined);
const val = (row: Row, ...names: string[]) => names.map((n) => row[n]).find((t) => typeof t?.value === 'string' && t.value !== '');

/** A date literal as "YYYY-MM-DD" (or "YYYY" for a bare 1 January, the usual year-precision rendering). */
function dateText(t: Term | undefined, yearIfJan1: boolean): string | undefined {
  const m = /^(-?)(\d{4,})-(\d\d)-(\d\d)/.exec(t?.value ?? '');
  if (!m) return undefined;
  if (m[1]) return `${Number(m[2])} BC`;
  return yearIfJan1 && m[3] === '01' && m[4] === '01' ? m[2] : `${m[2]}-${m[3]}-${m[4]}`;
}

/** One candidate per item, in order of first appearance. */
export function candidatesFromSparql(doc: SparqlResult, langs: readonly string[], today: string): Candidate[] {
  const byId = new Map<string, Candidate>();
  const factKeys = new Map<string, Set<string>>();
  const langOk = (t: Term | undefined) => !t?.['xml:lang'] || langs.includes(t['xml:lang']);
  const langOf = (t: Term | undefined) => t?.['xml:lang'] || langs[0] || 'en';
  for (const row of doc.results.bindings) {
    const id = qidOf(row.item);
    if (!id) continue;
    let c = byId.get(id);
    if (!c) {
      c = { id, labels: new Map(), descriptions: new Map(), aliases: new Map(), p31: [], p279: [], facts: [], sources: [{ title: `Wikidata: ${id}`, url: `https://www.wikidata.org/wiki/${id}` }] };
      byId.set(id, c);
      factKeys.set(id, new Set());
    }
    const label = val(row, 'itemLabel');
    // The label service falls back to the QID when an item has no label in the language.
    if (label && langOk(label) && label.value !== id && !c.labels.has(langOf(label))) c.labels.set(langOf(label), label.value!.trim());
    const desc = val(row, 'itemDescription');
    if (desc && langOk(desc) && !c.descriptions.has(langOf(desc))) c.descriptions.set(langOf(desc), desc.value!.trim());
    for (const name of ['altLabel', 'alias']) {
      const t = row[name];
      if (t?.value && langOk(t)) pushAlias(c, langOf(t), [t.value]);
    }
    const svc = row.itemAltLabel;
    if (svc?.value && langOk(svc)) pushAlias(c, langOf(svc), svc.value.split(', '));
    const cls = qidOf(val(row, 'class', 'instanceOf', 'instance', 'type'));
    if (cls && !c.p31.includes(cls)) c.p31.push(cls);
    const cat = val(row, 'category');
    if (cat) c.category = cat.value;
    const article = val(row, 'article');
    if (article?.value && !c.sources.some((s) => s.title.startsWith('Wikipedia'))) {
      const m = /^https:\/\/en\.wikipedia\.org\/wiki\/(.+)$/.exec(article.value);
      if (m) c.sources.unshift(wikipediaSource(decodeURIComponent(m[1]!).replace(/_/g, ' ')));
    }
    for (const f of factsOf(row, today)) {
      const key = `${f.label}\u0000${f.text}`;
      if (factKeys.get(id)!.has(key)) continue;
      factKeys.get(id)!.add(key);
      c.facts.push(f);
    }
  }
  for (const c of byId.values()) c.facts = tidyFacts(c.facts);
  return [...byId.values()];
}

/** Rows are a cross product: keep the latest population and one combined country line. */
function tidyFacts(facts: PendingFact[]): PendingFact[] {
  const pops = facts.filter((f) => f.label === 'Population').sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? ''));
  const countries = facts.filter((f) => f.label === 'Country').map((f) => f.text);
  const rest = facts.filter((f) => f.label !== 'Population' && f.label !== 'Country');
  return [
    ...rest,
    ...(countries.length ? [{ label: 'Country', text: countries.slice(0, 3).join(', ') }] : []),
    ...pops.slice(0, 1),
  ];
}

function pushAlias(c: Candidate, lang: string, texts: string[]) {
  const list = c.aliases.get(lang) ?? [];
  for (const t of texts) if (t.trim() && !list.includes(t.trim())) list.push(t.trim());
  c.aliases.set(lang, list);
}

function factsOf(row: Row, today: string): PendingFact[] {
  const out: PendingFact[] = [];
  const position = val(row, 'positionLabel');
  if (position) {
    const start = dateText(val(row, 'start', 'startTime'), false);
    const end = dateText(val(row, 'end', 'endTime'), false);
    if (!end) out.push({ label: 'Position', text: `${position.value}${start ? ` (since ${start})` : ''}`, asOf: today });
    else out.push({ label: 'Former position', text: `${position.value} (${start ?? '?'}–${end})`, ...(/^\d{4}-/.test(end) ? { asOf: end } : {}) });
  }
  const country = val(row, 'countryLabel');
  if (country) out.push({ label: 'Country', text: country.value! });
  const pop = Number(val(row, 'population')?.value);
  if (Number.isFinite(pop) && val(row, 'population')) {
    const at = dateText(val(row, 'pointInTime', 'popDate'), false);
    out.push({ label: 'Population', text: pop.toLocaleString('en-US'), ...(at && /^\d{4}-/.test(at) ? { asOf: at } : {}) });
  }
  const dob = dateText(val(row, 'dob', 'dateOfBirth', 'birth'), false);
  if (dob) out.push({ label: 'Born', text: dob });
  const inception = dateText(val(row, 'inception'), true);
  if (inception) out.push({ label: 'Inception', text: inception });
  return out;
}
