/**
 * First step of the conversion: one Wikidata entity (or one SPARQL item) becomes a
 * `Candidate` — names, classes and facts whose values may still name other items (a
 * position, a country) whose labels are looked up once the whole input has been read.
 */
import type { Source } from '../../lib/kb/schema';
import { amountOf, itemOf, timeOf, type WdEntity, type WdStatement } from './wikidata-json';

/** A fact's value: plain text, or an item's label followed by `suffix`. */
export interface PendingFact {
  label: string;
  text?: string;
  refs?: string[];
  suffix?: string;
  asOf?: string;
}

export interface Candidate {
  id: string;
  labels: Map<string, string>;
  descriptions: Map<string, string>;
  /** Aliases per language, in Wikidata's order. */
  aliases: Map<string, string[]>;
  p31: string[];
  p279: string[];
  facts: PendingFact[];
  sources: Source[];
  /** An explicit category (SPARQL `?category`), bypassing the class table. */
  category?: string;
}

const MAX_CURRENT_POSITIONS = 5;
const MAX_FORMER_POSITIONS = 3;

/** Reads a dump entity; undefined for non-items and items with no label in `langs`. */
export function candidateFromEntity(e: WdEntity, langs: readonly string[], today: string): Candidate | undefined {
  if (e.type !== undefined && e.type !== 'item') return undefined;
  if (!e.id || !/^Q\d+$/.test(e.id)) return undefined;
  const labels = texts(e.labels, langs);
  if (!labels.size) return undefined;
  const aliases = new Map<string, string[]>();
  for (const lang of langs) {
    const list = (e.aliases?.[lang] ?? []).map((a) => a?.value).filter((s): s is string => typeof s === 'string');
    if (list.length) aliases.set(lang, list);
  }
  const claims = e.claims ?? {};
  const asOf = /^\d{4}-\d\d-\d\d/.exec(e.modified ?? '')?.[0] ?? today;
  return {
    id: e.id,
    labels,
    descriptions: texts(e.descriptions, langs),
    aliases,
    p31: items(claims.P31),
    p279: items(claims.P279),
    facts: [...positions(claims.P39, asOf), ...otherFacts(claims)],
    sources: sourcesOf(e),
  };
}

/** The item ids of a property's statements (deprecated ones left out). */
export function items(statements: WdStatement[] | undefined): string[] {
  return live(statements).flatMap((s) => itemOf(s.mainsnak) ?? []);
}

function live(statements: WdStatement[] | undefined): WdStatement[] {
  return (statements ?? []).filter((s) => s.rank !== 'deprecated');
}

function texts(map: WdEntity['labels'], langs: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const lang of langs) {
    const value = map?.[lang]?.value;
    if (typeof value === 'string' && value.trim()) out.set(lang, value.trim());
  }
  return out;
}

/** Current positions (no end date) and dated former ones, most recent first. */
function positions(statements: WdStatement[] | undefined, asOf: string): PendingFact[] {
  const current: { fact: PendingFact; key: string }[] = [];
  const former: { fact: PendingFact; key: string }[] = [];
  for (const s of live(statements)) {
    const ref = itemOf(s.mainsnak);
    if (!ref) continue;
    const start = timeOf(s.qualifiers?.P580?.[0]);
    const endSnak = s.qualifiers?.P582?.[0];
    if (!endSnak) {
      const suffix = start ? ` (since ${start.text})` : '';
      current.push({ fact: { label: 'Position', refs: [ref], suffix, asOf }, key: start?.iso ?? '' });
      continue;
    }
    const end = timeOf(endSnak);
    if (!end) continue; // ended at an unknown time: too vague for a card
    const suffix = ` (${start ? start.text : '?'}–${end.text})`;
    former.push({ fact: { label: 'Former position', refs: [ref], suffix, ...(end.iso ? { asOf: end.iso } : {}) }, key: end.iso ?? '' });
  }
  const recent = (a: { key: string }, b: { key: string }) => b.key.localeCompare(a.key);
  return [
    ...current.sort(recent).slice(0, MAX_CURRENT_POSITIONS),
    ...former.sort(recent).slice(0, MAX_FORMER_POSITIONS),
  ].map((x) => x.fact);
}

function otherFacts(claims: NonNullable<WdEntity['claims']>): PendingFact[] {
  const facts: PendingFact[] = [];
  const countries = [...new Set(items(claims.P17))].slice(0, 3);
  if (countries.length) facts.push({ label: 'Country', refs: countries });
  const pop = population(claims.P1082);
  if (pop) facts.push(pop);
  const born = timeOf(live(claims.P569)[0]?.mainsnak);
  if (born) facts.push({ label: 'Born', text: born.text });
  const inception = timeOf(live(claims.P571)[0]?.mainsnak);
  if (inception) facts.push({ label: 'Inception', text: inception.text });
  return facts;
}

/** The preferred population figure, else the most recent by P585 "point in time". */
function population(statements: WdStatement[] | undefined): PendingFact | undefined {
  const all = live(statements)
    .map((s) => ({ s, n: amountOf(s.mainsnak), at: timeOf(s.qualifiers?.P585?.[0])?.iso ?? '' }))
    .filter((x): x is { s: WdStatement; n: number; at: string } => x.n !== undefined);
  const best = all.find((x) => x.s.rank === 'preferred') ?? all.sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!best) return undefined;
  return { label: 'Population', text: best.n.toLocaleString('en-US'), ...(best.at ? { asOf: best.at } : {}) };
}

function sourcesOf(e: WdEntity): Source[] {
  const out: Source[] = [];
  const title = e.sitelinks?.enwiki?.title;
  if (typeof title === 'string' && title) out.push(wikipediaSource(title));
  out.push({ title: `Wikidata: ${e.id}`, url: `https://www.wikidata.org/wiki/${e.id}` });
  return out;
}

/** The English Wikipedia article for a title. */
export function wikipediaSource(title: string): Source {
  const path = encodeURIComponent(title.replace(/ /g, '_')).replace(/%2F/g, '/').replace(/%3A/g, ':');
  return { title: `Wikipedia: ${title}`.slice(0, 200), url: `https://en.wikipedia.org/wiki/${path}` };
}
