/**
 * Case rules, checked on the case-preserving normalization (diacritics, dashes and spaces
 * already normalized): `exact` forms match as written or, with 4+ letters, in ALL CAPS;
 * a short all-caps form ("US", "AP") is refused inside an all-caps run ("LET US PRAY").
 * Only candidates reach this code, so it may allocate.
 */
import { normSpan } from './char-class.ts';
import { type CompiledMatcher, M_INFLECT } from './compile.ts';
import { ALL_JOINED, joinPositions, variantGroups } from './variants.ts';
import { scanText } from './scan.ts';
import { T_DIGIT, T_NOSPACE, T_PUNCT, T_SEP_DASH, TokenBuffer } from './token-buffer.ts';

/** Case-preserved tokens of one indexed variant of a form. */
export interface FormNorm {
  tokens: string[];
  dashBefore: boolean[];
  letters: number;
  /** All letters uppercase and at most 3 of them ("US", "AP", "IS"). */
  shortUpper: boolean;
}

const LETTER = /\p{L}/u;
const formTb = new TokenBuffer();

/** Case-preserved tokens of the form variant behind entry `e` (cached on the matcher). */
export function formNorm(m: CompiledMatcher, e: number): FormNorm {
  const cache = m.formNorms as FormNorm[];
  const slot = m.formNormSlot;
  const k = slot[e]!;
  if (k > 0) return cache[(k >> 1) - 1]!;
  const text = m.formTexts[m.entryForm[e]!]!;
  scanText(text, formTb, null);
  const joins = joinPositions(formTb);
  const aux = m.entryAux[e]!;
  const mask = (m.entryMeta[e]! >> 7) === M_INFLECT ? aux & 255 : aux;
  const groups = variantGroups(formTb.n, joins, mask === ALL_JOINED ? ALL_JOINED : mask);
  const tokens = groups.map((g) => g.map((t) => normSpan(text, formTb.start[t]!, formTb.end[t]!)).join(''));
  const dashBefore = groups.map((g) => (formTb.flags[g[0]!]! & T_SEP_DASH) !== 0);
  let letters = 0;
  for (const tok of tokens) for (const ch of tok) if (LETTER.test(ch)) letters++;
  const joined = tokens.join('');
  const shortUpper = letters > 0 && letters <= 3 && joined === joined.toUpperCase() && joined !== joined.toLowerCase();
  const fn: FormNorm = { tokens, dashBefore, letters, shortUpper };
  // The slot also keeps `shortUpper`, which every candidate of a short exact form asks for.
  slot[e] = (cache.push(fn) << 1) | (shortUpper ? 1 : 0);
  return fn;
}

/** `formNorm(m, e).shortUpper`, read from the cache slot alone once the entry is known. */
export function isShortUpper(m: CompiledMatcher, e: number): boolean {
  const k = m.formNormSlot[e]!;
  return k > 0 ? (k & 1) === 1 : formNorm(m, e).shortUpper;
}

function sameButFirstCase(a: string, b: string): boolean {
  return a.length === b.length && a.length > 0 && a.slice(1) === b.slice(1) && a[0]!.toLowerCase() === b[0]!.toLowerCase();
}

/**
 * Whether text tokens `norms` (case-preserved) satisfy an exact form; `orig` is the matched
 * original text. `stemLen` > 0 compares only that many leading units of the last token
 * (inflected Cyrillic names).
 */
export function exactOk(
  fn: FormNorm, norms: readonly string[], textDash: readonly boolean[], orig: string, stemLen: number,
): boolean {
  const n = norms.length;
  if (fn.tokens.length !== n) return false;
  let ok = true;
  for (let k = 0; k < n && ok; k++) {
    let a = norms[k]!;
    let b = fn.tokens[k]!;
    if (stemLen > 0 && k === n - 1) {
      a = a.slice(0, stemLen);
      b = b.slice(0, stemLen);
    }
    if (a === b) continue;
    // "Kim Jong-un" is also written "Kim Jong Un": a hyphen on either side frees the case
    // of the next token's first letter.
    if (k > 0 && (fn.dashBefore[k] || textDash[k]) && sameButFirstCase(a, b)) continue;
    // A name that starts in lower case is capitalized at the start of a sentence ("Al-Assad").
    if (k === 0 && b[0] !== b[0]!.toUpperCase() && a === b[0]!.toUpperCase() + b.slice(1)) continue;
    ok = false;
  }
  // The trie already matched the folded text, so an ALL-CAPS rendering only needs the
  // text to have no lower-case letter ("YONHAP" for Yonhap, "ÆSIR" for Æsir).
  return ok || (fn.letters >= 4 && orig === orig.toUpperCase());
}

/**
 * Verdict for one side of a short all-caps form: looks at up to 3 words, stopping at the first
 * word of 4+ letters; 'other' as soon as one of them has a lower-case letter.
 */
function neighbour(text: string, tb: TokenBuffer, from: number, step: number): 'caps' | 'other' | 'none' {
  let verdict: 'caps' | 'other' | 'none' = 'none';
  for (let t = from, seen = 0; t >= 0 && t < tb.n && seen < 3; t += step) {
    const f = tb.flags[t]!;
    if (f & T_NOSPACE) break;
    if (f & (T_PUNCT | T_DIGIT)) continue;
    const s = normSpan(text, tb.start[t]!, tb.end[t]!);
    let letters = 0;
    for (const ch of s) if (LETTER.test(ch)) letters++;
    if (letters < 2) continue;
    seen++;
    if (s !== s.toUpperCase() || s === s.toLowerCase()) return 'other';
    verdict = 'caps';
    if (letters >= 4) break;
  }
  return verdict;
}

const aroundTb = new TokenBuffer();
/** How far to look around a short form for its neighbouring words. */
const WINDOW = 120;

/**
 * Whether the word one space away from `from` (after it for `step` 1, before it for -1) is
 * plain ASCII letters, 2 or more, with a lower-case one: then `neighbour` would say 'other'
 * for that side, and the form is not in an all-caps run. The common case, checked without
 * re-scanning a window.
 */
function plainLowerWordBeside(text: string, from: number, step: 1 | -1): boolean {
  let p = step === 1 ? from : from - 1;
  if (text.charCodeAt(p) !== 0x20) return false;
  let letters = 0;
  let lower = false;
  for (p += step; p >= 0 && p < text.length && letters < WINDOW / 2; p += step) {
    const c = text.charCodeAt(p) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    lower ||= c === text.charCodeAt(p);
    letters++;
  }
  return letters >= 2 && letters < WINDOW / 2 && lower;
}

/** True when text[start, end) sits in an all-caps run: every word found around it is all caps. */
export function inShoutingRun(text: string, start: number, end: number): boolean {
  if (plainLowerWordBeside(text, end, 1) || plainLowerWordBeside(text, start, -1)) return false;
  // The page scan keeps only words that occur in names, so re-scan a window around the form.
  const left = text.slice(Math.max(0, start - WINDOW), start);
  scanText(left, aroundTb, null);
  const before = neighbour(left, aroundTb, aroundTb.n - 1, -1);
  const right = text.slice(end, end + WINDOW);
  scanText(right, aroundTb, null);
  const after = neighbour(right, aroundTb, 0, 1);
  if (before === 'none' && after === 'none') return false;
  return before !== 'other' && after !== 'other';
}
