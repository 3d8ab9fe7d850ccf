/** The order of words, files and names in the index. */

/** UTF-16 code unit → a key that sorts in code-point order (surrogates above the rest of the BMP). */
const unitKey = (c: number): number => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);

/** Compares strings by Unicode code point (UTF-8 byte order), the order Pagefind and the client use. */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitKey(x) - unitKey(y);
  }
  return a.length - b.length;
}
