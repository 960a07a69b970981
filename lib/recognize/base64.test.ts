import { describe, expect, it } from 'vitest';
import { Base64Error, decodeBase64, decodeBase64Js, encodeBase64, encodeBase64Js } from './base64.ts';

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    out[i] = x >>> 16;
  }
  return out;
}

describe('base64 codec', () => {
  it('matches Node’s encoder for every tail length and round-trips', () => {
    for (let n = 0; n < 40; n++) {
      const b = bytes(n, n + 1);
      const s = encodeBase64Js(b);
      expect(s).toBe(Buffer.from(b).toString('base64'));
      expect(decodeBase64Js(s)).toEqual(b);
      expect(decodeBase64(encodeBase64(b))).toEqual(b);
    }
  });

  it('handles buffers larger than one fromCharCode slice', () => {
    const b = bytes(100_003, 7);
    const s = encodeBase64Js(b);
    expect(s).toBe(Buffer.from(b).toString('base64'));
    expect(decodeBase64Js(s)).toEqual(b);
  });

  it('rejects text that is not padded standard base64', () => {
    for (const bad of ['abc', 'ab=c', 'a===', 'ab!d', 'abcd\u00e9bcd', 'ab-_', 'AAAAAA\u0100=']) {
      expect(() => decodeBase64Js(bad), bad).toThrow(Base64Error);
    }
    expect(() => decodeBase64('abc')).toThrow(Base64Error);
  });
});
