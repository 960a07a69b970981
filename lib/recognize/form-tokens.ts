/**
 * A lean tokenizer for the commonest kind of surface form: letters and digits separated by
 * spaces and hyphens ("Kim Jong-un", "F-16", "Zoë Baird"), where every letter is ASCII or
 * folds to one unit (é, ø; not Cyrillic, whose tokens carry inflection flags). It gives
 * exactly the tokens that scanText gives for such a form in build mode, but it is a small
 * function that V8 compiles quickly, where the page scanner is large and general: in a fresh
 * process that compiling is a good part of the first build (BENCHMARKS.md, "Matcher").
 */
import { ASCII_CLASS, ASCII_FOLD, C_DASH, C_DIGIT, C_LETTER, C_SPACE, plainLetterFold } from './char-class.ts';
import { HASH_INIT, HASH_MUL, type Vocab } from './tables.ts';
import { MAX_UNITS, T_DIGIT, T_JOINED, T_SEP_DASH, T_SEP_SPACE, type TokenBuffer } from './token-buffer.ts';

/** Scanner class of a character the check below accepted. */
function kindOf(c: number): number {
  return c < 128 ? ASCII_CLASS[c]! : C_LETTER;
}

/**
 * Tokenizes `text` into `tb`, adding its folded tokens to `vocab`, when it consists only of
 * such letters, digits, spaces and hyphens; otherwise returns false and changes nothing (the
 * caller then runs the scanner).
 */
export function tokenizeSimpleForm(text: string, tb: TokenBuffer, vocab: Vocab): boolean {
  const n = text.length;
  // Check the whole form first: a form the scanner must handle adds nothing to the vocabulary here.
  if (n > MAX_UNITS) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (plainLetterFold(c) < 0) return false;
      continue;
    }
    const k = ASCII_CLASS[c];
    if (k !== C_LETTER && k !== C_DIGIT && k !== C_SPACE && k !== C_DASH) return false;
  }
  tb.reset();
  const fbuf = tb.fbuf;
  let sep = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    const k = kindOf(c);
    if (k === C_SPACE || k === C_DASH) {
      sep |= k === C_SPACE ? T_SEP_SPACE : T_SEP_DASH;
      i++;
      continue;
    }
    const start = i;
    let h = HASH_INIT;
    let len = 0;
    for (;;) {
      const f = c < 128 ? ASCII_FOLD[c]! : plainLetterFold(c);
      fbuf[len++] = f;
      h = Math.imul(h ^ f, HASH_MUL);
      if (++i >= n) break;
      c = text.charCodeAt(i);
      if (kindOf(c) !== k) break;
    }
    tb.push(start, i, vocab.insert(h, len, fbuf), k === C_DIGIT ? sep | T_DIGIT : sep);
    // A letter/digit change splits a word but keeps its parts joined ("F16" = f|16).
    const next = i < n ? kindOf(c) : -1;
    sep = next === C_LETTER || next === C_DIGIT ? T_JOINED : 0;
  }
  return true;
}
