/**
 * Builds the matcher from surface forms: tokenizes each form with the page scanner (so forms
 * and text fold alike; plain forms with form-tokens.ts, which gives the same tokens), indexes its spellings (hyphen joins, Cyrillic stems) in the token or
 * character trie and records one entry per indexed spelling.
 */
import { ASCII_CLASS, C_APOS, C_PUNCT, foldOf, foldSpan, normOf } from './char-class.ts';
import { CATEGORY_LIST, CHAR_ROOT, CompiledMatcher, KINDS, M_CHARS, M_INFLECT, TOKEN_ROOT, WEAPON } from './compile.ts';
import { EdgeTable } from './edge-table.ts';
import { tokenizeSimpleForm } from './form-tokens.ts';
import { buildLowerStarts } from './lower-starts.ts';
import { scanText, V_INFLECT_STEM } from './scan.ts';
import { V_LOWER_START, V_PLURAL_STEM, Vocab } from './tables.ts';
import { T_CYR, T_DIGIT, T_HANGUL, T_LONG, T_NOSPACE, T_PUNCT, T_SEP_DASH, T_SEP_HARD, TokenBuffer } from './token-buffer.ts';
import { IdIndex, IntList, isJoined, joinPositions, stemOf, variantMasks } from './variants.ts';
import type { SurfaceForm } from './types.ts';

/** Bare CJK characters are too ambiguous (金 is also "gold"): forms need two or more. */
const MIN_CHAR_FORM = 2;

/** Whether a form's first letter is upper case after normalization ("Kim", not "al-Assad"). */
function startsUpper(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 128) return c >= 0x41 && c <= 0x5a;
  const u = normOf(text.codePointAt(start)!).charAt(0);
  return u !== '' && u !== u.toLowerCase() && u === u.toUpperCase();
}

/** What the scanner reads while tokenizing the forms themselves; the flags become the matcher's. */
interface BuildLexicon {
  vocab: Vocab;
  asciiPunct: Int32Array;
  lowerStarts: Int32Array;
  lowerShift: number;
  skipRegExp: () => null;
  hasPluralStems: boolean;
  hasInflect: boolean;
  hasHangul: boolean;
  next: () => number;
}

/**
 * The state of one build. Each step is a short method rather than part of one long loop: in a
 * fresh process V8 optimizes short functions soon and cheaply, while a long loop body runs
 * unoptimized until the whole function has been compiled for OSR (19-34 ms of compiling per
 * build for the old loop; BENCHMARKS.md, "Matcher", session 5).
 */
class Builder {
  readonly tb = new TokenBuffer();
  readonly vocab: Vocab;
  readonly lex: BuildLexicon;
  /** Whether the form being added may be written starting in lower case (see scan.ts). */
  lowerOk = false;
  readonly lowerIds: IntList;
  readonly edges: EdgeTable;
  readonly nodeHead: IntList;
  /** The root's children are looked up by token id directly: one array read instead of a probe. */
  readonly root: IntList;
  readonly eNext: IntList;
  readonly eEntity: IntList;
  readonly eForm: IntList;
  readonly eMeta: IntList;
  readonly ePrio: IntList;
  readonly eAux: IntList;
  /** At most one entity per form. */
  readonly entityIndex: IdIndex;
  readonly formTexts: string[] = [];
  skipped = 0;
  lastEntityId = '';
  lastEntity = -1;

  constructor(count: number) {
    this.vocab = new Vocab(Math.max(256, count >> 1));
    this.lex = {
      vocab: this.vocab, asciiPunct: new Int32Array(128).fill(-1), lowerStarts: new Int32Array(0), lowerShift: 0,
      skipRegExp: (): null => null,
      hasPluralStems: false, hasInflect: false, hasHangul: false,
      // Only a page scan tracks open walks.
      next: (): number => -1,
    };
    this.edges = new EdgeTable(count);
    // Sized from the form count (~1-3 tokens each), so that the lists rarely grow: growing in
    // the middle of a build also throws away the code V8 has just optimized for the push.
    this.lowerIds = new IntList(count >> 1);
    this.root = new IntList(count);
    this.nodeHead = new IntList(count * 2);
    this.nodeHead.push(-1);
    this.nodeHead.push(-1);
    const entries = count + (count >> 1);
    this.eNext = new IntList(entries);
    this.eEntity = new IntList(entries);
    this.eForm = new IntList(entries);
    this.eMeta = new IntList(entries);
    this.ePrio = new IntList(entries);
    this.eAux = new IntList(entries);
    this.entityIndex = new IdIndex(count);
  }

  markLowerStart(id: number): void {
    if (!this.lowerOk || (this.vocab.flags[id]! & V_LOWER_START) !== 0) return;
    this.vocab.addFlag(id, V_LOWER_START);
    this.lowerIds.push(id);
  }

  child(node: number, label: number): number {
    const nodeHead = this.nodeHead;
    if (node === TOKEN_ROOT && label >= 0) {
      const root = this.root;
      while (root.n <= label) root.push(-1);
      let c = root.a[label]!;
      if (c < 0) {
        c = nodeHead.push(-1);
        root.a[label] = c;
      }
      return c;
    }
    const fresh = nodeHead.n;
    const c = this.edges.getOrAdd(node, label, fresh);
    if (c === fresh) nodeHead.push(-1);
    return c;
  }

  addEntry(node: number, fi: number, entity: number, meta: number, prio: number, aux: number): void {
    const head = this.nodeHead.a;
    const e = this.eNext.push(head[node]!);
    this.eEntity.push(entity);
    this.eForm.push(fi);
    this.eMeta.push(meta);
    this.ePrio.push(prio);
    this.eAux.push(aux);
    head[node] = e;
  }

  /** A variant's last token decides plural (weapons), particle (Hangul) and inflection (Cyrillic) readings. */
  lastToken(node: number, parent: number, lastId: number, last: string | null, flags: number, fi: number, entity: number, meta: number, prio: number, mask: number): void {
    this.addEntry(node, fi, entity, meta, prio, mask);
    const lex = this.lex;
    if (((meta >> 4) & 7) === WEAPON && !(flags & (T_DIGIT | T_PUNCT | T_HANGUL))) {
      this.vocab.addFlag(lastId, V_PLURAL_STEM);
      lex.hasPluralStems = true;
    }
    if (flags & T_HANGUL) lex.hasHangul = true;
    if (flags & T_CYR && !(flags & T_DIGIT)) this.inflected(parent, lastId, last, fi, entity, meta, prio, mask);
  }

  /** Russian/Ukrainian: the last token also matches through its stem with any case ending. */
  private inflected(parent: number, lastId: number, last: string | null, fi: number, entity: number, meta: number, prio: number, mask: number): void {
    const tb = this.tb;
    const fold = last ?? foldSpan(this.formTexts[fi]!, tb.start[tb.n - 1]!, tb.end[tb.n - 1]!);
    if (fold.length < 4) return;
    const stem = stemOf(fold);
    const sid = this.vocab.insertString(stem);
    this.vocab.addFlag(sid, V_INFLECT_STEM);
    if (parent === TOKEN_ROOT) this.markLowerStart(sid);
    this.addEntry(this.child(parent, ~sid), fi, entity, meta | (M_INFLECT << 7), prio, (stem.length << 8) | mask);
    this.lex.hasInflect = true;
  }

  addForm(form: SurfaceForm): void {
    const text = form.text;
    const kind = KINDS.indexOf(form.kind);
    const cat = CATEGORY_LIST.indexOf(form.category);
    if (typeof text !== 'string' || kind < 0 || cat < 0 || typeof form.entityId !== 'string') {
      this.skipped++;
      return;
    }
    const tb = this.tb;
    if (!tokenizeSimpleForm(text, tb, this.vocab)) scanText(text, tb, this.lex, true);
    const n = tb.n;
    let bad = n === 0;
    let nospace = false;
    let dashes = false;
    for (let t = 0; t < n && !bad; t++) {
      const f = tb.flags[t]!;
      if (f & T_LONG || (t > 0 && f & T_SEP_HARD)) bad = true;
      if (f & T_NOSPACE) nospace = true;
      if (f & T_SEP_DASH) dashes = true;
    }
    const units = nospace && n === 1 ? foldSpan(text, tb.start[0]!, tb.end[0]!) : '';
    if (bad || (nospace && (n !== 1 || [...units].length < MIN_CHAR_FORM))) {
      this.skipped++;
      return;
    }
    // Forms usually come grouped by entity: skip the map lookup for a repeat.
    const entity = form.entityId === this.lastEntityId ? this.lastEntity : this.entityIndex.indexOf(form.entityId);
    this.lastEntityId = form.entityId;
    this.lastEntity = entity;
    const fi = this.formTexts.length;
    this.formTexts.push(text);
    const prio = Number.isFinite(form.priority) ? form.priority : 0;
    const meta = kind | (form.case === 'fold' ? 0 : 8) | (cat << 4);

    if (nospace) {
      let node = CHAR_ROOT;
      for (let j = 0; j < units.length; j++) node = this.child(node, units.charCodeAt(j));
      this.addEntry(node, fi, entity, meta | (M_CHARS << 7), prio, 0);
      return;
    }
    this.lowerOk = form.case === 'fold' || !startsUpper(text, tb.start[0]!);
    const joins = dashes ? joinPositions(tb) : null;
    if (joins !== null && joins.length > 0) {
      this.addVariants(joins, fi, entity, meta, prio);
      return;
    }
    let node = TOKEN_ROOT;
    let parent = TOKEN_ROOT;
    this.markLowerStart(tb.id[0]!);
    for (let t = 0; t < n; t++) {
      parent = node;
      node = this.child(node, tb.id[t]!);
    }
    this.lastToken(node, parent, tb.id[n - 1]!, null, tb.flags[n - 1]!, fi, entity, meta, prio, 0);
  }

  /** A form with hyphens between letters: every split/joined spelling ("Jong-un", "Jongun"). */
  private addVariants(joins: number[], fi: number, entity: number, meta: number, prio: number): void {
    const tb = this.tb;
    const n = tb.n;
    const lastFlags = tb.flags[n - 1]!;
    for (const mask of variantMasks(joins.length)) {
      let node = TOKEN_ROOT;
      let parent = TOKEN_ROOT;
      let lastId = -1;
      let lastFrom = 0;
      for (let t = 0; t < n; ) {
        // Tokens t..e-1 make one token of this variant (joined at the hyphens the mask picks).
        let e = t + 1;
        while (e < n && isJoined(joins, mask, e)) e++;
        lastId = e - t === 1 ? tb.id[t]! : this.vocab.insertJoined(tb.id, t, e);
        lastFrom = t;
        if (node === TOKEN_ROOT) this.markLowerStart(lastId);
        parent = node;
        node = this.child(node, lastId);
        t = e;
      }
      // Only a Cyrillic last token needs its text (for the stem); a single one is refolded there.
      const last = lastFlags & T_CYR && lastFrom < n - 1 ? this.vocab.textOf(lastId) : null;
      this.lastToken(node, parent, lastId, last, lastFlags, fi, entity, meta, prio, mask);
    }
  }

  finish(): CompiledMatcher {
    const { vocab, lex } = this;
    vocab.trim();
    for (let c = 0; c < 128; c++) {
      const k = ASCII_CLASS[c];
      if (k === C_APOS || k === C_PUNCT) lex.asciiPunct[c] = vocab.lookupString(foldOf(c));
    }
    return new CompiledMatcher({
      vocab, asciiPunct: lex.asciiPunct, lowerStarts: buildLowerStarts(vocab, this.lowerIds.a, this.lowerIds.n),
      hasPluralStems: lex.hasPluralStems, hasInflect: lex.hasInflect, hasHangul: lex.hasHangul,
      edges: this.edges,
      rootChild: this.root.done(),
      nodeHead: this.nodeHead.done(),
      entryNext: this.eNext.done(),
      entryEntity: this.eEntity.done(),
      entryForm: this.eForm.done(),
      entryMeta: this.eMeta.done(),
      entryPriority: this.ePrio.done(),
      entryAux: this.eAux.done(),
      entityIds: this.entityIndex.ids,
      formTexts: this.formTexts,
      skippedForms: this.skipped,
    });
  }
}

/** Compiles `forms` (forms that can never match are counted in `skippedForms`). */
export function buildMatcher(forms: readonly SurfaceForm[]): CompiledMatcher {
  const b = new Builder(forms.length);
  for (const form of forms) b.addForm(form);
  return b.finish();
}
