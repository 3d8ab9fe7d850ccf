/**
 * Word chunks (chunks.ts): splicing some pages' postings into a word's record gives the record encoded from
 * scratch, for random postings and edits (pages added, replaced, removed, at the start, middle and end).
 */
import { describe, expect, test } from 'vitest';
import { ByteBuilder } from '../cbor-encode.ts';
import { chunkRecords, spliceRecord } from '../chunks.ts';

/** A record encoded from scratch: `[word, [[delta, locs, metaLocs]…], []]`. */
function encode(word: string, pages: Map<number, number[]>): Uint8Array | null {
  if (!pages.size) return null;
  const b = new ByteBuilder().array(3).text(word).array(pages.size);
  let last = 0;
  for (const page of [...pages.keys()].sort((x, y) => x - y)) {
    b.array(3).int(page - last).raw(locs(pages.get(page)!));
    last = page;
  }
  return b.array(0).result();
}
const locs = (positions: number[]): Uint8Array => {
  const b = new ByteBuilder().array(positions.length);
  for (const p of positions) b.int(p);
  return b.array(positions.length ? 2 : 0).raw(positions.length ? new ByteBuilder().int(-1).int(positions[0]!).result() : new Uint8Array()).result();
};

describe('spliceRecord', () => {
  test('equals the record encoded from scratch, for random postings and edits', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    for (let round = 0; round < 400; round++) {
      const pages = new Map<number, number[]>();
      const size = rand(4) === 0 ? 0 : 1 + rand(60);
      for (let i = 0; i < size; i++) pages.set(rand(300 + 70_000 * rand(2)), Array.from({ length: rand(4) }, () => rand(5000)));
      const edits = new Map<number, Uint8Array | null>();
      const after = new Map(pages);
      const known = [...pages.keys()];
      for (let e = 1 + rand(3); e > 0; e--) {
        const page = known.length && rand(2) ? known[rand(known.length)]! : rand(71_000);
        if (rand(3) === 0) {
          edits.set(page, null);
          after.delete(page);
        } else {
          const positions = Array.from({ length: 1 + rand(3) }, () => rand(300));
          edits.set(page, locs(positions));
          after.set(page, positions);
        }
      }
      const spliced = spliceRecord('词', encode('词', pages), edits);
      expect(spliced, `round ${round}`).toEqual(encode('词', after));
      if (spliced) {
        const chunk = new ByteBuilder().array(1).array(1).raw(spliced).result();
        expect(chunkRecords(chunk)[0]!.word).toBe('词');
      }
    }
  });
});
