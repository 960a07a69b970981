/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per category registered
 * in `CSS.highlights` as `gloss-<category>`, plus `gloss-current` for the mention reached
 * from the keyboard. Styles come from a constructed stylesheet (adoptedStyleSheets), which a
 * page CSP forbidding inline styles does not block. The page's DOM is never touched.
 *
 * Mentions inside very long text nodes go to a second set, `gloss-<category>-plain`, styled
 * without an underline: while any range with a text decoration lies in a text node, every
 * change to any highlight on the page makes Chromium re-run pre-paint over that whole node
 * (36-47 ms a change for a 1 MB node, measured), and a background colour alone costs nothing.
 */
import type { Category } from '@/lib/categories';
import { CATEGORIES } from '@/lib/categories';
import { CATEGORY_COLORS, CATEGORY_HIGHLIGHTS, type ColorScheme } from '@/lib/categories';
import type { PageMention } from './mention-store';

export const HIGHLIGHT_PREFIX = 'gloss-';
export const CURRENT_HIGHLIGHT = 'gloss-current';
/** Name suffix of the underline-free highlights used in very long text nodes. */
export const PLAIN_SUFFIX = '-plain';
/**
 * Text nodes longer than this get their mentions painted without an underline. Pre-paint
 * cost grows with the node (~40 ms at 1 MB); the HTML parser cuts text nodes at 65,536
 * characters, so longer ones come from script, and news paragraphs stay far below this.
 */
export const LONG_TEXT_CHARS = 20_000;

/** The text node long enough to paint plain that a mention lies in (even in part), or null. */
export function longNodeOf(m: PageMention): Text | null {
  // `length`, not `data.length`: reading `data` hands the node's whole text to JS each time.
  for (const n of m.nodes) if (n.length > LONG_TEXT_CHARS) return n;
  return null;
}

/** The category a registered highlight name stands for (plain or not), or null. */
export function categoryOfHighlight(name: string): Category | null {
  if (!name.startsWith(HIGHLIGHT_PREFIX)) return null;
  let rest = name.slice(HIGHLIGHT_PREFIX.length);
  if (rest.endsWith(PLAIN_SUFFIX)) rest = rest.slice(0, -PLAIN_SUFFIX.length);
  return (CATEGORIES as readonly string[]).includes(rest) ? (rest as Category) : null;
}

/** Scales the alpha of an rgba() colour: the shared wash is a touch strong for running text. */
export function fadeRgba(color: string, factor: number): string {
  return color.replace(
    /rgba\(([^)]*),\s*([\d.]+)\)/,
    (_, rgb: string, a: string) => `rgba(${rgb}, ${+(Number(a) * factor).toFixed(3)})`,
  );
}

/**
 * The `::highlight()` rules for a page whose background is light or dark. The plain rules
 * (long text nodes) carry no underline, so their wash is stronger to stay visible alone.
 */
export function highlightCss(scheme: ColorScheme): string {
  const rules = CATEGORIES.map(
    (c) =>
      `::highlight(${HIGHLIGHT_PREFIX}${c}){background-color:${fadeRgba(CATEGORY_HIGHLIGHTS[c][scheme], 0.6)};` +
      `text-decoration:underline 1px ${CATEGORY_COLORS[c][scheme]};}`,
  );
  const cur = scheme === 'dark' ? 'rgba(255, 214, 10, 0.38)' : 'rgba(255, 200, 0, 0.45)';
  rules.push(`::highlight(${CURRENT_HIGHLIGHT}){background-color:${cur};text-decoration:underline 2px currentColor;}`);
  for (const c of CATEGORIES) {
    rules.push(`::highlight(${HIGHLIGHT_PREFIX}${c}${PLAIN_SUFFIX}){background-color:${fadeRgba(CATEGORY_HIGHLIGHTS[c][scheme], 1.5)};}`);
  }
  rules.push(`::highlight(${CURRENT_HIGHLIGHT}${PLAIN_SUFFIX}){background-color:${cur};}`);
  return rules.join('\n');
}

/** Relative luminance of a CSS rgb()/rgba() colour, or null when transparent/unparsable. */
export function luminance(color: string): number | null {
  const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\)/.exec(color);
  if (!m) return null;
  if (m[4] !== undefined && Number(m[4]) < 0.5) return null;
  const lin = (v: string) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1] ?? '0') + 0.7152 * lin(m[2] ?? '0') + 0.0722 * lin(m[3] ?? '0');
}

/** Guesses whether the page itself is dark (its background, else its text colour). */
export function pageScheme(doc: Document): ColorScheme {
  const win = doc.defaultView;
  if (!win) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = luminance(win.getComputedStyle(el).backgroundColor);
    if (bg !== null) return bg < 0.2 ? 'dark' : 'light';
  }
  const fg = doc.body ? luminance(win.getComputedStyle(doc.body).color) : null;
  return fg !== null && fg > 0.5 ? 'dark' : 'light';
}

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightLayer {
  private readonly byCat = new Map<Category, Highlight>();
  /** Underline-free highlights for long text nodes, made when the first such mention comes. */
  private readonly plainByCat = new Map<Category, Highlight>();
  private readonly current: Highlight | null = null;
  private currentPlain: Highlight | null = null;
  private readonly sheet: CSSStyleSheet | null = null;
  private readonly adopters = new Set<Document | ShadowRoot>();
  private enabled: Record<Category, boolean>;
  readonly supported = highlightsSupported();

  constructor(
    private readonly doc: Document,
    enabled: Record<Category, boolean>,
  ) {
    this.enabled = { ...enabled };
    if (!this.supported) return;
    for (const c of CATEGORIES) this.byCat.set(c, new Highlight());
    this.current = new Highlight();
    this.current.priority = 10;
    const scheme = pageScheme(doc);
    try {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(highlightCss(scheme));
    } catch {
      this.sheet = null;
    }
    // The light palette is already in the document (entrypoints/page-highlights.css, from the manifest);
    // adopting rules now restyles the whole page, so only a dark page pays for its palette.
    // Shadow roots never see document rules: they adopt the sheet as they are found.
    if (scheme === 'dark') this.adoptInto(doc);
    this.register();
  }

  /** Makes the `::highlight` rules apply inside a document or an open shadow root. */
  adoptInto(scope: Document | ShadowRoot): void {
    if (!this.sheet) return;
    this.adopters.add(scope);
    try {
      if (!scope.adoptedStyleSheets.includes(this.sheet)) {
        scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, this.sheet];
      }
    } catch {
      /* a sheet from another document cannot be adopted; highlights stay unstyled there */
    }
  }

  /** Re-adopts the sheet where a page replaced its adoptedStyleSheets array. */
  ensureAdopted(): void {
    for (const s of this.adopters) this.adoptInto(s);
  }

  add(m: PageMention): void {
    const hl = longNodeOf(m) ? this.plain(m.category) : this.byCat.get(m.category);
    hl?.add(m.range);
  }

  remove(m: PageMention): void {
    this.hide(m);
    for (const cur of [this.current, this.currentPlain]) if (cur?.has(m.range)) cur.delete(m.range);
  }

  /** Unpaints a mention that is still on the page (far from the viewport). */
  hide(m: PageMention): void {
    // Only the highlight that holds the range is touched: every change repaints.
    const plain = this.plainByCat.get(m.category);
    if (plain?.has(m.range)) plain.delete(m.range);
    else this.byCat.get(m.category)?.delete(m.range);
  }

  /** Marks one mention as the current one (keyboard navigation), or none. */
  setCurrent(m: PageMention | null): void {
    if (!this.current) return;
    if (this.current.size) this.current.clear();
    if (this.currentPlain?.size) this.currentPlain.clear();
    if (!m) return;
    if (longNodeOf(m)) this.plainCurrent().add(m.range);
    else this.current.add(m.range);
  }

  /** Shows or hides categories live by (un)registering their highlights. */
  setCategories(enabled: Record<Category, boolean>): void {
    this.enabled = { ...enabled };
    this.register();
  }

  /** Ranges currently painted, per category (0 for a hidden category). */
  activeCounts(): Record<Category, number> {
    const out = {} as Record<Category, number>;
    const painted = (name: string, hl: Highlight | undefined) => (hl && CSS.highlights.get(name) === hl ? hl.size : 0);
    for (const c of CATEGORIES) {
      const name = HIGHLIGHT_PREFIX + c;
      out[c] = this.enabled[c] ? painted(name, this.byCat.get(c)) + painted(name + PLAIN_SUFFIX, this.plainByCat.get(c)) : 0;
    }
    return out;
  }

  /** Every highlight of this layer under its registry name (plain ones once made). */
  private *named(): Iterable<[string, Highlight, Category | null]> {
    for (const [c, hl] of this.byCat) yield [HIGHLIGHT_PREFIX + c, hl, c];
    for (const [c, hl] of this.plainByCat) yield [HIGHLIGHT_PREFIX + c + PLAIN_SUFFIX, hl, c];
    if (this.current) yield [CURRENT_HIGHLIGHT, this.current, null];
    if (this.currentPlain) yield [CURRENT_HIGHLIGHT + PLAIN_SUFFIX, this.currentPlain, null];
  }

  private register(): void {
    if (!this.supported) return;
    for (const [name, hl, c] of this.named()) {
      if (c === null || this.enabled[c]) CSS.highlights.set(name, hl);
      else if (CSS.highlights.get(name) === hl) CSS.highlights.delete(name);
    }
  }

  /** The category's underline-free highlight, made and registered on first use. */
  private plain(c: Category): Highlight | undefined {
    if (!this.supported) return undefined;
    let hl = this.plainByCat.get(c);
    if (!hl) {
      hl = new Highlight();
      this.plainByCat.set(c, hl);
      if (this.enabled[c]) CSS.highlights.set(HIGHLIGHT_PREFIX + c + PLAIN_SUFFIX, hl);
    }
    return hl;
  }

  private plainCurrent(): Highlight {
    if (!this.currentPlain) {
      this.currentPlain = new Highlight();
      this.currentPlain.priority = 10;
      CSS.highlights.set(CURRENT_HIGHLIGHT + PLAIN_SUFFIX, this.currentPlain);
    }
    return this.currentPlain;
  }

  /** Empties every highlight (e.g. before a rescan). */
  clear(): void {
    for (const [, hl] of this.named()) hl.clear();
  }

  /** Unregisters everything and removes the stylesheet: the page is as it was. */
  detach(): void {
    this.clear();
    if (!this.supported) return;
    for (const [name, hl] of this.named()) if (CSS.highlights.get(name) === hl) CSS.highlights.delete(name);
    for (const s of this.adopters) {
      try {
        s.adoptedStyleSheets = s.adoptedStyleSheets.filter((x) => x !== this.sheet);
      } catch {
        /* ignore */
      }
    }
    this.adopters.clear();
  }
}
