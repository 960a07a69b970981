/**
 * Candidate generation: walks the token trie from every token that can start a name and
 * the character trie from every position of a Han/kana/Thai run, and keeps each terminal
 * whose form entries pass the case rules. Overlaps are resolved later (resolve.ts).
 */
import { appendFold, C_DIGIT, C_HANGUL, C_IGNORE, C_LETTER, C_MARK, CLASS_MASK, classOf, normSpan } from './char-class.ts';
import { exactOk, formNorm, inShoutingRun, isShortUpper } from './case-rules.ts';
import { CHAR_ROOT, type CompiledMatcher, M_INFLECT, TOKEN_ROOT, WEAPON } from './compile.ts';
import {
  A_INFLECT, A_PARTICLE, A_PLURAL, T_JOINED, T_NEXT_JOINED, T_NOSPACE, T_SEP_DASH, T_SEP_HARD, type TokenBuffer,
} from './token-buffer.ts';

/** A possible mention: [start, end) in the chunk, with the form entries that fit there. */
export interface Candidate {
  start: number;
  end: number;
  entries: number[];
}

/** Forms longer than this cannot have at most 3 letters (the shouting guard's concern). */
const SHORT_FORM_CHARS = 12;

/** Plural read: the last token is "<name>s" or a glued "s" follows ("F-16s"). */
const P_GLUED = 100;

/** Scratch for one character run (Han, kana, Thai...). */
export class RunBuffer {
  units = new Uint16Array(256);
  from = new Int32Array(256);
  to = new Int32Array(256);
  cpStart = new Uint8Array(256);
  ensure(n: number): void {
    if (n <= this.units.length) return;
    let cap = this.units.length;
    while (cap < n) cap *= 2;
    this.units = new Uint16Array(cap);
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.cpStart = new Uint8Array(cap);
  }
}

/** text.startsWith(s, at), as a plain loop: the builtin call costs more than these few units. */
function sameUnits(text: string, at: number, s: string): boolean {
  for (let j = 0; j < s.length; j++) if (text.charCodeAt(at + j) !== s.charCodeAt(j)) return false;
  return true;
}

function textNorms(text: string, tb: TokenBuffer, t: number, u: number, end: number, mode: number): string[] {
  const out: string[] = [];
  for (let k = t; k <= u; k++) {
    let s = normSpan(text, tb.start[k]!, k === u && mode === A_PARTICLE ? end : tb.end[k]!);
    if (k === u && mode === A_PLURAL) s = s.slice(0, -1);
    out.push(s);
  }
  return out;
}

function addCandidate(
  m: CompiledMatcher, text: string, tb: TokenBuffer, t: number, u: number, node: number, end: number,
  mode: number, out: Candidate[],
): void {
  const entries: number[] = [];
  let norms: string[] | null = null;
  let dashes: boolean[] | null = null;
  let orig = '';
  for (let e = m.nodeHead[node]!; e >= 0; e = m.entryNext[e]!) {
    const meta = m.entryMeta[e]!;
    if ((mode === A_PLURAL || mode === P_GLUED) && ((meta >> 4) & 7) !== WEAPON) continue;
    if (meta & 8) {
      const start = tb.start[t]!;
      const ft = m.formTexts[m.entryForm[e]!]!;
      // Written exactly as the form: no need to normalize anything.
      const verbatim = ft.length === end - start && sameUnits(text, start, ft);
      if (!verbatim) {
        if (norms === null || dashes === null) {
          norms = textNorms(text, tb, t, u, end, mode);
          dashes = [];
          for (let k = t; k <= u; k++) dashes.push(k > t && (tb.flags[k]! & T_SEP_DASH) !== 0);
          orig = text.slice(start, end);
        }
        const stemLen = meta >> 7 === M_INFLECT ? m.entryAux[e]! >> 8 : 0;
        if (!exactOk(formNorm(m, e), norms, dashes, orig, stemLen)) continue;
      }
      if (ft.length <= SHORT_FORM_CHARS && isShortUpper(m, e) && inShoutingRun(text, start, end)) continue;
    }
    entries.push(e);
  }
  if (entries.length > 0) out.push({ start: tb.start[t]!, end, entries });
}

/** Whether a lone "s" glued to the name starts at `p` ("F-16s"). */
function isGluedS(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c !== 0x73 && c !== 0x53) return false;
  if (p + 1 >= text.length) return true;
  const k = classOf(text.codePointAt(p + 1)!) & CLASS_MASK;
  return k !== C_LETTER && k !== C_DIGIT && k !== C_HANGUL && k !== C_MARK;
}

function charRun(m: CompiledMatcher, text: string, s: number, e: number, rb: RunBuffer, out: Candidate[]): void {
  rb.ensure((e - s) * 6 + 16);
  const { units, from, to, cpStart } = rb;
  let n = 0;
  for (let i = s; i < e; ) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const k = classOf(cp) & CLASS_MASK;
    if (k !== C_IGNORE) {
      const n1 = appendFold(cp, units, n, units.length);
      if (n1 > units.length) break; // compatibility characters that expand a lot (㌀): stop here
      if (k === C_MARK && n > 0) to[n - 1] = i + w; // a mark stays with its base
      for (let j = n; j < n1; j++) {
        from[j] = i;
        to[j] = i + w;
        cpStart[j] = j === n && k !== C_MARK ? 1 : 0;
      }
      n = n1;
    }
    i += w;
  }
  const edges = m.edges;
  for (let p = 0; p < n; p++) {
    if (!cpStart[p]) continue;
    let node = CHAR_ROOT;
    for (let q = p; q < n; q++) {
      node = edges.get(node, units[q]!);
      if (node < 0) break;
      if (m.nodeHead[node]! >= 0 && (q + 1 === n || cpStart[q + 1])) {
        const entries: number[] = [];
        for (let x = m.nodeHead[node]!; x >= 0; x = m.entryNext[x]!) entries.push(x);
        out.push({ start: from[p]!, end: to[q]!, entries });
      }
    }
  }
}

/** Appends every candidate mention of the scanned chunk to `out`, in order of start. */
export function findCandidates(m: CompiledMatcher, text: string, tb: TokenBuffer, rb: RunBuffer, out: Candidate[]): void {
  const n = tb.n;
  const { id: ids, flags, alt } = tb;
  for (let t = 0; t < n; t++) {
    const f = flags[t]!;
    if (f & T_NOSPACE) {
      charRun(m, text, tb.start[t]!, tb.end[t]!, rb, out);
      continue;
    }
    if (f & T_JOINED || (ids[t]! < 0 && alt[t]! < 0)) continue;
    let node = TOKEN_ROOT;
    let u = t;
    for (;;) {
      const a0 = alt[u]!;
      if (a0 >= 0) {
        for (let a = a0; a < tb.altN && tb.altTok[a] === u; a++) {
          const kind = tb.altKind[a]!;
          const sid = tb.altId[a]!;
          const c = m.next(node, kind === A_INFLECT ? ~sid : sid);
          if (c >= 0 && m.nodeHead[c]! >= 0) addCandidate(m, text, tb, t, u, c, tb.altEnd[a]!, kind, out);
        }
      }
      const id = ids[u]!;
      if (id < 0) break;
      const c = m.next(node, id);
      if (c < 0) break;
      node = c;
      if (m.nodeHead[node]! >= 0) {
        const nx = u + 1;
        // A word glued on ("Shahed136") blocks the match unless it is a plural s.
        const glued = (flags[u]! & T_NEXT_JOINED) !== 0 || (nx < n && (flags[nx]! & (T_JOINED | T_SEP_HARD)) === T_JOINED);
        const e = tb.end[u]!;
        if (!glued) addCandidate(m, text, tb, t, u, node, e, 0, out);
        else if (isGluedS(text, e)) addCandidate(m, text, tb, t, u, node, e + 1, P_GLUED, out);
      }
      u++;
      if (u >= n || flags[u]! & (T_SEP_HARD | T_NOSPACE)) break;
    }
  }
}
