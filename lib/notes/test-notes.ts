/**
 * Note builders for tests: `makeNote` for hand-written cases and `randomNotes`, a seeded
 * generator of awkward but valid notes (quotes, newlines, RTL text, emoji, lone surrogates).
 */
import { CATEGORIES } from '@/lib/kb/schema';
import { mulberry32 } from '@/lib/recognize/seeded-random';
import type { Note } from './types';

let counter = 0;

/** A valid note with sensible defaults; override any field. */
export function makeNote(overrides: Partial<Note> = {}): Note {
  counter += 1;
  return {
    id: `n-${counter}`,
    entityId: 'Q312735',
    entityName: 'Sergei Shoigu',
    category: 'person',
    text: 'Moved to the Security Council in May 2024.',
    url: 'https://news.example/world/shoigu',
    title: 'Shoigu replaced as defence minister',
    quote: { exact: 'Sergei Shoigu', prefix: 'the defence minister ', suffix: ' said on Tuesday' },
    createdAt: '2026-11-20T09:15:00.000Z',
    updatedAt: '2026-11-20T09:15:00.000Z',
    ...overrides,
  };
}

const PIECES = [
  'a', 'Z', ' ', '  ', ',', ';', '"', "'", '""', '\n', '\r\n', '\r', '\t', '\\', '/', '=', '+', '-', '@',
  '#', '*', '_', '[', ']', '(', ')', '<', '>', '|', '`', '~', '&amp;', '{', '}', '$', '%', '^',
  'Шойгу', 'Київ', 'Зеленским', '서울에서', '김정은', 'الأسد', 'طهران', 'プーチン', '习近平', 'İstanbul',
  'e\u0301', 'ß', 'ł', '\u00A0', '\u2028', '\u200D', '\uFEFF', '\u0000', '🙂', '👩‍👩‍👧', '🇺🇦', '\uD800', '\uDC00',
];

/** Seeded random valid notes covering the characters exports most often get wrong. */
export function randomNotes(seed: number, count: number): Note[] {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const text = (maxPieces: number, min = 0) => {
    let s = '';
    const n = min + int(maxPieces);
    for (let i = 0; i < n; i++) s += PIECES[int(PIECES.length)];
    return s;
  };
  const time = () => new Date(Date.UTC(2000, 0, 1) + int(30 * 365 * 86400000)).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const createdAt = time();
    return {
      id: `r${seed}-${i}-${text(2)}`.slice(0, 100),
      entityId: rnd() < 0.5 ? `Q${int(1e7)}` : `gloss:${text(3, 1)}`.slice(0, 100),
      entityName: text(6, 1).slice(0, 200) || 'x',
      category: CATEGORIES[int(CATEGORIES.length)]!,
      text: text(40),
      url: rnd() < 0.8 ? `https://example.org/${text(5)}?q="${text(2)}"#${text(2)}` : text(4),
      title: text(12),
      quote: { exact: text(8), prefix: text(8).slice(0, 200), suffix: text(8).slice(0, 200) },
      createdAt,
      updatedAt: rnd() < 0.5 ? createdAt : time(),
    };
  });
}
