/**
 * Gloss's one node in the page: a `<gloss-root>` host with an open shadow root holding the
 * card. Page CSS cannot reach inside; styles come from a constructed stylesheet, so a CSP
 * without 'unsafe-inline' does not block them. Also carries the debug data attributes
 * (mention counts) tests read, so no page element is ever touched. The card's renderer is
 * loaded on first use (card-view.ts); until it is there, a card to show waits for it.
 */
import type { Entity } from '@/lib/kb/schema';
import type { ColorScheme } from '@/lib/categories';
import { send } from '@/lib/messages';
import { HOST_ATTR } from './blocks';
import { fetchCardView, registeredCardView, type CardView } from './card-view';
import { cardWidth, placeCard, type RectLike } from './placement';

export interface ShowOptions {
  entity: Entity;
  related: string[];
  anchor: RectLike;
  /** Move focus into the card (keyboard); hover leaves focus where it is. */
  focus: boolean;
  onSaveNote: (text: string) => Promise<void>;
}

const HOST_STYLE: Record<string, string> = {
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  display: 'block',
  // A layout boundary: laying out the card then never walks into the page's own layout
  // (45 ms a card on the 800 KB bench page without it). The host is 0x0 and does not clip.
  contain: 'size layout style',
};

/** What the warm-up card shows (nobody sees it): one of each part a card can have. */
const WARM_UP_ENTITY: Entity = {
  id: 'gloss:warm-up',
  category: 'person',
  name: 'Warm-up',
  description: 'A card rendered once, hidden',
  summary: 'Rendered hidden before the first hover.',
  // No "as of" date: the first date loads ICU data (30-80 ms here), a long task of its own.
  facts: [{ label: 'Role', value: 'None' }],
  aliases: [{ text: 'Warm-up', lang: 'en', case: 'exact', kind: 'name' }],
  related: [],
  sources: [{ title: 'None', url: 'https://example.org/' }],
  priority: 0,
};

export class CardHost {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  /** Made with the card's stylesheet on first use: a page never hovered never parses it. */
  private mountEl: HTMLDivElement | null = null;
  private entityId: string | null = null;
  private editing = false;
  private returnFocus: Element | null = null;
  private warming = false;
  private view: CardView | null = null;
  private loading: Promise<void> | null = null;
  /** A card asked for before the renderer arrived: shown when it does, unless hidden first. */
  private waiting: ShowOptions | null = null;

  constructor(
    private readonly doc: Document,
    private readonly onClosed: () => void,
    private readonly fetchView: () => Promise<CardView> = fetchInjectedView,
  ) {
    this.host = doc.createElement('gloss-root');
    this.host.setAttribute(HOST_ATTR, '');
    for (const [k, v] of Object.entries(HOST_STYLE)) this.host.style.setProperty(k, v, 'important');
    this.root = this.host.attachShadow({ mode: 'open' });
    this.attach();
  }

  /**
   * The card's mount point, with the card styles adopted, made on the first card (or the
   * warm-up): parsing the card CSS was about a quarter of the content script's start-up task
   * in a CPU profile of the seed article, paid on every page load.
   */
  private mount(view: CardView): HTMLDivElement {
    if (this.mountEl) return this.mountEl;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(view.css);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      /* without constructable sheets the card is unstyled but still usable */
    }
    const mount = this.doc.createElement('div');
    mount.style.setProperty('position', 'fixed');
    this.root.append(mount);
    this.mountEl = mount;
    return mount;
  }

  /** (Re)inserts the host, e.g. after a page script removed it. */
  attach(): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
  }

  /** Whether a card is showing, and for which entity. */
  get shownEntity(): string | null {
    return this.entityId;
  }

  /** True while the reader works in the card (focus inside or note editor open). */
  get pinned(): boolean {
    return this.editing || this.root.activeElement !== null;
  }

  /** True while the note editor is open (a stray tap must not throw the note away). */
  get editingNote(): boolean {
    return this.editing;
  }

  /** Whether an event happened over the card. */
  contains(e: Event): boolean {
    return e.composedPath().includes(this.host);
  }

  /** The card renderer, if it is loaded (another copy in this world may have loaded it). */
  private loaded(): CardView | null {
    this.view ??= registeredCardView();
    return this.view;
  }

  /**
   * Loads the card renderer (the warm-up calls this on the reader's first pointer move, well
   * before a dwell can end). Rejects if it cannot be loaded; a later card retries.
   */
  loadView(): Promise<void> {
    if (this.loaded()) return Promise.resolve();
    this.loading ??= this.fetchView().then(
      (view) => {
        this.view = view;
      },
      (err: unknown) => {
        this.loading = null;
        throw err;
      },
    );
    return this.loading;
  }

  /**
   * Renders the card for an entity next to `anchor` (viewport coordinates). Without the
   * renderer yet (a keyboard command before any pointer move), the card shows once it loads.
   */
  show(opts: ShowOptions): void {
    const view = this.loaded();
    if (!view) {
      this.entityId = opts.entity.id;
      this.waiting = opts;
      this.loadView().then(
        () => {
          if (this.waiting !== opts) return;
          this.waiting = null;
          this.entityId = null;
          this.show(opts);
        },
        (err: unknown) => {
          if (this.waiting === opts) this.hide();
          console.debug('[gloss] no card renderer', err);
        },
      );
      return;
    }
    this.waiting = null;
    this.attach();
    this.warming = false;
    // Read the viewport while layout is still clean: after the render it would force one.
    const viewport = this.viewport();
    if (opts.focus && !this.root.activeElement) this.returnFocus = this.doc.activeElement;
    if (this.entityId !== opts.entity.id) this.editing = false;
    this.entityId = opts.entity.id;
    const mount = this.mount(view);
    const style = mount.style;
    style.setProperty('visibility', 'hidden');
    style.setProperty('left', '0px');
    style.setProperty('top', '0px');
    view.render(
      {
        entity: opts.entity,
        related: opts.related,
        scheme: this.scheme(),
        onClose: () => this.close(),
        onSaveNote: opts.onSaveNote,
        onEditingChange: (e) => {
          this.editing = e;
        },
      },
      mount,
    );
    this.place(opts.anchor, viewport);
    style.removeProperty('visibility');
    const card = mount.firstElementChild as HTMLElement | null;
    if (opts.focus) card?.focus({ preventScroll: true });
  }

  /** The viewport size without the page's scrollbars. */
  private viewport(): { vw: number; vh: number } {
    const root = this.doc.documentElement;
    const win = this.doc.defaultView;
    return { vw: root.clientWidth || win?.innerWidth || 1024, vh: root.clientHeight || win?.innerHeight || 768 };
  }

  /**
   * Renders a card where nobody sees it (hidden, off-screen), so the first hover does not
   * pay for cold code, the card's first style resolution and its system fonts (the first
   * card took ~50 ms on the long bench page, later ones ~10). No forced layout here: the
   * next frame lays it out with whatever the page has pending. `endPrewarm` removes it.
   */
  prewarm(entity: Entity = WARM_UP_ENTITY): void {
    const view = this.loaded();
    if (this.entityId !== null || !view) return;
    this.warming = true;
    const mount = this.mount(view);
    mount.style.setProperty('visibility', 'hidden');
    mount.style.setProperty('left', '-10000px');
    view.render({ entity, related: [], scheme: this.scheme(), onClose: () => undefined, onSaveNote: async () => undefined }, mount);
  }

  /** Removes the warm-up card, unless a real card replaced it meanwhile. */
  endPrewarm(): void {
    if (!this.warming) return;
    this.warming = false;
    if (this.entityId === null && this.mountEl) this.view?.render(null, this.mountEl);
    this.mountEl?.style.removeProperty('visibility');
  }

  /** Positions the shown card next to `anchor` (viewport coordinates). */
  place(anchor: RectLike, view = this.viewport()): void {
    const mount = this.mountEl;
    const card = mount?.firstElementChild as HTMLElement | null | undefined;
    if (!mount || !card) return;
    const style = mount.style;
    const { vw, vh } = view;
    card.style.removeProperty('max-height');
    card.style.setProperty('width', `${cardWidth(vw)}px`);
    const p = placeCard(anchor, card.offsetHeight, vw, vh);
    card.style.setProperty('max-height', `${p.maxHeight}px`);
    style.setProperty('left', `${p.left}px`);
    style.setProperty('top', `${p.top}px`);
  }

  /** The system colour scheme, which the card follows (its CSS does the same). */
  private scheme(): ColorScheme {
    return this.doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /** Closes the card; focus goes back where it was when the keyboard opened it. */
  close(): void {
    if (this.entityId === null) return;
    const hadFocus = this.root.activeElement !== null;
    this.hide();
    if (hadFocus) {
      const back = this.returnFocus as HTMLElement | null;
      if (back && back.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
      else (this.doc.activeElement as HTMLElement | null)?.blur?.();
    }
    this.returnFocus = null;
    this.onClosed();
  }

  /** Removes the card without moving focus (hover ended). */
  hide(): void {
    if (this.entityId === null) return;
    this.entityId = null;
    this.editing = false;
    this.waiting = null;
    if (this.mountEl) this.view?.render(null, this.mountEl);
  }

  /** Debug/test hook: data attributes on Gloss's own host, never on page elements. */
  setDebug(attrs: Record<string, string | number>): void {
    for (const [k, v] of Object.entries(attrs)) {
      const name = `data-gloss-${k}`;
      const value = String(v);
      // Unchanged values are not written: each write is a style invalidation on the page.
      if (this.host.getAttribute(name) !== value) this.host.setAttribute(name, value);
    }
  }

  destroy(): void {
    if (this.mountEl) this.view?.render(null, this.mountEl);
    this.waiting = null;
    this.entityId = null;
    this.host.remove();
  }
}

/** Asks the background to inject the renderer into this frame (see card-view.ts). */
function fetchInjectedView(): Promise<CardView> {
  return fetchCardView(async () => {
    const { ok } = await send('loadCardView', {});
    if (!ok) throw new Error('the card renderer could not be injected');
  });
}
