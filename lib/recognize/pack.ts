/**
 * Packs typed arrays into one byte buffer, each at the narrowest width that holds its values
 * and aligned to that width, and unpacks them with native copies only (typed-array views
 * and `set`): restoring must not loop over elements in JS, since the page pays for that
 * in cold, unoptimized code.
 */

/** The array type a section is used as. */
export type SectionKind = 'i32' | 'u16' | 'u8';
export type SectionArray = Int32Array | Uint16Array | Uint8Array;

/** First word of the buffer: also proves both sides read integers in the same byte order. */
const MAGIC = 0x676c6f73;

export class PackError extends Error {
  override name = 'PackError';
}

function kindOf(a: SectionArray): SectionKind {
  return a instanceof Int32Array ? 'i32' : a instanceof Uint16Array ? 'u16' : 'u8';
}

function widthOf(a: SectionArray): number {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x < lo) lo = x;
    else if (x > hi) hi = x;
  }
  if (a instanceof Uint8Array) return 1;
  if (a instanceof Uint16Array) return hi <= 255 ? 1 : 2;
  return lo >= -128 && hi <= 127 ? 1 : lo >= -32768 && hi <= 32767 ? 2 : 4;
}

const WIDTHS: Record<SectionKind, readonly number[]> = { i32: [1, 2, 4], u16: [1, 2], u8: [1] };

/** Byte offset of each section after the magic word, and the total (a multiple of 4). */
function offsets(layout: readonly number[]): { offs: number[]; total: number } {
  const offs: number[] = [];
  let off = 4;
  for (let k = 0; k < layout.length; k += 2) {
    const w = layout[k]!;
    off = Math.ceil(off / w) * w;
    offs.push(off);
    off += w * layout[k + 1]!;
  }
  return { offs, total: Math.ceil(off / 4) * 4 };
}

function view(kind: SectionKind, w: number, buf: ArrayBuffer, off: number, len: number): SectionArray | Int8Array | Int16Array {
  if (kind === 'i32') return w === 1 ? new Int8Array(buf, off, len) : w === 2 ? new Int16Array(buf, off, len) : new Int32Array(buf, off, len);
  if (kind === 'u16') return w === 1 ? new Uint8Array(buf, off, len) : new Uint16Array(buf, off, len);
  return new Uint8Array(buf, off, len);
}

/** A 32-bit checksum of the packed buffer (a JS loop: for verification, not for every page). */
export function checksumOf(buf: ArrayBuffer): number {
  const words = new Int32Array(buf);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) ^ (h >>> 15);
  return h;
}

/** Packs `arrays` (in order); `layout` holds each one's width and length. */
export function packSections(arrays: readonly SectionArray[]): { layout: number[]; buffer: ArrayBuffer } {
  const layout = arrays.flatMap((a) => [widthOf(a), a.length]);
  const { offs, total } = offsets(layout);
  const buffer = new ArrayBuffer(total);
  new Int32Array(buffer, 0, 1)[0] = MAGIC;
  arrays.forEach((a, k) => view(kindOf(a), layout[2 * k]!, buffer, offs[k]!, a.length).set(a));
  return { layout, buffer };
}

/**
 * Unpacks sections of the given kinds. Sections stored at their full width are views into
 * `bytes`' buffer (no copy); narrower ones are widened by `set`. Throws `PackError` when
 * the layout does not describe `bytes`.
 */
export function unpackSections(kinds: readonly SectionKind[], layout: unknown, bytes: Uint8Array): { arrays: SectionArray[]; buffer: ArrayBuffer } {
  if (!Array.isArray(layout) || layout.length !== 2 * kinds.length) throw new PackError('layout');
  kinds.forEach((kind, k) => {
    const len: unknown = layout[2 * k + 1];
    if (!WIDTHS[kind].includes(layout[2 * k] as number) || !Number.isInteger(len) || (len as number) < 0) throw new PackError('layout');
  });
  const { offs, total } = offsets(layout as number[]);
  if (bytes.length !== total) throw new PackError(`data length ${bytes.length}, layout says ${total}`);
  // Views need a buffer that starts at the first byte and holds nothing else.
  const buffer = bytes.byteOffset === 0 && bytes.buffer.byteLength === total ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  if (total < 4 || new Int32Array(buffer, 0, 1)[0] !== MAGIC) throw new PackError('magic');
  const arrays = kinds.map((kind, k): SectionArray => {
    const w = layout[2 * k] as number;
    const len = layout[2 * k + 1] as number;
    const v = view(kind, w, buffer, offs[k]!, len);
    if (kind === 'i32' && w !== 4) {
      const out = new Int32Array(len);
      out.set(v);
      return out;
    }
    if (kind === 'u16' && w !== 2) {
      const out = new Uint16Array(len);
      out.set(v);
      return out;
    }
    return v as SectionArray;
  });
  return { arrays, buffer };
}
