import { describe, expect, it } from 'vitest';
import { mulberry32 } from './seeded-random.ts';

describe('mulberry32', () => {
  const take = (seed: number, n: number): number[] => {
    const r = mulberry32(seed);
    return Array.from({ length: n }, () => r());
  };

  it('repeats the same sequence for the same seed', () => {
    expect(take(7, 50)).toEqual(take(7, 50));
  });

  it('gives other sequences for other seeds', () => {
    expect(take(7, 10)).not.toEqual(take(8, 10));
  });

  it('stays in [0, 1) and spreads over it', () => {
    const xs = take(20240601, 10_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const low = xs.filter((x) => x < 0.5).length;
    expect(low).toBeGreaterThan(4_500);
    expect(low).toBeLessThan(5_500);
  });
});
