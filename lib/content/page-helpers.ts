/**
 * Small page-facing pieces of the controller: building a note from a mention, scrolling a
 * mention into view, and the debug counters on Gloss's host.
 */
import type { Category, Entity } from '@/lib/kb/schema';
import { CATEGORIES } from '@/lib/categories';
import type { NoteInput } from '@/lib/notes/types';
import { liveRange } from './hit-test';
import type { PageMention } from './mention-store';

/** The page's address for a note: its canonical link when it has an http(s) one. */
export function pageUrl(doc: Document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  return canonical && /^https?:/.test(canonical) ? canonical : doc.location.href;
}

/** What the card's editor saves: entity, the reader's text, page, and the anchored quote. */
export function noteInput(doc: Document, m: PageMention, entity: Entity, text: string): NoteInput {
  return {
    entityId: entity.id,
    entityName: entity.name,
    category: entity.category,
    text,
    url: pageUrl(doc),
    title: doc.title,
    quote: { ...m.quote },
  };
}

/** Scrolls a mention into the viewport if needed; returns its first line box afterwards. */
export function scrollToMention(doc: Document, m: PageMention): DOMRect | null {
  const range = liveRange(m);
  if (!range) return null;
  const win = doc.defaultView;
  const vh = win?.innerHeight ?? 800;
  const rect = () => range.getClientRects()[0] ?? range.getBoundingClientRect();
  let r = rect();
  if (r.top < 0 || r.bottom > vh) {
    m.nodes[0]?.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    r = rect();
    // A tall block can leave the mention outside even when centred.
    if (win && (r.top < 0 || r.bottom > vh)) win.scrollBy(0, r.top - vh / 2);
    r = rect();
  }
  return r;
}

/**
 * Counters for tests and debugging: found and painted mentions per category. `found` is
 * either the mentions or their counts per category (the store keeps those as it goes).
 */
export function debugCounts(
  found: Iterable<PageMention> | Record<Category, number>,
  total: number,
  active: Record<Category, number> | undefined,
): Record<string, number> {
  const counts: Record<string, number> = { mentions: total };
  for (const c of CATEGORIES) {
    counts[`found-${c}`] = Symbol.iterator in found ? 0 : found[c];
    counts[`active-${c}`] = active?.[c] ?? 0;
  }
  if (Symbol.iterator in found) {
    for (const m of found) counts[`found-${m.category}`] = (counts[`found-${m.category}`] ?? 0) + 1;
  }
  return counts;
}
