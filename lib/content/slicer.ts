/**
 * Cooperative time slicing: long jobs (walking the DOM, recognizing, registering ranges)
 * check `shouldYield()` between small units of work and `await yield()` when their slice is
 * used up, so no single task blocks the page for more than ~10 ms.
 */

export interface Slicer {
  /** True once the current slice has used its budget. */
  shouldYield(): boolean;
  /** Gives the main thread back and starts a new slice. */
  yield(): Promise<void>;
}

/**
 * Resolves on a later macrotask. Not `scheduler.yield`: its continuations are queued ahead
 * of the page's own timers and input, so a long chain of slices held a page's 20 ms
 * heartbeat for a whole second. A MessageChannel message (no 4 ms clamp, unlike nested
 * setTimeouts) queues behind what the page already has waiting.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const port = channel();
    if (!port) {
      setTimeout(resolve, 0);
      return;
    }
    waiting.push(resolve);
    port.postMessage(0);
  });
}

/** One channel for all yields (a MessageChannel per yield cost ~0.3 ms each). */
let sender: MessagePort | null = null;
const waiting: (() => void)[] = [];

function channel(): MessagePort | null {
  if (sender || typeof MessageChannel !== 'function') return sender;
  const ch = new MessageChannel();
  ch.port1.onmessage = () => waiting.shift()?.();
  sender = ch.port2;
  return sender;
}

/**
 * A slicer with a budget in ms per slice: 5 by default, so a task with a minor GC in it (often
 * 5-8 ms on a long page) still stays near the 10 ms target; 8 ms slices reached 16-18 ms.
 */
export function createSlicer(budgetMs = 5, now: () => number = () => performance.now()): Slicer {
  let sliceStart = now();
  return {
    shouldYield: () => now() - sliceStart >= budgetMs,
    async yield() {
      await yieldToMain();
      sliceStart = now();
    },
  };
}

/** Waits for an idle period (or `timeout` ms at most) where the browser offers one. */
export function whenIdle(timeout = 200): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 1);
  });
}
