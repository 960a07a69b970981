/**
 * How long this copy of the content script may run: until the extension context goes away
 * (the extension is updated, reloaded or removed; `browser.runtime.id` is then undefined) or a
 * newer copy starts in the same isolated world. Replaces WXT's ContentScriptContext, which
 * announced every start to the page itself (a `postMessage` and a DOM event).
 */

/** The previous copy's stop function, kept on the isolated world's global (pages cannot see it). */
const STOP_KEY = Symbol.for('gloss.content.stop');

export interface Lifetime {
  /** True once the context is gone; reading it checks the extension context again. */
  readonly isInvalid: boolean;
  /** Runs `cb` once when the context goes away; returns an unsubscribe function. */
  onInvalidated(cb: () => void): () => void;
  /** Ends this copy now (callbacks run once, in order). */
  invalidate(): void;
}

type StopHolder = { [STOP_KEY]?: () => void };

/**
 * Starts a lifetime and stops any older copy in the same world. `alive` tells whether the
 * extension context still exists (default: `browser.runtime.id` is set).
 */
export function createLifetime(
  global: object = globalThis,
  alive: () => boolean = () => typeof browser !== 'undefined' && browser.runtime?.id != null,
): Lifetime {
  const callbacks = new Set<() => void>();
  let invalid = false;
  const invalidate = () => {
    if (invalid) return;
    invalid = true;
    const holder = global as StopHolder;
    if (holder[STOP_KEY] === invalidate) delete holder[STOP_KEY];
    for (const cb of [...callbacks]) {
      try {
        cb();
      } catch (err) {
        console.debug('[gloss] clean-up failed', err);
      }
    }
    callbacks.clear();
  };
  const holder = global as StopHolder;
  holder[STOP_KEY]?.();
  holder[STOP_KEY] = invalidate;
  return {
    get isInvalid() {
      if (!invalid && !alive()) invalidate();
      return invalid;
    },
    onInvalidated(cb) {
      if (invalid) {
        cb();
        return () => {};
      }
      callbacks.add(cb);
      return () => callbacks.delete(cb);
    },
    invalidate,
  };
}

/** Whether an error is the browser saying the extension context is gone. */
export function isContextGone(err: unknown): boolean {
  return err instanceof Error && /context invalidated/i.test(err.message);
}
