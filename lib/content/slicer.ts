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

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Resolves on the next macrotask, preferring `scheduler.yield` (keeps our priority). */
export function yieldToMain(): Promise<void> {
  const sched = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (sched && typeof sched.yield === 'function') return sched.yield();
  return new Promise((resolve) => {
    // MessageChannel avoids the 4 ms clamp nested setTimeouts get.
    if (typeof MessageChannel === 'function') {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(0);
    } else setTimeout(resolve, 0);
  });
}

/** A slicer with a budget in ms per slice (default 8, under the 10 ms task target). */
export function createSlicer(budgetMs = 8, now: () => number = () => performance.now()): Slicer {
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
