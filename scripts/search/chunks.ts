/**
 * Word chunks of the index (`index/*.pf_index`), for writing and for updating in place.
 *
 * A chunk is `[[record, …]]`, each record `[word, [[pageDelta, locs, metaLocs], …], []]`, words in code-point
 * order (src/client/pagefind-format.ts). Where one chunk ends is decided by its content, not by the running
 * size alone: a chunk closes after a word whose hash has its low bits zero once it holds half the target size
 * (or at twice the target). A change to some words' postings therefore moves at most the end of the chunks
 * holding them, and the next chunks start where they started before — so a rebuild after one page changed
 * re-encodes and re-compresses only the chunks that hold that page's words, and writes the bytes a full build
 * writes (`spliceChunks`).
 */
import { createHash } from 'node:crypto';
import { ByteBuilder } from './cbor-encode.ts';
import { byCodePoint } from './order.ts';

/** A chunk of word records, ready to be written. */
export interface Chunk {
  from: string;
  to: string;
  /** SHA-256 (hex) of `content`. */
  sha: string;
  /** The chunk's bytes (unpacked); null when it is the same chunk as in the last build (the file is kept). */
  content: Uint8Array | null;
}

/** True for a word after which a chunk may end (about one word in 32). */
export function boundaryWord(word: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return ((h ^ (h >>> 15)) & 31) === 0;
}

/** Cuts a stream of word records (in code-point order) into chunks. */
export class ChunkCutter {
  private body: ByteBuilder;
  private count = 0;
  private from = '';
  private to = '';
  private readonly min: number;
  private readonly max: number;
  private readonly target: number;
  private readonly emit: (chunk: Chunk) => void;

  constructor(target: number, emit: (chunk: Chunk) => void) {
    this.target = target;
    this.emit = emit;
    this.min = target / 2;
    this.max = target * 2;
    this.body = new ByteBuilder(target + 1024);
  }

  /** True while a chunk is open (words added since the last chunk closed). */
  get open(): boolean {
    return this.count > 0;
  }

  add(word: string, record: Uint8Array): void {
    if (this.count === 0) this.from = word;
    this.to = word;
    this.body.raw(record);
    this.count++;
    if (this.body.length >= this.max || (this.body.length >= this.min && boundaryWord(word))) this.close();
  }

  /** Closes the open chunk, if any. */
  close(): void {
    if (this.count === 0) return;
    const content = new ByteBuilder(this.body.length + 16).array(1).array(this.count).raw(this.body.result()).result();
    this.emit({ from: this.from, to: this.to, sha: createHash('sha256').update(content).digest('hex'), content });
    this.body = new ByteBuilder(this.target + 1024);
    this.count = 0;
  }
}

/** Reads the CBOR head at `pos`: major type, value (or length) and the position after it. */
function head(b: Uint8Array, pos: number): [number, number, number] {
  const first = b[pos]!;
  const major = first >> 5;
  const info = first & 31;
  if (info < 24) return [major, info, pos + 1];
  if (info === 24) return [major, b[pos + 1]!, pos + 2];
  if (info === 25) return [major, (b[pos + 1]! << 8) | b[pos + 2]!, pos + 3];
  if (info === 26) return [major, ((b[pos + 1]! << 24) >>> 0) + ((b[pos + 2]! << 16) | (b[pos + 3]! << 8) | b[pos + 4]!), pos + 5];
  throw new Error(`word chunk: unexpected CBOR head 0x${first.toString(16)} at ${pos}`);
}

function expect(b: Uint8Array, pos: number, major: number, what: string): [number, number] {
  const [m, v, next] = head(b, pos);
  if (m !== major) throw new Error(`word chunk: ${what} expected at ${pos}`);
  return [v, next];
}

/** Skips an array of integers. */
function skipInts(b: Uint8Array, pos: number): number {
  let [n, p] = expect(b, pos, 4, 'array');
  while (n-- > 0) p = head(b, p)[2];
  return p;
}

const utf8 = new TextDecoder();

/** One word of a chunk: the word and its whole record's bytes. */
export interface WordRecord {
  word: string;
  record: Uint8Array;
}

/** The records of a chunk's bytes, in order. */
export function chunkRecords(content: Uint8Array): WordRecord[] {
  let [n, pos] = expect(content, 0, 4, 'chunk');
  if (n !== 1) throw new Error('word chunk: not a one-item array');
  [n, pos] = expect(content, pos, 4, 'word list');
  const out: WordRecord[] = [];
  for (let i = 0; i < n; i++) {
    const start = pos;
    let [len, p] = expect(content, pos, 4, 'word record');
    if (len !== 3) throw new Error('word chunk: a record has not 3 items');
    [len, p] = expect(content, p, 3, 'word');
    const word = utf8.decode(content.subarray(p, p + len));
    p += len;
    let pages: number;
    [pages, p] = expect(content, p, 4, 'pages');
    for (let k = 0; k < pages; k++) {
      p = expect(content, p, 4, 'page')[1];
      p = head(content, p)[2]; // delta
      p = skipInts(content, p); // locs
      p = skipInts(content, p); // meta locs
    }
    p = skipInts(content, p); // variants (none are written)
    out.push({ word, record: content.subarray(start, p) });
    pos = p;
  }
  if (pos !== content.length) throw new Error('word chunk: bytes after the last record');
  return out;
}

/**
 * A word's record with some pages' postings replaced (page → new `locs, metaLocs` bytes, or null to remove the
 * page); null when no page is left. Postings before the first edited page and after the one following the last
 * are copied as they are (only the page delta after an edit changes), so a common word costs one scan.
 */
export function spliceRecord(word: string, record: Uint8Array | null, edits: ReadonlyMap<number, Uint8Array | null>): Uint8Array | null {
  const changes = [...edits].sort((x, y) => x[0] - y[0]);
  const body = new ByteBuilder(record ? record.length + 64 : 64);
  let count = 0;
  let last = 0; // last page written
  let c = 0; // next change
  const emit = (page: number, locs: Uint8Array) => {
    body.array(3).int(page - last).raw(locs);
    last = page;
    count++;
  };
  const insertBefore = (page: number) => {
    for (; c < changes.length && changes[c]![0] < page; c++) if (changes[c]![1]) emit(changes[c]![0], changes[c]![1]!);
  };
  if (record) {
    let p = expect(record, 0, 4, 'record')[1];
    const [len, afterHead] = expect(record, p, 3, 'word');
    p = afterHead + len;
    let pages: number;
    [pages, p] = expect(record, p, 4, 'pages');
    let page = 0;
    for (let k = 0; k < pages; k++) {
      const start = p;
      p = expect(record, p, 4, 'page')[1];
      const [major, delta, locsAt] = head(record, p);
      if (major !== 0) throw new Error('word chunk: negative page delta');
      page += delta;
      p = skipInts(record, skipInts(record, locsAt));
      insertBefore(page);
      if (c < changes.length && changes[c]![0] === page) {
        const locs = changes[c++]![1];
        if (locs) emit(page, locs);
      } else if (page - last === delta) {
        body.raw(record.subarray(start, p)); // unchanged, and so is its delta
        last = page;
        count++;
      } else {
        emit(page, record.subarray(locsAt, p));
      }
      if (c === changes.length && page === last) {
        // Every change applied and this page's delta settled: the rest is copied whole.
        // The record ends with its (empty) variants list, one byte.
        if (record[record.length - 1] !== 0x80) throw new Error('word chunk: a record does not end with an empty variants list');
        const rest = record.length - 1;
        body.raw(record.subarray(p, rest));
        count += pages - k - 1;
        break;
      }
    }
  }
  insertBefore(Infinity);
  if (!count) return null;
  return new ByteBuilder(body.length + word.length * 3 + 16).array(3).text(word).array(count).raw(body.result()).array(0).result();
}

/** The last build's chunk: its words' range and a way to read its bytes. */
export interface OldChunk {
  from: string;
  to: string;
  sha: string;
}

/**
 * The chunks after some pages changed, without re-encoding the others: `edits` maps a word to the pages
 * whose postings of it changed (page → new `locs, metaLocs` bytes, or null when the page no longer has the
 * word). Page numbers must be those of the last build. Only the chunks holding edited words, and the
 * chunks after them up to the first place the cuts fall where they fell before, are read (`read`) and cut
 * again; the others come back with `content: null`. The result is the chunks a full build cuts.
 */
export function spliceChunks(old: readonly OldChunk[], edits: ReadonlyMap<string, ReadonlyMap<number, Uint8Array | null>>,
  read: (index: number) => Uint8Array, target: number): Chunk[] {
  const out: Chunk[] = [];
  const cutter = new ChunkCutter(target, (c) => out.push(c));
  // Each edited word goes to the last chunk starting at or before it (the first chunk for smaller words).
  const byChunk = new Map<number, string[]>();
  for (const word of [...edits.keys()].sort(byCodePoint)) {
    let lo = 0;
    let hi = old.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (byCodePoint(old[mid]!.from, word) <= 0) lo = mid;
      else hi = mid - 1;
    }
    const list = byChunk.get(lo);
    if (list) list.push(word);
    else byChunk.set(lo, [word]);
  }
  const apply = (word: string, record: Uint8Array | null) => {
    const next = spliceRecord(word, record, edits.get(word)!);
    if (next) cutter.add(word, next);
  };
  for (const [k, chunk] of old.entries()) {
    const words = byChunk.get(k) ?? [];
    if (!cutter.open && !words.length) {
      out.push({ ...chunk, content: null });
      continue;
    }
    let w = 0;
    for (const { word, record } of chunkRecords(read(k))) {
      for (; w < words.length && byCodePoint(words[w]!, word) < 0; w++) apply(words[w]!, null);
      if (w < words.length && words[w] === word) apply(words[w++]!, record);
      else cutter.add(word, record);
    }
    for (; w < words.length; w++) apply(words[w]!, null);
  }
  if (!old.length) for (const word of [...edits.keys()].sort(byCodePoint)) apply(word, null);
  cutter.close();
  return out;
}
