/**
 * A minimal CBOR (RFC 8949) decoder for the Pagefind index files: unsigned and negative integers, byte and
 * text strings, arrays, maps, tags (decoded as their content), simple values and floats; definite and
 * indefinite lengths. Throws on truncated or malformed input instead of guessing.
 */

/** Decodes one CBOR data item that spans all of `bytes`. */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let pos = 0;

  const need = (n: number): void => {
    if (pos + n > bytes.length) throw new Error(`CBOR: unexpected end of data at byte ${pos}`);
  };

  /** Reads the argument of an initial byte: the value itself, a length, or -1 for "indefinite". */
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) { need(1); return view.getUint8(pos++); }
    if (info === 25) { need(2); const v = view.getUint16(pos); pos += 2; return v; }
    if (info === 26) { need(4); const v = view.getUint32(pos); pos += 4; return v; }
    if (info === 27) {
      need(8);
      const v = view.getBigUint64(pos);
      pos += 8;
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('CBOR: integer beyond 2^53');
      return Number(v);
    }
    if (info === 31) return -1;
    throw new Error(`CBOR: reserved additional information ${info} at byte ${pos - 1}`);
  };

  const BREAK = Symbol('break');

  const item = (): unknown => {
    need(1);
    const initial = view.getUint8(pos++);
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 7) {
      if (info === 31) return BREAK;
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22 || info === 23) return null;
      if (info === 25) { need(2); const v = getFloat16(view, pos); pos += 2; return v; }
      if (info === 26) { need(4); const v = view.getFloat32(pos); pos += 4; return v; }
      if (info === 27) { need(8); const v = view.getFloat64(pos); pos += 8; return v; }
      return argument(info);
    }
    const arg = argument(info);
    switch (major) {
      case 0: return arg;
      case 1: return -1 - arg;
      case 2:
      case 3: {
        if (arg === -1) {
          const parts: unknown[] = [];
          for (let p = item(); p !== BREAK; p = item()) parts.push(p);
          return major === 3 ? parts.join('') : concat(parts as Uint8Array[]);
        }
        need(arg);
        const slice = bytes.subarray(pos, pos + arg);
        pos += arg;
        return major === 3 ? text.decode(slice) : slice;
      }
      case 4: {
        const out: unknown[] = [];
        if (arg === -1) for (let v = item(); v !== BREAK; v = item()) out.push(v);
        else for (let i = 0; i < arg; i++) out.push(item());
        return out;
      }
      case 5: {
        const out = new Map<unknown, unknown>();
        if (arg === -1) for (let k = item(); k !== BREAK; k = item()) out.set(k, item());
        else for (let i = 0; i < arg; i++) out.set(item(), item());
        return out;
      }
      default: // 6: a tag; its content is the value
        return item();
    }
  };

  const value = item();
  if (value === BREAK) throw new Error('CBOR: unexpected break');
  if (pos !== bytes.length) throw new Error(`CBOR: ${bytes.length - pos} trailing bytes`);
  return value;
}

function getFloat16(view: DataView, at: number): number {
  const half = view.getUint16(at);
  const exp = (half >> 10) & 0x1f;
  const frac = half & 0x3ff;
  const sign = half & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
