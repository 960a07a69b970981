import { GRACE_MS, HoverIntent } from './hover-intent';

interface Target {
  id: string;
}

/** A strip of words: x in [0,100) is "a", [200,300) is "b"; everything else is blank. */
function setup(delay = 300) {
  const targets: Record<string, Target> = { a: { id: 'a' }, b: { id: 'b' } };
  let shown: Target | null = null;
  const log: string[] = [];
  const intent = new HoverIntent<Target>({
    hitTest: (x) => (x >= 0 && x < 100 ? targets.a! : x >= 200 && x < 300 ? targets.b! : null),
    beneath: (x) => (x >= 0 && x < 100 ? targets.a! : x >= 200 && x < 300 ? targets.b! : null),
    same: (p, q) => p.id === q.id,
    show: (t) => {
      shown = t;
      log.push(`show ${t.id}`);
    },
    hide: () => {
      if (shown) log.push(`hide ${shown.id}`);
      shown = null;
    },
    shown: () => shown,
    delayMs: () => delay,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  });
  return { intent, log, shown: () => shown };
}

describe('HoverIntent', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens a card after the dwell delay, not before', () => {
    const { intent, log } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(299);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show a']);
  });

  it('does not open while the pointer sweeps fast across the word', () => {
    const { intent, log } = setup();
    // 10 px every 10 ms = 1 px/ms, for 800 ms, back and forth over "a".
    for (let t = 0; t <= 800; t += 10) {
      intent.move(t % 100 < 50 ? 10 + (t % 50) : 90 - (t % 50), 0, t, false);
      vi.advanceTimersByTime(10);
    }
    expect(log).toEqual([]);
    // Once it rests, the dwell counts from the last fast move.
    vi.advanceTimersByTime(289);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show a']);
  });

  it('keeps waiting while the pointer moves slowly over the same word', () => {
    const { intent, log } = setup();
    intent.move(10, 0, 0, false);
    vi.advanceTimersByTime(100);
    intent.move(12, 0, 100, false); // 0.02 px/ms
    vi.advanceTimersByTime(200);
    expect(log).toEqual(['show a']);
  });

  it('hides after the grace period once the pointer leaves the word', () => {
    const { intent, log } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(300);
    intent.move(150, 0, 1000, false);
    vi.advanceTimersByTime(GRACE_MS - 1);
    expect(log).toEqual(['show a']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show a', 'hide a']);
  });

  it('stays open when the pointer travels onto the card', () => {
    const { intent, log, shown } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(300);
    intent.move(50, 10, 1000, false); // off the word, toward the card
    intent.move(50, 20, 1010, true); // on the card, 10 px later
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['show a']);
    expect(shown()?.id).toBe('a');
  });

  it('treats resting after a jump onto the card as a hover over the word beneath', () => {
    const { intent, log } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(300);
    intent.move(250, 0, 1500, true); // teleported onto the card, which covers word "b"
    vi.advanceTimersByTime(299);
    expect(log).toEqual(['show a']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show a', 'hide a', 'show b']);
    // From there, a jump to another word under the new card works the same way.
    intent.move(60, 0, 3000, true);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['show a', 'hide a', 'show b', 'hide b', 'show a']);
  });

  it('treats a synthetic burst of moves onto the card like a jump', () => {
    const { intent, log } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(300);
    for (let i = 1; i <= 10; i++) intent.move(50 + i * 20, 0, 1000 + i, i * 20 + 50 >= 200);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['show a', 'hide a', 'show b']);
  });

  it('keeps the card when a real pointer moves onto it and rests there', () => {
    const { intent, log } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(300);
    for (let i = 1; i <= 10; i++) {
      vi.advanceTimersByTime(16);
      intent.move(50 + i * 20, 0, 300 + i * 16, i * 20 + 50 >= 200);
    }
    vi.advanceTimersByTime(2000);
    expect(log).toEqual(['show a']);
  });

  it('keeps the card for a click after a jump onto it, or for moves within it', () => {
    const { intent, log } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(300);
    intent.move(250, 0, 1500, true);
    intent.press();
    vi.advanceTimersByTime(1000);
    intent.move(255, 0, 2600, true);
    intent.move(120, 0, 3000, true);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['show a']);
  });

  it('switches cards when the pointer rests on another word', () => {
    const { intent, log } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(300);
    intent.move(250, 0, 2000, false);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['show a', 'hide a', 'show b']);
  });

  it('uses the dwell delay from settings', () => {
    const { intent, log } = setup(800);
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(700);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['show a']);
  });

  it('closes after the grace period when the pointer leaves the page', () => {
    const { intent, log } = setup();
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(300);
    intent.leave();
    vi.advanceTimersByTime(GRACE_MS);
    expect(log).toEqual(['show a', 'hide a']);
  });
  it('looks again where the pointer rests once content appeared under it (again)', () => {
    let revealed = false;
    const log: string[] = [];
    const target = { id: 'late' };
    const intent = new HoverIntent<Target>({
      hitTest: (x) => (revealed && x < 100 ? target : null),
      beneath: () => null,
      same: (p, q) => p.id === q.id,
      show: (t) => void log.push(`show ${t.id}`),
      hide: () => void log.push('hide'),
      shown: () => null,
      delayMs: () => 300,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    });
    intent.move(50, 0, 0, false);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
    // A shadow root under the pointer was scanned meanwhile: the rest there now counts.
    revealed = true;
    intent.again(1000);
    vi.advanceTimersByTime(299);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show late']);
    // Over the card, or with nothing under the pointer, again() starts nothing.
    intent.move(500, 0, 2000, false);
    intent.again(2100);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['show late']);
  });
});
