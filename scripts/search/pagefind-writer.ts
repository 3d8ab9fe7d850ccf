/**
 * Writes a search index in Pagefind 1.6's file format (read by src/client/pagefind-format.ts; layouts are
 * documented there), one page at a time, in bounded memory:
 *   - a page's stored text (its fragment) is compressed and handed to the sink as soon as the page is
 *     added; only its file name and word count stay in memory;
 *   - each word's postings are kept CBOR-encoded (a few bytes per occurrence), never as objects;
 *   - at the end, words are sorted once and written out in chunks of about CHUNK_BYTES, each word's
 *     postings freed as its chunk is written.
 * A page's fragment lists its anchors as Pagefind does (every element with an id in the indexed region:
 * tag, id, text, and the word position of its first word), so a result can link to the section holding
 * its match.
 * Every file starts with the `pagefind_dcd` signature and is gzip-compressed, like Pagefind's. File names
 * are `<language>_<sha-256 prefix>`, lengthened on a collision; pages, words, filter values and metadata
 * fields are numbered and ordered deterministically, so the same pages in the same order give the same
 * bytes.
 */
import { createHash } from 'node:crypto';
import { gzip, gzipSync } from 'node:zlib';
import { ByteBuilder } from './cbor-encode.ts';
import { ChunkCutter, type Chunk } from './chunks.ts';
import { byCodePoint } from './order.ts';
import type { ExtractedPage } from './extract.ts';
import { forEachWord } from './tokenize.ts';

/** The Pagefind version whose format is written (src/client/pagefind-format.ts checks it). */
export const FORMAT_VERSION = '1.6.0';
/** Typical uncompressed size of a word chunk (chunks.ts: a chunk ends between half and twice this). */
export const CHUNK_BYTES = 32 * 1024;
/** Weight of ordinary text (the reader divides by it); a heading of level h weighs (8 − h) times more. */
const BODY_WEIGHT = 24;
/** Extra positions between blocks, so that words of two blocks never count as a phrase (client MAX_GAP 2). */
const BLOCK_GAP = 2;
const PUNCTUATION = /\p{P}/u;
const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

/**
 * Receives each file of the bundle: its path relative to the bundle folder and its content. Every file but
 * `pagefind-entry.json` is to be stored packed (see `pack`, `packAsync`); `packed` says which. `stored`:
 * `content` is already packed (a fragment packed by a shard), to be stored as it is. `sha`: the SHA-256 (hex)
 * of the unpacked content, which the file's name is made from (the same content gives the same file).
 */
export type Sink = (path: string, content: Uint8Array, packed: boolean, stored: boolean, sha: string) => void;

/**
 * Receives a file of the bundle that is the same as in the last build, given without its content (a fragment
 * of a page added without it, a word chunk `finish` was given without bytes): `sha` as for `Sink`.
 */
export type Keep = (path: string, sha: string) => void;

interface Postings {
  bytes: ByteBuilder;
  pages: number;
  lastPage: number;
}

/** Per page: a word's weighted positions in the body and its positions in metadata fields. */
export interface PageWord {
  positions: number[];
  weights: number[];
  /** Some position has a weight other than BODY_WEIGHT. */
  weighted: boolean;
  meta: number[]; // pairs: field id, position
}

const utf8 = new TextEncoder();

export { byCodePoint } from './order.ts';

const GZIP = { level: 9 };

function signed(payload: Uint8Array): Uint8Array {
  const body = new Uint8Array(SIGNATURE.length + payload.length);
  body.set(SIGNATURE);
  body.set(payload, SIGNATURE.length);
  return body;
}

/** A file's stored bytes: gzip of the signature and the content. */
export const pack = (content: Uint8Array): Uint8Array => gzipSync(signed(content), GZIP);

/** `pack` on libuv's thread pool, so that compression runs beside indexing. */
export const packAsync = (content: Uint8Array): Promise<Uint8Array> => new Promise((resolve, reject) => {
  gzip(signed(content), GZIP, (err, out) => (err ? reject(err) : resolve(out)));
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * One page analysed for the index, independent of the other pages (no page number, field ids or file
 * names yet): what `PagefindWriter.addEntry` needs. A shard of a sharded build writes these to its search part
 * and the merge adds them in the order of the whole site, giving the bytes a single build gives.
 */
export interface PageEntry {
  url: string;
  /** The fragment (the page's stored text, JSON) unpacked; absent when read back from a part (then packed bytes are given). */
  fragment?: Uint8Array;
  fragmentSha256: string;
  wordCount: number;
  /** Metadata field names in the order their ids are assigned. */
  metaKeys: string[];
  /** Words in order of first occurrence; `meta` pairs hold an index into `metaKeys` and a position. */
  words: [string, PageWord][];
  /** Filter name → values, names in code-point order. */
  filters: [string, string[]][];
}

/** Analyses a page with a body region: its words, positions, filters and fragment. */
export function analyzePage(url: string, page: ExtractedPage & { blocks: NonNullable<ExtractedPage['blocks']> }): PageEntry {
  const found = new Map<string, PageWord>();
  const entry = (w: string): PageWord => {
    let e = found.get(w);
    if (!e) found.set(w, (e = { positions: [], weights: [], weighted: false, meta: [] }));
    return e;
  };
  let position = 0;
  let wordCount = 0;
  let content = '';
  // Anchors come in document order; each is placed at the first word at or after its start.
  const anchors = page.anchors ?? [];
  const located: { element: string; id: string; text: string; location: number }[] = [];
  const locateUpTo = (block: number, at: number) => {
    for (let a = anchors[located.length]; a && (a.block < block || (a.block === block && a.offset <= at)); a = anchors[located.length]) {
      located.push({ element: a.element, id: a.id, text: a.text, location: position });
    }
  };
  for (const [b, block] of page.blocks.entries()) {
    const weight = block.heading ? (8 - block.heading) * BODY_WEIGHT : BODY_WEIGHT;
    forEachWord(block.text, (w, marks, at) => {
      position += marks;
      locateUpTo(b, at);
      const e = entry(w);
      e.positions.push(position++);
      e.weights.push(weight);
      if (weight !== BODY_WEIGHT) e.weighted = true;
      wordCount++;
    });
    position += BLOCK_GAP;
    if (content) content += PUNCTUATION.test(content.slice(-1)) ? ' ' : '. ';
    content += block.text;
  }
  locateUpTo(Infinity, 0);
  const metaKeys = Object.keys(page.meta).sort(byCodePoint);
  metaKeys.forEach((field, i) => {
    let p = 0;
    forEachWord(page.meta[field]!, (w) => entry(w).meta.push(i, p++));
  });
  const filters: Record<string, string[]> = {};
  for (const name of Object.keys(page.filters).sort(byCodePoint)) filters[name] = [...new Set(page.filters[name])];
  const meta: Record<string, string> = {};
  for (const k of metaKeys) meta[k] = page.meta[k]!;
  const fragment = utf8.encode(JSON.stringify({ url, content, word_count: wordCount, filters, meta, anchors: located }));
  return { url, fragment, fragmentSha256: sha256(fragment), wordCount, metaKeys, words: [...found], filters: Object.entries(filters) };
}

export interface WriterOptions {
  language?: string;
  chunkBytes?: number;
  /** Where files given without content go (see `Keep`); required to add such pages or chunks. */
  keep?: Keep;
}

/** A page as the index lists it: its fragment's file name (hash) and SHA-256, and its word count. */
export interface IndexedPage {
  hash: string;
  sha: string;
  wordCount: number;
}

export class PagefindWriter {
  readonly language: string;
  private readonly chunkBytes: number;
  private readonly words = new Map<string, Postings>();
  private readonly pages: IndexedPage[] = [];
  /** The word chunks written, in order (after `finish`). */
  readonly chunks: { from: string; to: string; sha: string; hash: string }[] = [];
  private readonly filters = new Map<string, Map<string, number[]>>();
  private readonly metaFields: string[] = [];
  private readonly names = new Set<string>();
  private finished = false;

  private readonly sink: Sink;
  private readonly keep: Keep | undefined;

  constructor(sink: Sink, options: WriterOptions = {}) {
    this.sink = sink;
    this.keep = options.keep;
    this.language = options.language ?? 'zh-cn';
    this.chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  }

  /** A file name for content whose SHA-256 is `hex`, unique in the bundle (lengthened on a collision). */
  private nameFromHex(hex: string, length = 7): string {
    let n = length;
    while (this.names.has(`${this.language}_${hex.slice(0, n)}`)) n++;
    const name = `${this.language}_${hex.slice(0, n)}`;
    this.names.add(name);
    return name;
  }

  /** Metadata field names, in the order of their ids. */
  get fields(): readonly string[] {
    return this.metaFields;
  }

  private fieldId(field: string): number {
    let id = this.metaFields.indexOf(field);
    if (id < 0) id = this.metaFields.push(field) - 1;
    return id;
  }

  /** Adds a page with a body region; returns its page number. */
  addPage(url: string, page: ExtractedPage & { blocks: NonNullable<ExtractedPage['blocks']> }): number {
    return this.addEntry(analyzePage(url, page));
  }

  /**
   * Adds an analysed page (`analyzePage`, possibly in another process: a shard's search part); returns its
   * page number. `packedFragment`, when given, is the stored form of `entry.fragment` already packed; when
   * neither is given, the fragment is the last build's (handed to `keep`). An entry without words adds
   * none (their postings come with the chunks given to `finish`).
   */
  addEntry(entry: PageEntry, packedFragment?: Uint8Array): number {
    if (this.finished) throw new Error('the index is already written');
    const number = this.pages.length;
    const ids = entry.metaKeys.map((field) => this.fieldId(field));
    for (const [w, e] of entry.words) {
      const meta = e.meta.length ? e.meta.map((v, i) => (i % 2 === 0 ? ids[v]! : v)) : e.meta;
      this.post(w, number, meta === e.meta ? e : { ...e, meta });
    }
    for (const [name, values] of entry.filters) {
      let byValue = this.filters.get(name);
      if (!byValue) this.filters.set(name, (byValue = new Map()));
      for (const v of values) {
        const list = byValue.get(v);
        if (list) list.push(number);
        else byValue.set(v, [number]);
      }
    }
    const hash = this.nameFromHex(entry.fragmentSha256);
    const path = `fragment/${hash}.pf_fragment`;
    const content = packedFragment ?? entry.fragment;
    if (content) this.sink(path, content, packedFragment === undefined, packedFragment !== undefined, entry.fragmentSha256);
    else this.kept(path, entry.fragmentSha256);
    this.pages.push({ hash, sha: entry.fragmentSha256, wordCount: entry.wordCount });
    return number;
  }

  private kept(path: string, sha: string): void {
    if (!this.keep) throw new Error(`${path}: no content given and no keeper`);
    this.keep(path, sha);
  }

  /** Appends one page's entry `[pageDelta, locs, metaLocs]` to a word's postings. */
  private post(word: string, page: number, e: PageWord): void {
    let p = this.words.get(word);
    if (!p) this.words.set(word, (p = { bytes: new ByteBuilder(16), pages: 0, lastPage: 0 }));
    const b = p.bytes;
    b.array(3).int(page - p.lastPage);
    p.lastPage = page;
    p.pages++;
    encodeLocs(b, e);
  }

  /** Number of pages added. */
  get pageCount(): number {
    return this.pages.length;
  }

  /**
   * Writes the word chunks, filters, metadata and entry. `chunks`, when given, are the word chunks (made by
   * chunks.ts from the last build's: those without content are kept); else they are cut from the words added.
   */
  finish(given?: Iterable<Chunk>): void {
    if (this.finished) throw new Error('the index is already written');
    this.finished = true;
    const chunks: [string, string, string][] = [];
    const write = (c: Chunk) => {
      const hash = this.nameFromHex(c.sha);
      const path = `index/${hash}.pf_index`;
      if (c.content) this.sink(path, c.content, true, false, c.sha);
      else this.kept(path, c.sha);
      chunks.push([c.from, c.to, hash]);
      this.chunks.push({ from: c.from, to: c.to, sha: c.sha, hash });
    };
    if (given) {
      for (const c of given) write(c);
    } else {
      const cutter = new ChunkCutter(this.chunkBytes, write);
      for (const word of [...this.words.keys()].sort(byCodePoint)) {
        const p = this.words.get(word)!;
        this.words.delete(word);
        cutter.add(word, new ByteBuilder(p.bytes.length + word.length * 3 + 16).array(3).text(word).array(p.pages).raw(p.bytes.result()).array(0).result());
      }
      cutter.close();
    }

    const filterList: [string, string][] = [];
    for (const name of [...this.filters.keys()].sort(byCodePoint)) {
      const values = this.filters.get(name)!;
      const b = new ByteBuilder().array(2).text(name);
      const keys = [...values.keys()].sort(byCodePoint);
      b.array(keys.length);
      for (const v of keys) {
        const pages = values.get(v)!;
        b.array(2).text(v).array(pages.length);
        for (const n of pages) b.int(n);
      }
      const bytes = b.result();
      const sha = sha256(bytes);
      const hash = this.nameFromHex(sha);
      this.sink(`filter/${hash}.pf_filter`, bytes, true, false, sha);
      filterList.push([name, hash]);
    }

    const m = new ByteBuilder(64 + this.pages.length * 24 + chunks.length * 32).array(6).text(FORMAT_VERSION);
    m.array(this.pages.length);
    for (const p of this.pages) m.array(3).text(p.hash).int(p.wordCount).text('');
    m.array(chunks.length);
    for (const [f, t, h] of chunks) m.array(3).text(f).text(t).text(h);
    m.array(filterList.length);
    for (const [n, h] of filterList) m.array(2).text(n).text(h);
    m.array(0); // sorts
    m.array(this.metaFields.length);
    for (const f of this.metaFields) m.text(f);
    const meta = m.result();
    const metaSha = sha256(meta);
    const metaHash = this.nameFromHex(metaSha, 13);
    this.sink(`pagefind.${metaHash}.pf_meta`, meta, true, false, metaSha);
    const entry = {
      version: FORMAT_VERSION,
      languages: { [this.language]: { hash: metaHash, wasm: null, page_count: this.pages.length } },
    };
    const entryBytes = utf8.encode(JSON.stringify(entry));
    this.sink('pagefind-entry.json', entryBytes, false, false, sha256(entryBytes));
  }
}

/**
 * Encodes a page's `locs, metaLocs` for one word (the part of its posting after the page delta); `e.meta`
 * holds field ids. Body-weight positions first (deltas from 0); then each other weight, ascending,
 * introduced by −(weight + 1) and an absolute position, then deltas. metaLocs: −(field id + 1), then
 * positions in that field, delta-encoded.
 */
export function encodeLocs(b: ByteBuilder, e: PageWord): void {
  if (!e.weighted) {
    b.array(e.positions.length);
    let last = 0;
    for (const pos of e.positions) {
      b.int(pos - last);
      last = pos;
    }
  } else {
    weightedLocs(b, e);
  }
  const metaLocs: number[] = [];
  let field = -1;
  let last = 0;
  for (let i = 0; i < e.meta.length; i += 2) {
    if (e.meta[i] !== field) {
      field = e.meta[i]!;
      metaLocs.push(-(field + 1));
      last = 0;
    }
    metaLocs.push(e.meta[i + 1]! - last);
    last = e.meta[i + 1]!;
  }
  b.array(metaLocs.length);
  for (const v of metaLocs) b.int(v);
}

function weightedLocs(b: ByteBuilder, e: PageWord): void {
  const weights = [...new Set(e.weights)].sort((x, y) => (x === BODY_WEIGHT ? -1 : y === BODY_WEIGHT ? 1 : x - y));
  const locs: number[] = [];
  for (const w of weights) {
    let last = 0;
    let first = true;
    for (let i = 0; i < e.positions.length; i++) {
      if (e.weights[i] !== w) continue;
      const pos = e.positions[i]!;
      if (first && w !== BODY_WEIGHT) locs.push(-(w + 1), pos);
      else locs.push(pos - last);
      first = false;
      last = pos;
    }
  }
  b.array(locs.length);
  for (const v of locs) b.int(v);
}

/**
 * A page's posting bytes for each of its words (`locs, metaLocs`, without the page delta), its metadata
 * fields numbered as in `fields` (the index's field order, which must hold them all).
 */
export function pagePostings(entry: PageEntry, fields: readonly string[]): Map<string, Uint8Array> {
  const ids = entry.metaKeys.map((f) => {
    const id = fields.indexOf(f);
    if (id < 0) throw new Error(`${entry.url}: metadata field ${f} is not in the index`);
    return id;
  });
  const out = new Map<string, Uint8Array>();
  for (const [w, e] of entry.words) {
    const b = new ByteBuilder(16);
    encodeLocs(b, e.meta.length ? { ...e, meta: e.meta.map((v, i) => (i % 2 === 0 ? ids[v]! : v)) } : e);
    out.set(w, b.result());
  }
  return out;
}
