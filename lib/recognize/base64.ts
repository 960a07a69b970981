/**
 * Base64 (RFC 4648, standard alphabet, padded) for the serialized matcher. Pure TypeScript:
 * atob/btoa are DOM/worker globals, not ES2022, and they go through a binary string anyway.
 * Where the engine has the native `Uint8Array.fromBase64`/`toBase64` (ES2026; Chrome 140+,
 * Firefox 133+, Safari 18.2+), those are used instead.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Char code -> 6-bit value; 64 marks anything outside the alphabet. */
const DECODE = new Uint8Array(128).fill(64);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const ENCODE = new Uint8Array(64);
for (let i = 0; i < 64; i++) ENCODE[i] = ALPHABET.charCodeAt(i);

interface NativeBase64 {
  fromBase64?: (s: string) => Uint8Array;
}
interface NativeBytes {
  toBase64?: () => string;
}

const native = Uint8Array as unknown as NativeBase64;

/** Thrown for text that is not padded standard base64. */
export class Base64Error extends Error {
  override name = 'Base64Error';
}

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  const own = (bytes as unknown as NativeBytes).toBase64;
  if (typeof own === 'function') return own.call(bytes);
  return encodeBase64Js(bytes);
}

/** The pure-JS encoder (exported for tests; `encodeBase64` prefers the native one). */
export function encodeBase64Js(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint16Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
    out[o++] = ENCODE[(v >>> 6) & 63]!;
    out[o++] = ENCODE[v & 63]!;
  }
  if (i < n) {
    const two = i + 1 < n;
    const v = (bytes[i]! << 16) | (two ? bytes[i + 1]! << 8 : 0);
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
    out[o++] = two ? ENCODE[(v >>> 6) & 63]! : 61;
    out[o++] = 61;
  }
  // fromCharCode.apply has an argument-count limit: convert in slices.
  let s = '';
  for (let k = 0; k < out.length; k += 8192) s += String.fromCharCode.apply(null, out.subarray(k, k + 8192) as unknown as number[]);
  return s;
}

/** Decodes padded standard base64; throws `Base64Error` for anything else. */
export function decodeBase64(s: string): Uint8Array {
  if (typeof s !== 'string' || s.length % 4 !== 0) throw new Base64Error('base64 text must be a string of length divisible by 4');
  if (typeof native.fromBase64 === 'function') {
    try {
      return native.fromBase64(s);
    } catch (e) {
      throw new Base64Error(`invalid base64 (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return decodeBase64Js(s);
}

/** The pure-JS decoder (exported for tests; `decodeBase64` prefers the native one). */
export function decodeBase64Js(s: string): Uint8Array {
  const len = s.length;
  if (len % 4 !== 0) throw new Base64Error('base64 text must be a string of length divisible by 4');
  if (len === 0) return new Uint8Array(0);
  const pad = s.charCodeAt(len - 1) === 61 ? (s.charCodeAt(len - 2) === 61 ? 2 : 1) : 0;
  const out = new Uint8Array((len / 4) * 3 - pad);
  const body = pad > 0 ? len - 4 : len;
  let o = 0;
  let codes = 0;
  let digits = 0;
  for (let i = 0; i < body; i += 4) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    const c2 = s.charCodeAt(i + 2);
    const c3 = s.charCodeAt(i + 3);
    // Checked once at the end: a code >= 128 sets a high bit in `codes`, a character outside
    // the alphabet decodes to 64 and sets bit 6 in `digits`.
    codes |= c0 | c1 | c2 | c3;
    const d0 = DECODE[c0 & 127]!;
    const d1 = DECODE[c1 & 127]!;
    const d2 = DECODE[c2 & 127]!;
    const d3 = DECODE[c3 & 127]!;
    digits |= d0 | d1 | d2 | d3;
    out[o++] = (d0 << 2) | (d1 >> 4);
    out[o++] = ((d1 & 15) << 4) | (d2 >> 2);
    out[o++] = ((d2 & 3) << 6) | d3;
  }
  if (codes > 127 || digits & 64) throw new Base64Error('invalid base64 character');
  if (pad > 0) {
    const a = DECODE[s.charCodeAt(body) & 127]!;
    const b = DECODE[s.charCodeAt(body + 1) & 127]!;
    const c = pad === 1 ? DECODE[s.charCodeAt(body + 2) & 127]! : 0;
    if ((s.charCodeAt(body) | s.charCodeAt(body + 1) | s.charCodeAt(body + 2)) > 127 || a === 64 || b === 64 || c === 64) {
      throw new Base64Error('invalid base64 character');
    }
    out[o++] = (a << 2) | (b >> 4);
    if (pad === 1) out[o++] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}
