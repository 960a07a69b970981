/**
 * Markdown export, ready to drop into an Obsidian-style vault: YAML front matter, one
 * `##` heading per entity, and per note the quote in context, the reader's text, the page link
 * and dates. Everything that came from a page or a reader is escaped so it renders literally.
 */
import type { Note } from './types';
import { CATEGORY_SINGULAR } from '@/lib/categories';
import { groupNotes } from './filter';
import { contextAfter, contextBefore } from './quote-context';

/**
 * Characters with inline meaning in CommonMark, GFM or Obsidian (`#tag`, `==mark==`, `$math$`,
 * `%%comment%%`, `^block`, `[[link]]`, `~~strike~~`, `&entity;`, `<html>`). CommonMark allows a
 * backslash before any ASCII punctuation, so over-escaping is harmless.
 */
const INLINE_SPECIALS = /[\\`*_[\]{}()<>#+!|~=$%^&]/g;

/** Escapes text placed inside a line (after other content), where block syntax cannot start. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&');
}

/** Escapes one whole line of text so that it renders literally, block syntax included. */
export function escapeMarkdown(line: string): string {
  let s = escapeInline(line);
  // Block syntax only bites at the start of a line: list markers, ordered lists, rules.
  s = s.replace(/^(\s*)(-)/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  // Leading indentation would turn the line into a code block; keep it visible as NBSPs.
  return s.replace(/^[ \t]+/, (ws) => '\u00A0'.repeat(ws.length));
}

/** Escapes multi-line text, keeping line breaks as hard breaks and blank lines as paragraphs. */
export function escapeMarkdownBlock(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(escapeMarkdown);
  let out = '';
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    out += line;
    if (next === undefined) return;
    out += line.trim() && next.trim() ? '  \n' : '\n';
  });
  return out.replace(/\n{3,}/g, '\n\n');
}

/** Collapses whitespace (including newlines) so page context fits on one quoted line. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** `[title](<url>)` for http(s) URLs; anything else (javascript:, data:) is shown as text only. */
export function markdownLink(title: string, url: string): string {
  const label = escapeInline(oneLine(title).trim() || url);
  if (!/^https?:\/\//i.test(url)) return label;
  const target = url.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
  return `[${label}](<${target}>)`;
}

function quoteLine(n: Note): string | null {
  const exact = oneLine(n.quote.exact).trim();
  if (!exact) return null;
  const prefix = oneLine(n.quote.prefix);
  const suffix = oneLine(n.quote.suffix);
  const before = escapeInline(contextBefore(prefix).trimStart());
  const after = escapeInline(contextAfter(suffix).trimEnd());
  return `> ${before}**${escapeInline(exact)}**${after}`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function noteBlock(n: Note): string {
  const parts: string[] = [];
  const quote = quoteLine(n);
  if (quote) parts.push(quote);
  if (n.text.trim()) parts.push(escapeMarkdownBlock(n.text.trim()));
  let meta = `${markdownLink(n.title, n.url)} · saved ${day(n.createdAt)}`;
  if (day(n.updatedAt) !== day(n.createdAt)) meta += `, edited ${day(n.updatedAt)}`;
  parts.push(`*${meta}*`);
  return parts.join('\n\n');
}

/**
 * Renders notes as Markdown grouped by entity (groups in order of their newest note, notes in
 * the order given — newest first from the store), with front matter stating the export time.
 */
export function notesToMarkdown(notes: readonly Note[], exportedAt: Date = new Date()): string {
  const out: string[] = [
    '---',
    'title: Gloss notes',
    `exported: ${exportedAt.toISOString()}`,
    `notes: ${notes.length}`,
    'tags: [gloss]',
    '---',
    '',
    '# Gloss notes',
  ];
  for (const group of groupNotes(notes, 'entity')) {
    const first = group.notes[0];
    out.push('', `## ${escapeInline(oneLine(group.label).trim())}`, '');
    if (first) out.push(`*${CATEGORY_SINGULAR[first.category]}* · ${group.notes.length === 1 ? '1 note' : `${group.notes.length} notes`}`);
    for (const n of group.notes) out.push('', noteBlock(n));
  }
  return out.join('\n') + '\n';
}
