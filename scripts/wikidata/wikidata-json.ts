/**
 * The parts of Wikidata's entity JSON (dumps, Special:EntityData) the converter reads.
 * Everything is optional: dumps are large and not every entity has every part.
 */
export interface WdText {
  language: string;
  value: string;
}

export interface WdSnak {
  snaktype?: 'value' | 'somevalue' | 'novalue';
  property?: string;
  datavalue?: { type?: string; value?: unknown };
}

export interface WdStatement {
  mainsnak?: WdSnak;
  rank?: 'preferred' | 'normal' | 'deprecated';
  qualifiers?: Record<string, WdSnak[] | undefined>;
}

export interface WdEntity {
  type?: string;
  id?: string;
  modified?: string;
  labels?: Record<string, WdText | undefined>;
  descriptions?: Record<string, WdText | undefined>;
  aliases?: Record<string, WdText[] | undefined>;
  claims?: Record<string, WdStatement[] | undefined>;
  sitelinks?: Record<string, { site?: string; title?: string } | undefined>;
}

/** The item id a snak points at ("Q5"), if it is an item value. */
export function itemOf(snak: WdSnak | undefined): string | undefined {
  if (snak?.snaktype && snak.snaktype !== 'value') return undefined;
  const v = snak?.datavalue?.value as { id?: unknown; 'numeric-id'?: unknown } | undefined;
  if (typeof v?.id === 'string' && /^Q\d+$/.test(v.id)) return v.id;
  if (typeof v?.['numeric-id'] === 'number') return `Q${v['numeric-id']}`;
  return undefined;
}

/** A time value as text for a card: "1952-10-07", "1952-10", "1952" or "500 BC". */
export interface WdTime {
  /** ISO date at the value's precision (undefined for BC dates and coarse precision). */
  iso?: string;
  text: string;
}

export function timeOf(snak: WdSnak | undefined): WdTime | undefined {
  if (snak?.snaktype && snak.snaktype !== 'value') return undefined;
  const v = snak?.datavalue?.value as { time?: unknown; precision?: unknown } | undefined;
  if (typeof v?.time !== 'string') return undefined;
  const m = /^([+-])(\d+)-(\d\d)-(\d\d)T/.exec(v.time);
  if (!m) return undefined;
  const precision = typeof v.precision === 'number' ? v.precision : 11;
  if (precision < 9) return undefined; // decades, centuries: not worth a card line
  const [, sign, y, mo, d] = m as unknown as [string, string, string, string, string];
  const year = String(Number(y));
  if (sign === '-') return { text: `${year} BC` };
  const yyyy = year.padStart(4, '0');
  const iso = precision >= 11 ? `${yyyy}-${mo}-${d}` : precision === 10 ? `${yyyy}-${mo}` : yyyy;
  return { iso, text: iso };
}

/** A quantity's amount as a number. */
export function amountOf(snak: WdSnak | undefined): number | undefined {
  if (snak?.snaktype && snak.snaktype !== 'value') return undefined;
  const v = snak?.datavalue?.value as { amount?: unknown } | undefined;
  const n = typeof v?.amount === 'string' ? Number(v.amount) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
