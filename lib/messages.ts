/**
 * The one message protocol between Gloss's pages, content scripts and background:
 * `{ type: [request, response] }`. `send` is typed by it, and `registerHandlers` makes a
 * missing handler a compile error. Messages that are not Gloss's are ignored.
 */
export interface Protocol {
  ping: [Record<string, never>, { ok: true; version: string }];
}

export type MessageType = keyof Protocol;
export type Req<T extends MessageType> = Protocol[T][0];
export type Res<T extends MessageType> = Protocol[T][1];

export interface Envelope<T extends MessageType = MessageType> {
  gloss: 1;
  type: T;
  payload: Req<T>;
}

export type Handlers = {
  [T in MessageType]: (payload: Req<T>, sender: Browser.runtime.MessageSender) => Promise<Res<T>>;
};

export function isEnvelope(msg: unknown): msg is Envelope {
  return (
    typeof msg === 'object' &&
    msg !== null &&
    (msg as { gloss?: unknown }).gloss === 1 &&
    typeof (msg as { type?: unknown }).type === 'string' &&
    typeof (msg as { payload?: unknown }).payload === 'object' &&
    (msg as { payload?: unknown }).payload !== null
  );
}

/** Sends a typed request to the background and resolves with its typed response. */
export async function send<T extends MessageType>(type: T, payload: Req<T>): Promise<Res<T>> {
  const envelope: Envelope<T> = { gloss: 1, type, payload };
  const res = (await browser.runtime.sendMessage(envelope)) as { ok: true; value: Res<T> } | { ok: false; error: string } | undefined;
  if (!res) throw new Error(`Gloss: no answer to ${type}`);
  if (!res.ok) throw new Error(res.error);
  return res.value;
}

/** Registers the background's handlers; returns a function that removes the listener. */
export function registerHandlers(handlers: Handlers): () => void {
  const listener = (msg: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(msg)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    if (!Object.prototype.hasOwnProperty.call(handlers, msg.type)) return undefined;
    const handler = handlers[msg.type] as (p: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
    return handler(msg.payload, sender).then(
      (value) => ({ ok: true, value }),
      (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
