// @vitest-environment happy-dom
import type { Entity } from '@/lib/kb/schema';
import { CardHost } from './card-host';
import { cardRenderer } from './card-render';
import { registerCardView, type CardView } from './card-view';

/** Forgets the renderer this world registered, as in a page before its first card. */
function unregisterCardView(): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('gloss.card-view')];
}

const kursk: Entity = {
  id: 'Q4258',
  category: 'place',
  name: 'Kursk Oblast',
  description: 'Region of Russia',
  summary: '',
  facts: [],
  aliases: [{ text: 'Kursk Oblast', lang: 'en', case: 'exact', kind: 'name' }],
  related: [],
  sources: [],
  priority: 0,
};

const anchor = { left: 100, top: 100, right: 160, bottom: 120 };

describe('CardHost', () => {
  beforeEach(() => registerCardView(cardRenderer));
  afterEach(unregisterCardView);

  it('adds one host with an open shadow root outside body, and only touches that host', () => {
    document.body.innerHTML = '<p>page</p>';
    const before = document.body.outerHTML;
    const closed = vi.fn();
    const host = new CardHost(document, closed);
    expect(document.documentElement.lastElementChild).toBe(host.host);
    expect(host.host.shadowRoot).not.toBeNull();
    host.setDebug({ mentions: 3 });
    expect(host.host.getAttribute('data-gloss-mentions')).toBe('3');
    expect(document.body.outerHTML).toBe(before);
    host.destroy();
    expect(host.host.isConnected).toBe(false);
  });

  it('leaves its shadow root empty until the first card, then keeps one mount for all cards', () => {
    const host = new CardHost(document, () => undefined);
    const root = host.host.shadowRoot!;
    expect(root.childNodes.length).toBe(0);
    host.show({ entity: kursk, related: [], anchor, focus: false, onSaveNote: async () => undefined });
    expect(root.childNodes.length).toBe(1);
    host.hide();
    host.show({ entity: kursk, related: [], anchor, focus: false, onSaveNote: async () => undefined });
    expect(root.childNodes.length).toBe(1);
    expect(root.querySelectorAll('[role="dialog"]').length).toBe(1);
    host.destroy();
  });

  it('shows a dialog named for the entity, moves focus in from the keyboard and gives it back on close', () => {
    document.body.innerHTML = '<button id="b">page button</button>';
    const button = document.getElementById('b') as HTMLButtonElement;
    button.focus();
    const closed = vi.fn();
    const host = new CardHost(document, closed);
    host.show({ entity: kursk, related: [], anchor, focus: true, onSaveNote: async () => undefined });
    const dialog = host.host.shadowRoot!.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.getAttribute('aria-label')).toBe('Kursk Oblast');
    expect(host.shownEntity).toBe('Q4258');
    expect(host.host.shadowRoot!.activeElement).toBe(dialog);
    expect(host.pinned).toBe(true);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host.shownEntity).toBeNull();
    expect(host.host.shadowRoot!.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(closed).toHaveBeenCalledTimes(1);
    host.destroy();
  });

  it('shows a hover card without taking focus, and hides it quietly', () => {
    const host = new CardHost(document, () => undefined);
    host.show({ entity: kursk, related: [], anchor, focus: false, onSaveNote: async () => undefined });
    expect(host.pinned).toBe(false);
    expect(host.host.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull();
    host.hide();
    expect(host.shownEntity).toBeNull();
    host.destroy();
  });
});

describe('CardHost before the card renderer is loaded', () => {
  beforeEach(unregisterCardView);
  const opts = (focus: boolean) => ({ entity: kursk, related: [], anchor, focus, onSaveNote: async () => undefined });
  const dialogOf = (host: CardHost) => host.host.shadowRoot!.querySelector('[role="dialog"]');

  it('asks for the renderer once, and shows a card asked for meanwhile when it arrives', async () => {
    let arrive!: (v: CardView) => void;
    const fetchView = vi.fn(() => new Promise<CardView>((ok) => (arrive = ok)));
    const host = new CardHost(document, () => undefined, fetchView);
    host.show(opts(true));
    expect(host.shownEntity).toBe('Q4258');
    expect(dialogOf(host)).toBeNull();
    arrive(cardRenderer);
    await vi.waitFor(() => expect(dialogOf(host)).not.toBeNull());
    expect(host.host.shadowRoot!.activeElement).toBe(dialogOf(host));
    host.hide();
    host.show(opts(false));
    expect(dialogOf(host)).not.toBeNull();
    expect(fetchView).toHaveBeenCalledTimes(1);
    host.destroy();
  });

  it('shows nothing when the card was hidden before the renderer arrived', async () => {
    let arrive!: (v: CardView) => void;
    const host = new CardHost(document, () => undefined, () => new Promise<CardView>((ok) => (arrive = ok)));
    host.show(opts(false));
    host.hide();
    arrive(cardRenderer);
    await host.loadView();
    expect(dialogOf(host)).toBeNull();
    expect(host.shownEntity).toBeNull();
    host.destroy();
  });

  it('stays quiet when the renderer cannot be loaded, and the warm-up does nothing', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const host = new CardHost(document, () => undefined, () => Promise.reject(new Error('refused')));
    host.prewarm();
    expect(host.host.shadowRoot!.childNodes.length).toBe(0);
    host.show(opts(false));
    await vi.waitFor(() => expect(host.shownEntity).toBeNull());
    expect(dialogOf(host)).toBeNull();
    await expect(host.loadView()).rejects.toThrow('refused');
    debug.mockRestore();
    host.destroy();
  });
});
