/**
 * The message protocols of Gloss. Each is one map `{ type: [request, response] }`:
 * - `Protocol`: pages and content scripts -> background (`send`, `registerHandlers`).
 * - `TabProtocol`: popup -> the content script of a tab (`sendToTab`, `registerTabHandlers`).
 * The handler maps are mapped types, so a missing handler is a compile error. Incoming
 * messages are checked at runtime; anything not ours, or not from our extension, is ignored.
 */
import type { Category, Entity } from '@/lib/kb/schema';
import type { Note, NoteInput } from '@/lib/notes/types';

export interface Protocol {
  ping: [Record<string, never>, { ok: true; version: string }];
  /**
   * Recognizes page text in the background, in one page session (`session`, chosen by the
   * page; coreference carries across the batches of a session). `texts` are fed in order;
   * `reset` starts the session over. `version` is the knowledge base's: a page compares it to
   * notice a KB change (an empty `texts` asks for just that).
   */
  recognize: [RecognizeRequest, RecognizeAnswer];
  /** Card data for entity ids (unknown ids are left out). */
  getCards: [{ ids: string[] }, { cards: Entity[] }];
  addNote: [NoteInput, Note];
  /**
   * Injects the card renderer (`card-view.js`) into the sending frame's content-script world,
   * on first use (lib/content/card-view.ts). `ok` is false where the browser refuses.
   */
  loadCardView: [Record<string, never>, { ok: boolean }];
}

export interface RecognizeRequest {
  session: string;
  reset?: boolean;
  texts: string[];
}

/**
 * Mentions found in a `recognize` batch, compact because Chrome JSON-encodes messages:
 * `mentions[i]` is a flat list of `[start, end, entity, via]` quadruples for `texts[i]`
 * (UTF-16 offsets into that text; `entity` indexes `entities`; `via` 0 direct, 1 coref).
 */
export interface RecognizeAnswer {
  version: string;
  entities: { id: string; category: Category }[];
  mentions: number[][];
}

export interface PageEntity {
  id: string;
  name: string;
  category: Category;
  count: number;
}

export interface TabProtocol {
  /**
   * What Gloss found on the page. `host` is the page's hostname (the popup needs it for the
   * "this site" switch without asking for the `tabs` permission).
   */
  pageSummary: [Record<string, never>, { entities: PageEntity[]; enabled: boolean; host: string }];
  /** Scroll to the entity's first mention and open its card. */
  reveal: [{ entityId: string }, { ok: boolean }];
  /** The keyboard commands (next-mention / previous-mention), forwarded by the background. */
  navigate: [{ direction: 'next' | 'previous' }, { ok: boolean }];
}

type Reply<R> = { ok: true; value: R } | { ok: false; error: string };

export type Req<T extends keyof Protocol> = Protocol[T][0];
export type Res<T extends keyof Protocol> = Protocol[T][1];

export type HandlerMap<P extends { [K in keyof P]: [unknown, unknown] }> = {

  [T in keyof P]: (payload: P[T][0], sender: Browser.runtime.MessageSender) => Promise<P[T][1]>;
};
export type Handlers = HandlerMap<Protocol>;

interface Envelope {
  gloss: 1;
  type: string;
  payload: object;
}

/** True for a well-formed Gloss envelope; everything else is not ours. */
export function isEnvelope(msg: unknown): msg is Envelope {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as Partial<Envelope>;
  return m.gloss === 1 && typeof m.type === 'string' && typeof m.payload === 'object' && m.payload !== null;
}

function unwrap<R>(type: string, res: Reply<R> | undefined): R {
  if (!res || typeof res !== 'object') throw new Error(`Gloss: no answer to ${type}`);
  if (!res.ok) throw new Error(res.error);
  return res.value;
}

/** Sends a typed request to the background and resolves with its typed response. */
export async function send<T extends keyof Protocol>(type: T, payload: Protocol[T][0]): Promise<Protocol[T][1]> {
  const res = (await browser.runtime.sendMessage({ gloss: 1, type, payload })) as Reply<Protocol[T][1]> | undefined;
  return unwrap(type, res);
}

/**
 * Sends a typed request to the content script of a tab's top frame (frame 0): Gloss also runs
 * in frames, and without a frame id whichever frame answers first would win.
 */
export async function sendToTab<T extends keyof TabProtocol>(
  tabId: number,
  type: T,
  payload: TabProtocol[T][0],
): Promise<TabProtocol[T][1]> {
  const msg = { gloss: 1, type, payload };
  const res = (await browser.tabs.sendMessage(tabId, msg, { frameId: 0 })) as Reply<TabProtocol[T][1]> | undefined;
  return unwrap(type, res);
}

function listen(handlers: object) {
  const listener = (msg: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(msg)) return undefined;
    // onMessage only carries our own extension's messages; the id check is a second guard.
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    if (!Object.prototype.hasOwnProperty.call(handlers, msg.type)) return undefined;
    const handler = (handlers as Record<string, unknown>)[msg.type] as (p: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
    return Promise.resolve()
      .then(() => handler(msg.payload, sender))
      .then(
        (value) => ({ ok: true, value }),
        (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Registers the background's handlers; returns a function that removes the listener. */
export function registerHandlers(handlers: Handlers): () => void {
  return listen(handlers);
}

/** Registers a content script's handlers for the popup's requests. */
export function registerTabHandlers(handlers: HandlerMap<TabProtocol>): () => void {
  return listen(handlers);
}
