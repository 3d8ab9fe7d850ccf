/**
 * The CBOR (RFC 8949) subset the Pagefind index files use, for writing: integers, text strings and
 * definite-length arrays, encoded in their shortest form (as minicbor, Pagefind's encoder, does), into a
 * growable byte buffer. src/client/cbor.ts decodes it.
 */

const utf8 = new TextEncoder();

export class ByteBuilder {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 64) {
    this.bytes = new Uint8Array(capacity);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  private head(major: number, value: number): void {
    const m = major << 5;
    if (value < 24) {
      this.reserve(1);
      this.bytes[this.length++] = m | value;
    } else if (value < 0x100) {
      this.reserve(2);
      this.bytes[this.length++] = m | 24;
      this.bytes[this.length++] = value;
    } else if (value < 0x10000) {
      this.reserve(3);
      this.bytes[this.length++] = m | 25;
      this.bytes[this.length++] = value >>> 8;
      this.bytes[this.length++] = value & 0xff;
    } else if (value < 0x100000000) {
      this.reserve(5);
      this.bytes[this.length++] = m | 26;
      this.bytes[this.length++] = value >>> 24;
      this.bytes[this.length++] = (value >>> 16) & 0xff;
      this.bytes[this.length++] = (value >>> 8) & 0xff;
      this.bytes[this.length++] = value & 0xff;
    } else {
      throw new RangeError(`CBOR: ${value} does not fit in 32 bits`);
    }
  }

  /** A signed integer (|n| < 2^32). */
  int(n: number): this {
    if (!Number.isInteger(n)) throw new TypeError(`CBOR: ${n} is not an integer`);
    if (n >= 0) this.head(0, n);
    else this.head(1, -1 - n);
    return this;
  }

  text(s: string): this {
    const b = utf8.encode(s);
    this.head(3, b.length);
    return this.raw(b);
  }

  /** The header of an array of `n` items; the items follow. */
  array(n: number): this {
    this.head(4, n);
    return this;
  }

  raw(b: Uint8Array): this {
    this.reserve(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
    return this;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}
