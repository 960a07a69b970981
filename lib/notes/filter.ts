/**
 * Search and grouping for the notes list (pure; shared by the options page and the exports).
 */
import type { Category } from '@/lib/kb/schema';
import type { Note } from './types';

export type NoteGrouping = 'entity' | 'page';

export interface NoteGroup {
  /** Entity id, or the page URL without its fragment. */
  key: string;
  /** Entity name, or page title (URL when the page had no title). */
  label: string;
  /** The entity's category (entity groups) or the page's hostname (page groups). */
  category?: Category;
  site?: string;
  notes: Note[];
}

/** Lower-cases and strips diacritics so "kyiv" finds "Kyïv" and "seoul" finds "SEOUL". */
export function foldForSearch(s: string): string {
  return s.normalize('NFKD').replace(/\p{Mn}/gu, '').toLocaleLowerCase();
}

/** The hostname of a URL without "www.", or '' when it does not parse. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function haystack(n: Note): string {
  return foldForSearch([n.text, n.entityName, n.title, n.url, siteOf(n.url), n.quote.exact].join('\n'));
}

/**
 * Whether a note matches a search: every whitespace-separated word of the query must occur in
 * its text, entity name, quote, page title, URL or site (case- and accent-insensitive).
 */
export function matchesQuery(note: Note, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = haystack(note);
  return words.every((w) => hay.includes(w));
}

/** The notes matching `query`, in their original order. */
export function filterNotes(notes: readonly Note[], query: string): Note[] {
  return notes.filter((n) => matchesQuery(n, query));
}

/** Sorts newest first by creation time (ties broken by id, so the order is stable). */
export function sortNewestFirst(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? 1 : -1));
}

function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * Groups notes by entity or by page. Groups come in order of first appearance, so with notes
 * newest first the group with the most recent note leads; notes keep their order inside.
 */
export function groupNotes(notes: readonly Note[], by: NoteGrouping): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const n of notes) {
    const key = by === 'entity' ? n.entityId : pageKey(n.url);
    let g = groups.get(key);
    if (!g) {
      g =
        by === 'entity'
          ? { key, label: n.entityName, category: n.category, notes: [] }
          : { key, label: n.title.trim() || n.url, site: siteOf(n.url), notes: [] };
      groups.set(key, g);
    }
    g.notes.push(n);
  }
  return [...groups.values()];
}
