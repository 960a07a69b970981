/**
 * Small text helpers for the knowledge-base build: cleaning names taken from data packages
 * and the comparison key used to spot duplicate or colliding surface forms.
 */

/**
 * Bidi marks and other invisible format characters that data files leave inside names.
 * ZWNJ/ZWJ (U+200C/D) stay: Persian spelling uses them and page text carries them too.
 */
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Trims, removes invisible marks, folds curly apostrophes and collapses spaces. */
export function cleanName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Comparison key close to what the matcher folds away: compatibility forms, diacritics
 * (including Hebrew points), dashes and apostrophes. Case is kept unless `fold` is set,
 * because "US" and "us" are different forms for an exact-case alias.
 */
export function formKey(text: string, fold = false): string {
  const base = text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[\p{Pd}\u2212\u00AD]/gu, '-')
    .replace(/[\u2018\u2019'`\u02BC]/g, "'")
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ё/g, 'е')
    .replace(/Ё/g, 'Е')
    .replace(/\s+/g, ' ')
    .trim();
  return fold ? base.toLowerCase() : base;
}

/** True when the text is written in Latin letters (where English-word clashes matter). */
export function isLatin(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && !/[^\p{Script=Latin}\p{Script=Common}\p{Mn}]/u.test(text);
}

/** Removes Hebrew niqqud and cantillation, which news text almost never carries. */
export function stripHebrewPoints(text: string): string {
  return text.replace(/[\u0591-\u05C7]/g, '');
}

/** Country names that take "the" in running text ("capital of the United States"). */
const WITH_ARTICLE: ReadonlySet<string> = new Set([
  'United States', 'United Kingdom', 'United Arab Emirates', 'Czech Republic', 'Dominican Republic',
  'Central African Republic', 'Democratic Republic of the Congo', 'Republic of the Congo',
  'Philippines', 'Netherlands', 'Bahamas', 'Maldives', 'Comoros', 'Seychelles', 'Marshall Islands',
  'Solomon Islands', 'Cayman Islands', 'Faroe Islands', 'Cook Islands', 'Falkland Islands',
  'Turks and Caicos Islands', 'Northern Mariana Islands', 'British Virgin Islands',
  'U.S. Virgin Islands', 'Caribbean Netherlands', 'Cocos (Keeling) Islands',
]);

/** Prefixes "the" where English needs it. */
export function withArticle(name: string): string {
  return WITH_ARTICLE.has(name) ? `the ${name}` : name;
}
