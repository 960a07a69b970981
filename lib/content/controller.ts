/**
 * One page's Gloss session: scan, highlights, hover cards, keyboard navigation and live
 * settings. Everything it registers hangs off one AbortController, so `stop()` (site turned
 * off) or the extension context going away leaves the page exactly as it was.
 */
import type { Entity } from '@/lib/kb/schema';
import type { NoteInput } from '@/lib/notes/types';
import type { PageEntity } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { CardCache } from './card-cache';
import { CardHost } from './card-host';
import { HighlightLayer } from './highlights';
import { hitTest, liveRange, rectAtPoint, type Hit } from './hit-test';
import { HoverIntent } from './hover-intent';
import { isEditableTarget, navKey, pickMention, type NavDirection } from './keyboard';
import { MentionStore, type PageMention } from './mention-store';
import { NearViewportPainter } from './near-viewport';
import { PageObserver } from './observer';
import { TapTracker, insideInteractive } from './touch';
import { UndefinedElementWatch, hostSkipped, unknownShadowRootAt } from './shadow-watch';
import type { RectLike } from './placement';
import { Scanner, type BlockRecognizer } from './scanner';
import { whenIdle, yieldToMain } from './slicer';
import { debugCounts, noteInput, scrollToMention } from './page-helpers';

export interface PageApi {
  getCards(ids: string[]): Promise<Entity[]>;
  addNote(note: NoteInput): Promise<unknown>;
  /**
   * Whether the knowledge base changed since the recognizer was built (a pack was imported
   * in another tab); asked when the page becomes visible again.
   */
  kbChanged?(): Promise<boolean>;
}

/** Same-entity navigation events from a keydown and a forwarded command arrive together. */
const NAV_DEDUPE_MS = 250;
/**
 * The debug counters on the host are rewritten at most this often while names come in: each
 * write is an attribute change, and so one more frame for the page to render.
 */
const DEBUG_EVERY_MS = 250;
/** Scrolling counts as stopped after this long without a scroll event. */
const RECHECK_AFTER_SCROLL_MS = 150;

/** What opened a card: hover cards follow hover intent; tap and keyboard cards stay put. */
type OpenedBy = 'hover' | 'tap' | 'keyboard';

export class PageController {
  private store = new MentionStore();
  private layer: HighlightLayer | null = null;
  private painter: NearViewportPainter | null = null;
  private scanner: Scanner | null = null;
  private observer: PageObserver | null = null;
  private shadowWatch: UndefinedElementWatch | null = null;
  private session: AbortController | null = null;
  /** The page listeners; renewed when a document.write wipes them. */
  private listening: AbortController | null = null;
  /** The root element the listeners were set up for. */
  private root: Element | null = null;
  private checkingKb = false;
  private readonly hover: HoverIntent<Hit>;
  private readonly taps = new TapTracker();
  private readonly host: CardHost;
  private readonly cache: CardCache;
  private shownMention: PageMention | null = null;
  private hoverShown = false;
  private current: PageMention | null = null;
  private shadowRoots: ShadowRoot[] = [];
  private lastNav = 0;
  private showToken = 0;
  private debugTimer: ReturnType<typeof setTimeout> | null = null;
  private repositionQueued = false;
  private recheckTimer: ReturnType<typeof setTimeout> | null = null;
  private scanned = false;
  private warmed = false;
  private rescanChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly makeRecognizer: () => Promise<BlockRecognizer>,
    private readonly api: PageApi,
    private settings: Settings,
  ) {
    this.cache = new CardCache((ids) => api.getCards(ids));
    this.host = new CardHost(doc, () => this.onCardClosed());
    this.hover = new HoverIntent<Hit>({
      hitTest: (x, y) => this.hoverHit(x, y),
      beneath: (x, y) => this.mentionBeneath(x, y),
      same: (a, b) => a.mention === b.mention,
      show: (hit) => void this.openCard(hit.mention, hit.rect, 'hover', performance.now()),
      hide: () => this.hideHoverCard(),
      shown: () =>
        this.hoverShown && !this.host.pinned && this.shownMention
          ? { mention: this.shownMention, rect: new DOMRect() }
          : null,
      delayMs: () => this.settings.hoverDelayMs,
      setTimer: (fn, ms) => setTimeout(() => this.guard(fn), ms),
      clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    });
    this.setDebug();
  }

  get running(): boolean {
    return this.session !== null;
  }

  /** Starts (or restarts) scanning and listening. */
  async start(): Promise<void> {
    if (this.session) return;
    const session = new AbortController();
    this.session = session;
    const recognizer = await this.makeRecognizer();
    // Each step in a task of its own (issue #5: no task of Gloss's over ~10 ms): the set-up
    // here reads the page's computed style, the walk below has its own 5 ms slices.
    await yieldToMain();
    if (this.session !== session) return;
    this.store = new MentionStore();
    this.layer = new HighlightLayer(this.doc, this.settings.categories);
    this.painter = new NearViewportPainter(this.layer, { onChange: () => this.changed() });
    this.scanner = new Scanner(this.doc, this.store, this.painter, recognizer, {
      onShadowRoot: (sr) => this.adoptShadowRoot(sr),
      onChange: () => this.changed(),
    });
    this.observer = new PageObserver((roots) => this.guard(() => void this.rescan(roots)));
    this.observer.observe(this.doc);
    this.shadowWatch = new UndefinedElementWatch({
      registry: this.doc.defaultView?.customElements ?? null,
      onRoot: (sr) => void this.pickUpShadowRoot(sr),
      setTimer: (fn, ms) => setTimeout(() => this.guard(fn), ms),
      clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    });
    this.relisten();
    await yieldToMain();
    if (this.session !== session || !this.scanner) return;
    const first = this.scanner.scanDocument();
    this.rescanChain = first.catch(() => undefined);
    // Custom elements not yet defined: the walk will pass them before they have a root.
    this.guard(() => this.shadowWatch?.watch(this.doc));
    await first;
    // The scan's last slice may have just used its budget in this same task.
    await yieldToMain();
    if (this.session !== session) return;
    this.guard(() => this.shadowWatch?.watch(this.doc));
    // Each batch's chunks were checked against the viewport as they came (the painter's
    // flush): no geometry pass over the whole page here, only the watching.
    this.painter?.seal();
    this.scanned = true;
    this.setDebug();
    // Card data for the names found since the reader started pointing (see changed()).
    if (this.warmed) void this.cache.load(this.store.entityIds());
  }

  /**
   * Warms the card up (see CardHost.prewarm) and fetches the card data of the names found so
   * far once the reader first moves the pointer or touches the page, well before any dwell
   * can end, so the first card is as fast as the rest. Not at load: a page read without
   * hovering never pays for either (a keyboard or popup card fetches its one entity).
   */
  private warmUpSoon(): void {
    const session = this.session;
    if (this.warmed || !session) return;
    this.warmed = true;
    void this.cache.load(this.store.entityIds());
    void this.prewarmCard(session).catch(() => undefined);
  }

  private async prewarmCard(session: AbortController): Promise<void> {
    // The renderer is injected by the background (card-view.ts): ask now, not at the dwell.
    await this.host.loadView();
    await whenIdle(500);
    if (this.session !== session) return;
    this.guard(() => this.host.prewarm());
    // Removed once a frame has laid it out.
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    this.guard(() => this.host.endPrewarm());
  }

  /** Removes every highlight and card and stops all work. */
  stop(): void {
    this.session?.abort();
    this.session = null;
    this.listening?.abort();
    this.listening = null;
    this.root = null;
    this.scanner?.cancel();
    this.observer?.disconnect();
    this.shadowWatch?.stop();
    this.shadowWatch = null;
    this.painter?.clear();
    this.layer?.detach();
    this.hover.reset();
    this.host.hide();
    this.store.clear();
    this.scanner = null;
    this.observer = null;
    this.painter = null;
    this.layer = null;
    this.current = null;
    this.shownMention = null;
    this.shadowRoots = [];
    this.scanned = false;
    this.setDebug();
  }

  /** Tears down completely, host included (extension context gone). */
  destroy(): void {
    this.stop();
    if (this.debugTimer !== null) clearTimeout(this.debugTimer);
    this.host.destroy();
  }

  /** Applies new settings live: categories, dwell delay (the caller handles on/off). */
  applySettings(s: Settings): void {
    this.settings = s;
    this.layer?.setCategories(s.categories);
    if (this.shownMention && !s.categories[this.shownMention.category]) this.host.hide();
    this.setDebug();
  }

  /** Entities found on the page with counts, for the popup. */
  async summary(): Promise<PageEntity[]> {
    const by = this.store.byEntity();
    await this.cache.load(by.keys());
    const out: PageEntity[] = [];
    for (const [id, e] of by) {
      const card = this.cache.get(id);
      if (card) out.push({ id, name: card.name, category: e.category, count: e.count });
    }
    return out.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** Scrolls to the entity's first mention and opens its card with focus. */
  async reveal(entityId: string): Promise<boolean> {
    const first = this.store.byEntity().get(entityId)?.first;
    if (!first) return false;
    return this.goTo(first);
  }

  /** Moves to the next/previous mention (keyboard or command). */
  async navigate(dir: NavDirection, source: 'key' | 'command'): Promise<boolean> {
    const now = performance.now();
    if (source === 'command' && now - this.lastNav < NAV_DEDUPE_MS) return false;
    this.lastNav = now;
    const enabled = (m: PageMention) => this.settings.categories[m.category];
    const next = pickMention(this.store.inDocumentOrder(), this.current, dir, enabled);
    return next ? this.goTo(next) : false;
  }

  private async goTo(m: PageMention): Promise<boolean> {
    const rect = scrollToMention(this.doc, m);
    if (!rect) return false;
    this.current = m;
    this.layer?.setCurrent(m);
    return this.openCard(m, rect, 'keyboard');
  }

  private hitAt(x: number, y: number): Hit | null {
    if (!this.layer) return null;
    return hitTest(this.doc, x, y, this.store, (c) => this.settings.categories[c], this.shadowRoots);
  }

  /** The mention at a point the card covers: by geometry, since hit-testing sees the card. */
  private mentionBeneath(x: number, y: number): Hit | null {
    if (!this.painter) return null;
    // Only painted mentions (near the viewport) can be under the pointer.
    for (const m of this.painter.active()) {
      if (!this.settings.categories[m.category]) continue;
      const rect = rectAtPoint(m, x, y);
      if (rect) return { mention: m, rect };
    }
    return null;
  }

  /**
   * Shows the card for a mention. `dwellAt` (when the dwell timer fired) lets the benchmark
   * read the hover latency: the time to the first frame painted with the card.
   */
  private async openCard(m: PageMention, anchor: RectLike, by: OpenedBy, dwellAt?: number): Promise<boolean> {
    const focus = by === 'keyboard';
    if (by === 'hover' && this.host.pinned && this.host.shownEntity !== null) return false;
    const token = ++this.showToken;
    const entity = this.cache.get(m.entityId) ?? (await this.cache.ensure(m.entityId));
    if (!entity || token !== this.showToken || !this.session) return false;
    const missing = entity.related.filter((r) => !this.cache.get(r));
    const render = (focusNow: boolean) =>
      this.host.show({
        entity,
        related: this.cache.relatedNames(entity),
        anchor,
        focus: focusNow,
        onSaveNote: async (text) => void (await this.api.addNote(noteInput(this.doc, m, entity, text))),
      });
    render(focus);
    this.shownMention = m;
    this.hoverShown = by === 'hover';
    if (dwellAt !== undefined) {
      requestAnimationFrame(() =>
        this.host.setDebug({ 'card-latency': (performance.now() - dwellAt).toFixed(1), 'card-open': 1 }),
      );
    }
    // Related names arrive a moment later; the card re-renders in place (state kept).
    if (missing.length) {
      void this.cache.load(missing).then(() => {
        if (token === this.showToken && this.host.shownEntity === entity.id) this.guard(() => render(false));
      });
    }
    return true;
  }

  private hideHoverCard(): void {
    if (this.host.pinned || !this.hoverShown) return;
    this.showToken++;
    this.host.hide();
    this.host.setDebug({ 'card-open': 0 });
    this.shownMention = null;
  }

  private onCardClosed(): void {
    this.showToken++;
    this.host.setDebug({ 'card-open': 0 });
    this.shownMention = null;
    this.hoverShown = false;
    this.layer?.setCurrent(null);
    this.hover.reset();
  }

  /** (Re)registers the page listeners on a fresh AbortController. */
  private relisten(): void {
    this.listening?.abort();
    this.listening = new AbortController();
    this.root = this.doc.documentElement;
    this.listen(this.listening.signal);
  }

  /**
   * `document.write` after load (an implicit `document.open`) replaces the root element and
   * erases every listener on the window and the document, Gloss's included, and takes
   * Gloss's host with the old tree. The mutation observer survives (it watches the Document
   * node): on its next report, set everything up again.
   */
  private adoptNewDocument(): void {
    if (!this.session || this.doc.documentElement === this.root) return;
    this.hover.reset();
    this.host.hide();
    this.shownMention = null;
    this.relisten();
    this.host.attach();
    this.layer?.ensureAdopted();
    this.setDebug();
  }

  /** When the page shows again, picks up a knowledge base changed meanwhile. */
  private async onVisible(): Promise<void> {
    if (this.doc.visibilityState !== 'visible' || !this.session || this.checkingKb || !this.api.kbChanged) return;
    this.checkingKb = true;
    try {
      if (!(await this.api.kbChanged()) || !this.session) return;
      this.stop();
      await this.start();
    } finally {
      this.checkingKb = false;
    }
  }

  private listen(signal: AbortSignal): void {
    const win = this.doc.defaultView;
    if (!win) return;
    this.doc.addEventListener(
      'visibilitychange',
      () => void this.onVisible().catch((err: unknown) => console.debug('[gloss]', err)),
      { signal },
    );
    const opts = { signal, passive: true, capture: true };
    win.addEventListener(
      'pointermove',
      (e) =>
        this.guard(() => {
          if (e.pointerType === 'touch') return;
          this.warmUpSoon();
          this.hover.move(e.clientX, e.clientY, performance.now(), this.host.contains(e));
        }),
      opts,
    );
    // Only the page's own leave counts: capture also sees the card's children leaving.
    const root = this.doc.documentElement;
    // A finger lifted also "leaves" the page: that is no reason to close its card.
    root.addEventListener(
      'pointerleave',
      (e) => this.guard(() => e.target === root && e.pointerType !== 'touch' && this.hover.leave()),
      { signal, passive: true },
    );
    win.addEventListener(
      'pointerdown',
      (e) =>
        this.guard(() => {
          if (e.pointerType === 'touch') this.taps.press(e, e.timeStamp);
          this.warmUpSoon();
          this.hover.press();
        }),
      opts,
    );
    win.addEventListener(
      'pointerup',
      (e) => this.guard(() => e.pointerType === 'touch' && this.taps.release(e, e.timeStamp) && this.onTap(e)),
      opts,
    );
    win.addEventListener('pointercancel', (e) => this.guard(() => e.pointerType === 'touch' && this.taps.cancel(e)), opts);
    win.addEventListener('keydown', (e) => this.guard(() => this.onKey(e)), { signal, capture: true });
    win.addEventListener('scroll', () => this.guard(() => this.onViewportChange()), opts);
    win.addEventListener('resize', () => this.guard(() => this.onViewportChange()), opts);
    signal.addEventListener('abort', () => {
      if (this.recheckTimer !== null) clearTimeout(this.recheckTimer);
      this.recheckTimer = null;
    });
  }

  /**
   * A tap (see touch.ts): on a mention in prose, its card at once; anywhere else, the open
   * card closes. Taps on the card are the card's; a note being written survives stray taps.
   */
  private onTap(e: PointerEvent): void {
    if (this.host.contains(e) || this.host.editingNote) return;
    this.tapAt(e.clientX, e.clientY, true);
  }

  private tapAt(x: number, y: number, discover: boolean): void {
    const hit = this.hitAt(x, y);
    const found = !hit && discover ? this.discoverAt(x, y) : null;
    if (found) {
      void found.then(() => this.guard(() => this.tapAt(x, y, false)));
      return;
    }
    const first = hit?.mention.nodes[0];
    const target = hit && first && !insideInteractive(first) ? hit : null;
    if (target && target.mention === this.shownMention && this.host.shownEntity !== null) return;
    this.hover.reset();
    if (this.host.shownEntity !== null) this.host.close();
    if (target) void this.openCard(target.mention, target.rect, 'tap', performance.now());
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.host.shownEntity !== null && !this.host.pinned) {
      this.host.hide();
      this.onCardClosed();
      return;
    }
    const dir = navKey(e);
    if (!dir || isEditableTarget(e.composedPath()[0] ?? e.target)) return;
    e.preventDefault();
    void this.navigate(dir, 'key');
  }

  private onViewportChange(): void {
    // Once scrolling stops, check which long stretches of text span the viewport.
    if (this.recheckTimer !== null) clearTimeout(this.recheckTimer);
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = null;
      this.guard(() => this.painter?.recheck());
    }, RECHECK_AFTER_SCROLL_MS);
    // A hover card is tied to where the word was; a keyboard card follows the word.
    const m = this.shownMention;
    if (this.host.shownEntity === null || !m) return;
    if (this.hoverShown && !this.host.pinned) {
      // A pending dwell stays: it hit-tests again when it fires.
      this.hideHoverCard();
      return;
    }
    if (this.repositionQueued) return;
    this.repositionQueued = true;
    requestAnimationFrame(() => {
      this.repositionQueued = false;
      this.guard(() => {
        const r = liveRange(m)?.getClientRects()[0];
        if (r && this.shownMention === m) this.host.place(r);
      });
    });
  }

  private adoptShadowRoot(sr: ShadowRoot): void {
    if (this.shadowRoots.includes(sr)) return;
    this.shadowRoots.push(sr);
    this.layer?.adoptInto(sr);
    this.observer?.observe(sr);
    this.shadowWatch?.watch(sr);
  }

  /**
   * Adopts and scans an open shadow root that appeared after its host was scanned. In turn
   * with the other scans: one still running may reach the host and adopt the root itself.
   */
  private pickUpShadowRoot(sr: ShadowRoot): Promise<void> {
    return this.rescan([sr], sr);
  }

  /**
   * Hover's hit test. Where it finds nothing, an open shadow root Gloss has not seen (attached
   * after the scan) may be under the pointer: adopt and scan it, then look again.
   */
  private hoverHit(x: number, y: number): Hit | null {
    const hit = this.hitAt(x, y);
    if (!hit) void this.discoverAt(x, y)?.then(() => this.guard(() => this.hover.again(performance.now())));
    return hit;
  }

  /** Picks up an unknown open shadow root under the point; null if there is none. */
  private discoverAt(x: number, y: number): Promise<void> | null {
    if (!this.scanned) return null;
    const sr = unknownShadowRootAt(this.doc, x, y, this.shadowRoots);
    return sr ? this.pickUpShadowRoot(sr) : null;
  }

  /**
   * Rescans changed subtrees, one batch after the other (never two interleaved). With
   * `adopting`, the one root is a newly found shadow root, adopted first unless known by then.
   */
  private rescan(roots: Node[], adopting?: ShadowRoot): Promise<void> {
    this.rescanChain = this.rescanChain
      .then(async () => {
        if (adopting) {
          if (!this.session || this.shadowRoots.includes(adopting) || !adopting.host.isConnected) return;
          if (hostSkipped(adopting)) return;
          this.adoptShadowRoot(adopting);
        }
        this.adoptNewDocument();
        this.layer?.ensureAdopted();
        if (this.current && !this.current.nodes.every((n) => n.isConnected)) this.current = null;
        await this.scanner?.rescan(roots);
        this.painter?.seal();
        // Undefined custom elements in the new content, and a check on those already waiting.
        for (const r of roots) this.shadowWatch?.watch(r);
      })
      .catch((err: unknown) => console.debug('[gloss]', err));
    return this.rescanChain;
  }

  private changed(): void {
    // During the first scan the counters would only change on their way to the end result,
    // each write one more frame to render (with every highlight re-validated): `start()`
    // writes them once when the scan is done.
    if (!this.scanned) return;
    if (this.debugTimer !== null) return;
    this.debugTimer = setTimeout(() => {
      this.debugTimer = null;
      this.guard(() => {
        this.setDebug();
        // Names found after the reader started pointing get their cards fetched as they come.
        if (this.warmed) void this.cache.load(this.store.entityIds());
      });
    }, DEBUG_EVERY_MS);
  }

  private setDebug(): void {
    const counts = debugCounts(this.store.categoryCounts(), this.store.size, this.layer?.activeCounts());
    this.host.setDebug({ ...counts, enabled: this.running ? 1 : 0, scanned: this.scanned ? 1 : 0 });
  }

  /** Runs page-facing work so that no error of ours ever reaches the page. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      console.debug('[gloss]', err);
    }
  }
}
