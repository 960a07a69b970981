/**
 * A small seeded PRNG (mulberry32) for tests and benchmarks: the same seed always gives the
 * same sequence, so generated text and fuzz failures are reproducible. Not for anything
 * that needs unpredictability.
 */

/** Returns a function yielding numbers in [0, 1), fully determined by `seed`. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
