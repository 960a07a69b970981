import { createLifetime, isContextGone } from './lifetime';

describe('createLifetime', () => {
  it('runs the clean-ups once, in order, when the extension context goes away', () => {
    let alive = true;
    const life = createLifetime({}, () => alive);
    const calls: string[] = [];
    life.onInvalidated(() => calls.push('a'));
    life.onInvalidated(() => calls.push('b'));
    expect(life.isInvalid).toBe(false);
    alive = false;
    expect(life.isInvalid).toBe(true);
    expect(life.isInvalid).toBe(true);
    expect(calls).toEqual(['a', 'b']);
  });

  it('stops an older copy in the same world when a new one starts', () => {
    const world = {};
    const first = createLifetime(world, () => true);
    const stopped: string[] = [];
    first.onInvalidated(() => stopped.push('first'));
    const second = createLifetime(world, () => true);
    expect(first.isInvalid).toBe(true);
    expect(stopped).toEqual(['first']);
    expect(second.isInvalid).toBe(false);
  });

  it('keeps running the other clean-ups when one throws, and honours unsubscribe', () => {
    const life = createLifetime({}, () => true);
    const calls: string[] = [];
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    life.onInvalidated(() => {
      throw new Error('boom');
    });
    const off = life.onInvalidated(() => calls.push('removed'));
    life.onInvalidated(() => calls.push('kept'));
    off();
    life.invalidate();
    expect(calls).toEqual(['kept']);
    expect(debug).toHaveBeenCalled();
    debug.mockRestore();
  });

  it('runs a clean-up added after the end at once', () => {
    const life = createLifetime({}, () => true);
    life.invalidate();
    let ran = false;
    life.onInvalidated(() => (ran = true));
    expect(ran).toBe(true);
  });
});

describe('isContextGone', () => {
  it('recognizes the browser error and nothing else', () => {
    expect(isContextGone(new Error('Extension context invalidated.'))).toBe(true);
    expect(isContextGone(new Error('Could not establish connection'))).toBe(false);
    expect(isContextGone('Extension context invalidated.')).toBe(false);
  });
});
