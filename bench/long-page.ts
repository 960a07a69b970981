/**
 * Generates a very long news page (~800 KB of article text in ~4,000 paragraphs) that names
 * entities the way wire copy does. Deterministic for a given seed. The sentences are
 * templates written for this benchmark.
 */
import { mulberry32 as rng } from '../lib/recognize/seeded-random.ts';

const NAMES = [
  'Vladimir Putin', 'Kim Jong Un', 'Sergei Shoigu', 'Volodymyr Zelensky', 'Xi Jinping', 'Donald Trump',
  'Abbas Araghchi', 'Rafael Grossi', 'Mark Rutte', 'Benjamin Netanyahu', 'Emmanuel Macron', 'Keir Starmer',
];
const PLACES = ['Kursk Oblast', 'Pyongyang', 'Moscow', 'Kyiv', 'Tehran', 'Seoul', 'Beijing', 'Washington', 'Sudzha', 'Kharkiv', 'Fordow', 'Crimea'];
const ORGS = ['NATO', 'the IAEA', '38 North', 'Chatham House', 'the Security Council of Russia', 'Hezbollah', 'Reuters', 'the National Intelligence Service'];
const WEAPONS = ['Geran-2', 'Shahed-136', 'Iskander', 'Patriot', 'HIMARS', 'KN-23', 'Storm Shadow', 'S-400'];
const FILLER = [
  'Officials said the talks would continue next week, though neither side offered a timetable.',
  'The statement gave no figures, and independent verification was not possible.',
  'Markets barely moved on the news, which analysts had largely expected.',
  'Residents described a night of sirens followed by a quiet, uneasy morning.',
  'A spokesperson declined to comment on the reports when contacted on Tuesday.',
];

/** Returns the HTML of the long page; `paragraphs` defaults to 4,000. */
export function longPageHtml(paragraphs = 4000, seed = 7): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const s1 = `${pick(NAMES)} met officials in ${pick(PLACES)} on ${1 + (i % 28)} March as ${pick(ORGS)} warned about ${pick(WEAPONS)} deliveries.`;
    const s2 = pick(FILLER);
    const s3 = i % 3 === 0 ? `According to ${pick(ORGS)}, ${pick(NAMES)} discussed ${pick(PLACES)} with aides.` : '';
    parts.push(`<p>${s1} ${s2} ${s3}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live: the long page</title></head><body><header><h1>Live coverage</h1></header><main><article>${parts.join('\n')}</article></main><footer>end</footer></body></html>`;
}
