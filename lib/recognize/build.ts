/**
 * Builds the matcher from surface forms: tokenizes each form with the page scanner (so forms
 * and text fold alike), indexes its spellings (hyphen joins, Cyrillic stems) in the token or
 * character trie and records one entry per indexed spelling.
 */
import { ASCII_CLASS, C_APOS, C_PUNCT, foldOf, foldSpan, normOf } from './char-class.ts';
import { CATEGORY_LIST, CHAR_ROOT, CompiledMatcher, KINDS, M_CHARS, M_INFLECT, TOKEN_ROOT, WEAPON } from './compile.ts';
import { EdgeTable } from './edge-table.ts';
import { buildLowerStarts } from './lower-starts.ts';
import { scanText, V_INFLECT_STEM } from './scan.ts';
import { V_LOWER_START, V_PLURAL_STEM, Vocab } from './tables.ts';
import { T_CYR, T_DIGIT, T_HANGUL, T_LONG, T_NOSPACE, T_PUNCT, T_SEP_DASH, T_SEP_HARD, TokenBuffer } from './token-buffer.ts';
import { IdIndex, IntList, joinPositions, stemOf, variantGroups, variantMasks } from './variants.ts';
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

/** Compiles `forms` (forms that can never match are counted in `skippedForms`). */
export function buildMatcher(forms: readonly SurfaceForm[]): CompiledMatcher {
  const tb = new TokenBuffer();
  const vocab = new Vocab(Math.max(256, forms.length >> 1));
  // What the scanner reads while tokenizing the forms themselves; the flags become the matcher's.
  const lex = {
    vocab, asciiPunct: new Int32Array(128).fill(-1), lowerStarts: new Int32Array(0), lowerShift: 0,
    skipRegExp: (): null => null,
    hasPluralStems: false, hasInflect: false, hasHangul: false,
    // Only a page scan tracks open walks.
    next: (): number => -1,
  };
  // Whether the form being added may be written starting in lower case (see scan.ts).
  let lowerOk = false;
  const lowerIds = new IntList();
  const markLowerStart = (id: number): void => {
    if (!lowerOk || (vocab.flags[id]! & V_LOWER_START) !== 0) return;
    vocab.addFlag(id, V_LOWER_START);
    lowerIds.push(id);
  };
  const edges = new EdgeTable(forms.length);
  const nodeHead = new IntList();
  nodeHead.push(-1);
  nodeHead.push(-1);
  // The root's children are looked up by token id directly: one array read instead of a probe.
  const root = new IntList();
  const child = (node: number, label: number): number => {
    if (node === TOKEN_ROOT && label >= 0) {
      while (root.n <= label) root.push(-1);
      let c = root.a[label]!;
      if (c < 0) {
        c = nodeHead.push(-1);
        root.a[label] = c;
      }
      return c;
    }
    let c = edges.get(node, label);
    if (c < 0) {
      c = nodeHead.push(-1);
      edges.add(node, label, c);
    }
    return c;
  };
  const eNext = new IntList();
  const eEntity = new IntList();
  const eForm = new IntList();
  const eMeta = new IntList();
  const ePrio = new IntList();
  const eAux = new IntList();
  // At most one entity per form.
  const entityIndex = new IdIndex(forms.length);
  const formTexts: string[] = [];
  let skipped = 0;
  let lastEntityId = '';
  let lastEntity = -1;

  const addEntry = (node: number, fi: number, entity: number, meta: number, prio: number, aux: number): void => {
    const e = eNext.push(nodeHead.a[node]!);
    eEntity.push(entity);
    eForm.push(fi);
    eMeta.push(meta);
    ePrio.push(prio);
    eAux.push(aux);
    nodeHead.a[node] = e;
  };
  // A variant's last token decides plural (weapons), particle (Hangul) and inflection (Cyrillic) readings.
  const lastToken = (node: number, parent: number, lastId: number, last: string | null, flags: number, fi: number, entity: number, meta: number, prio: number, mask: number): void => {
    addEntry(node, fi, entity, meta, prio, mask);
    if (((meta >> 4) & 7) === WEAPON && !(flags & (T_DIGIT | T_PUNCT | T_HANGUL))) {
      vocab.addFlag(lastId, V_PLURAL_STEM);
      lex.hasPluralStems = true;
    }
    if (flags & T_HANGUL) lex.hasHangul = true;
    if (flags & T_CYR && !(flags & T_DIGIT)) {
      const fold = last ?? foldSpan(formTexts[fi]!, tb.start[tb.n - 1]!, tb.end[tb.n - 1]!);
      if (fold.length >= 4) {
        const stem = stemOf(fold);
        const sid = vocab.insertString(stem);
        vocab.addFlag(sid, V_INFLECT_STEM);
        if (parent === TOKEN_ROOT) markLowerStart(sid);
        addEntry(child(parent, ~sid), fi, entity, meta | (M_INFLECT << 7), prio, (stem.length << 8) | mask);
        lex.hasInflect = true;
      }
    }
  };

  for (const form of forms) {
    const text = form.text;
    const kind = KINDS.indexOf(form.kind);
    const cat = CATEGORY_LIST.indexOf(form.category);
    if (typeof text !== 'string' || kind < 0 || cat < 0 || typeof form.entityId !== 'string') {
      skipped++;
      continue;
    }
    scanText(text, tb, lex, true);
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
      skipped++;
      continue;
    }
    // Forms usually come grouped by entity: skip the map lookup for a repeat.
    const entity = form.entityId === lastEntityId ? lastEntity : entityIndex.indexOf(form.entityId);
    lastEntityId = form.entityId;
    lastEntity = entity;
    const fi = formTexts.length;
    formTexts.push(text);
    const prio = Number.isFinite(form.priority) ? form.priority : 0;
    const meta = kind | (form.case === 'fold' ? 0 : 8) | (cat << 4);

    if (nospace) {
      let node = CHAR_ROOT;
      for (let j = 0; j < units.length; j++) node = child(node, units.charCodeAt(j));
      addEntry(node, fi, entity, meta | (M_CHARS << 7), prio, 0);
      continue;
    }
    lowerOk = form.case === 'fold' || !startsUpper(text, tb.start[0]!);
    const lastFlags = tb.flags[n - 1]!;
    const joins = dashes ? joinPositions(tb) : [];
    if (joins.length === 0) {
      let node = TOKEN_ROOT;
      let parent = TOKEN_ROOT;
      markLowerStart(tb.id[0]!);
      for (let t = 0; t < n; t++) {
        parent = node;
        node = child(node, tb.id[t]!);
      }
      lastToken(node, parent, tb.id[n - 1]!, null, lastFlags, fi, entity, meta, prio, 0);
      continue;
    }
    const folds: string[] = [];
    for (let t = 0; t < n; t++) folds.push(foldSpan(text, tb.start[t]!, tb.end[t]!));
    for (const mask of variantMasks(joins.length)) {
      let node = TOKEN_ROOT;
      let parent = TOKEN_ROOT;
      let last = '';
      let lastId = -1;
      for (const g of variantGroups(n, joins, mask)) {
        last = '';
        for (const t of g) last += folds[t];
        lastId = vocab.insertString(last);
        if (node === TOKEN_ROOT) markLowerStart(lastId);
        parent = node;
        node = child(node, lastId);
      }
      lastToken(node, parent, lastId, last, lastFlags, fi, entity, meta, prio, mask);
    }
  }

  vocab.trim();
  for (let c = 0; c < 128; c++) {
    const k = ASCII_CLASS[c];
    if (k === C_APOS || k === C_PUNCT) lex.asciiPunct[c] = vocab.lookupString(foldOf(c));
  }
  return new CompiledMatcher({
    vocab, asciiPunct: lex.asciiPunct, lowerStarts: buildLowerStarts(vocab, lowerIds.a, lowerIds.n),
    hasPluralStems: lex.hasPluralStems, hasInflect: lex.hasInflect, hasHangul: lex.hasHangul,
    edges,
    rootChild: root.done(),
    nodeHead: nodeHead.done(),
    entryNext: eNext.done(),
    entryEntity: eEntity.done(),
    entryForm: eForm.done(),
    entryMeta: eMeta.done(),
    entryPriority: ePrio.done(),
    entryAux: eAux.done(),
    entityIds: entityIndex.ids,
    formTexts,
    skippedForms: skipped,
  });
}
