/**
 * The card's renderer (Preact and the card components, ~35% of the content script's code)
 * lives in its own file, `card-view.js`, which the background injects into a page's isolated
 * world the first time a reader there moves the pointer, touches or uses the keyboard
 * command: most pages are read without a card, and none should pay to parse it. It is not a
 * web-accessible resource, so pages cannot probe for it. The injected script hands its
 * renderer over through the isolated world's global (pages cannot see that either).
 */
import type { CardProps } from '@/components/Card';

export type { CardProps };

/** What the injected file provides. */
export interface CardView {
  /** The card's and note editor's styles, for the shadow root. */
  readonly css: string;
  /** Renders a card into `mount`, or clears it with `null`. */
  render(props: CardProps | null, mount: Element): void;
}

const VIEW_KEY = Symbol.for('gloss.card-view');

type ViewHolder = { [VIEW_KEY]?: CardView };

/** Called by the injected file. */
export function registerCardView(view: CardView, global: object = globalThis): void {
  (global as ViewHolder)[VIEW_KEY] = view;
}

/** The renderer, if this world has it already. */
export function registeredCardView(global: object = globalThis): CardView | null {
  return (global as ViewHolder)[VIEW_KEY] ?? null;
}

/**
 * The renderer, asking for it first if this world has none (`inject`: the background injects
 * `card-view.js` into this frame). Callers share one request (CardHost.loadView).
 */
export async function fetchCardView(inject: () => Promise<unknown>, global: object = globalThis): Promise<CardView> {
  const ready = registeredCardView(global);
  if (ready) return ready;
  await inject();
  const view = registeredCardView(global);
  if (!view) throw new Error('card view did not register');
  return view;
}
