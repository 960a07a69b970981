import { createSlicer, yieldToMain } from './slicer';

describe('slicer', () => {
  it('yields through a macrotask, not scheduler.yield (which runs ahead of page timers)', async () => {
    const g = globalThis as { scheduler?: unknown };
    const saved = g.scheduler;
    const schedYield = vi.fn(() => Promise.resolve());
    g.scheduler = { yield: schedYield };
    try {
      let microtaskRan = false;
      void Promise.resolve().then(() => (microtaskRan = true));
      await yieldToMain();
      expect(microtaskRan).toBe(true);
      expect(schedYield).not.toHaveBeenCalled();
    } finally {
      g.scheduler = saved;
    }
  });

  it('asks to yield once its budget is used and starts a new slice after yielding', async () => {
    let now = 0;
    const slicer = createSlicer(8, () => now);
    expect(slicer.shouldYield()).toBe(false);
    now = 7.9;
    expect(slicer.shouldYield()).toBe(false);
    now = 8;
    expect(slicer.shouldYield()).toBe(true);
    await slicer.yield();
    expect(slicer.shouldYield()).toBe(false);
  });
});
