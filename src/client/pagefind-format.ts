/**
 * Reader for the files Pagefind 1.6 writes to `<outDir>/pagefind/`, in plain JavaScript.
 *
 * Why not Pagefind's own pagefind.js: it compiles a WebAssembly module, which Chromium blocks under the
 * site's CSP (`script-src 'self'` without 'wasm-unsafe-eval'). The index itself is plain data: gzip files
 * whose content starts with the signature `pagefind_dcd`, followed by CBOR (meta, word and filter indexes)
 * or JSON (fragments). Layouts, as written by Pagefind 1.6 (pagefind/src/index/*.rs, structs encoded as
 * CBOR arrays in field order):
 *   pagefind-entry.json             { version, languages: { <lang>: { hash, wasm, page_count } } }
 *   pagefind.<hash>.pf_meta         [version, pages: [hash, wordCount, groupHash][], chunks: [from, to, hash][],
 *                                    filters: [name, hash][], sorts, metaFields]
 *   index/<hash>.pf_index           [words: [word, pages: [pageDelta, locs, metaLocs][], variants][]]
 *   filter/<hash>.pf_filter         [name, values: [value, pageNumbers][]]
 *   fragment/<hash>.pf_fragment     { url, content, word_count, filters, meta,
 *                                     anchors: { element, id, text, location }[] } (elements with an id, in
 *                                     document order; location = word position of the element's first word)
 * Page numbers in a word's page list are delta-encoded. `locs` are word positions, delta-encoded, where a
 * negative number −(w+1) switches the weight of the following positions to w (and the next number is an
 * absolute position); body text has weight 24, headings more. Anything that does not match this layout
 * throws, so a Pagefind upgrade that changes the format fails the tests instead of returning nothing.
 */
import { decodeCbor } from './cbor.ts';

/** The Pagefind version whose format this module reads (pagefind-entry.json `version`). */
export const PAGEFIND_FORMAT = '1.6.0';
const SIGNATURE = 'pagefind_dcd';
/** Weight Pagefind gives ordinary body text; scores are scaled so that body text counts 1. */
const BODY_WEIGHT = 24;

export interface PagefindEntry {
  version: string;
  /** Language code → meta hash (e.g. `zh-cn` → `zh-cn_dd454ee20ed61`). */
  languages: Record<string, { hash: string; pageCount: number }>;
}

export interface MetaPage {
  /** Fragment file name without extension. */
  hash: string;
  wordCount: number;
}

export interface MetaChunk {
  /** Smallest word (or a prefix of it) in the chunk. */
  from: string;
  /** Largest word, possibly shortened to a prefix: every word in the chunk sorts ≤ `to` + any suffix. */
  to: string;
  hash: string;
}

export interface MetaIndex {
  version: string;
  /** Indexed pages by page number. */
  pages: MetaPage[];
  chunks: MetaChunk[];
  /** Filter name → filter file hash. */
  filters: Record<string, string>;
}

/** One page on which a word occurs. */
export interface WordPage {
  page: number;
  /** Word positions in the page body, ascending (punctuation takes a position too). */
  positions: number[];
  /** Occurrences in the page body, each weighted (body text 1, headings more). */
  weight: number;
  /** Occurrences in metadata fields (title and data-pagefind-meta). */
  metaHits: number;
}

export interface IndexedWord {
  word: string;
  pages: WordPage[];
}

/** Filter value → page numbers. */
export type FilterIndex = Record<string, number[]>;

/** An element with an id in the indexed region of a page (Pagefind links results to the headings among them). */
export interface Anchor {
  /** Tag name: `h2`, `section`… */
  element: string;
  id: string;
  /** The text the element starts with (a heading's text; empty for a section opening with a heading). */
  text: string;
  /** Word position of its first word. */
  location: number;
}

export interface Fragment {
  url: string;
  /** Indexed text; Pagefind separates the words it segmented with U+200B. */
  content: string;
  wordCount: number;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Elements with an id, in document order. */
  anchors: Anchor[];
}

const fail = (what: string, detail: string): never => {
  throw new Error(`Pagefind ${what}: ${detail} (this reader expects the Pagefind ${PAGEFIND_FORMAT} format)`);
};

function isArray(v: unknown): v is unknown[] {
  return Array.isArray(v);
}

function str(v: unknown, what: string): string {
  return typeof v === 'string' ? v : fail(what, `expected a string, got ${typeof v}`);
}

function int(v: unknown, what: string): number {
  return typeof v === 'number' && Number.isInteger(v) ? v : fail(what, `expected an integer, got ${String(v)}`);
}

function arr(v: unknown, what: string): unknown[] {
  return isArray(v) ? v : fail(what, 'expected an array');
}

/** Removes the `pagefind_dcd` signature from already-decompressed file bytes. */
export function stripSignature(bytes: Uint8Array, file: string): Uint8Array {
  const head = new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length));
  return head === SIGNATURE ? bytes.subarray(SIGNATURE.length) : fail(file, 'missing the pagefind_dcd signature');
}

/** Gunzips a Pagefind file (unless the server already decoded it) and strips its signature. */
export async function unpack(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const head = new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length));
  if (head === SIGNATURE) return bytes.subarray(SIGNATURE.length);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return stripSignature(new Uint8Array(await new Response(stream).arrayBuffer()), file);
}

/** Parses pagefind-entry.json. */
export function parseEntry(json: unknown): PagefindEntry {
  const o = json as { version?: unknown; languages?: Record<string, { hash?: unknown; page_count?: unknown }> };
  const version = str(o?.version, 'entry version');
  if (version !== PAGEFIND_FORMAT) fail('entry', `index written by Pagefind ${version}`);
  const languages: PagefindEntry['languages'] = {};
  for (const [lang, l] of Object.entries(o.languages ?? {})) {
    languages[lang] = { hash: str(l.hash, 'entry hash'), pageCount: int(l.page_count, 'entry page_count') };
  }
  return { version, languages };
}

/** Parses the decompressed body of a `.pf_meta` file. */
export function parseMeta(body: Uint8Array): MetaIndex {
  const m = arr(decodeCbor(body), 'meta');
  const [version, pages, chunks, filters] = m;
  const meta: MetaIndex = {
    version: str(version, 'meta version'),
    pages: arr(pages, 'meta pages').map((p) => {
      const [hash, wordCount, group] = arr(p, 'meta page');
      if (group !== undefined && group !== '') fail('meta', 'grouped fragments (maxFragments) are not supported');
      return { hash: str(hash, 'page hash'), wordCount: int(wordCount, 'page word count') };
    }),
    chunks: arr(chunks, 'meta chunks').map((c) => {
      const [from, to, hash] = arr(c, 'meta chunk');
      return { from: str(from, 'chunk from'), to: str(to, 'chunk to'), hash: str(hash, 'chunk hash') };
    }),
    filters: {},
  };
  for (const f of arr(filters, 'meta filters')) {
    const [name, hash] = arr(f, 'meta filter');
    meta.filters[str(name, 'filter name')] = str(hash, 'filter hash');
  }
  return meta;
}

/** Decodes a `locs` list (see the module comment) into sorted positions and their summed weight. */
export function decodeLocs(locs: readonly unknown[]): { positions: number[]; weight: number } {
  let weight = BODY_WEIGHT;
  let total = 0;
  let position = 0;
  const positions: number[] = [];
  for (let i = 0; i < locs.length; i++) {
    const v = int(locs[i], 'loc');
    if (v < 0) {
      weight = -v - 1;
      position = int(locs[++i], 'loc'); // a weight change is followed by an absolute position
    } else {
      position += v;
    }
    positions.push(position);
    total += weight / BODY_WEIGHT;
  }
  return { positions: positions.sort((a, b) => a - b), weight: total };
}

/** Counts the positions in a `metaLocs` list (negative numbers switch the field and are not positions). */
function countMetaLocs(locs: readonly unknown[]): number {
  return locs.filter((v) => int(v, 'meta loc') >= 0).length;
}

function parsePages(list: unknown): WordPage[] {
  let page = 0;
  return arr(list, 'word pages').map((p) => {
    const [delta, locs, metaLocs = []] = arr(p, 'word page');
    page += int(delta, 'page delta');
    return { page, ...decodeLocs(arr(locs, 'locs')), metaHits: countMetaLocs(arr(metaLocs, 'meta locs')) };
  });
}

/** Parses the decompressed body of a `.pf_index` word chunk; diacritic variants count as the word. */
export function parseWordChunk(body: Uint8Array): IndexedWord[] {
  const [words] = arr(decodeCbor(body), 'word index');
  return arr(words, 'words').map((w) => {
    const [word, pages, variants = []] = arr(w, 'word');
    const all = [...parsePages(pages), ...arr(variants, 'variants').flatMap((v) => parsePages(arr(v, 'variant')[1]))];
    return { word: str(word, 'word'), pages: all };
  });
}

/** Parses the decompressed body of a `.pf_filter` file. */
export function parseFilter(body: Uint8Array): FilterIndex {
  const [, values] = arr(decodeCbor(body), 'filter');
  const out: FilterIndex = {};
  for (const v of arr(values, 'filter values')) {
    const [value, pages] = arr(v, 'filter value');
    out[str(value, 'filter value')] = arr(pages, 'filter pages').map((p) => int(p, 'filter page'));
  }
  return out;
}

/** Parses the decompressed body of a `.pf_fragment` file. */
export function parseFragment(body: Uint8Array): Fragment {
  const f = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
  const record = <T>(v: unknown): Record<string, T> => (v && typeof v === 'object' ? v as Record<string, T> : {});
  return {
    url: str(f.url, 'fragment url'),
    content: str(f.content, 'fragment content'),
    wordCount: int(f.word_count, 'fragment word_count'),
    meta: record<string>(f.meta),
    filters: record<string[]>(f.filters),
    anchors: arr(f.anchors ?? [], 'fragment anchors').map((a) => {
      const o = a as Record<string, unknown>;
      return {
        element: str(o?.element, 'anchor element'),
        id: str(o.id, 'anchor id'),
        text: o.text === null || o.text === undefined ? '' : str(o.text, 'anchor text'),
        location: int(o.location, 'anchor location'),
      };
    }),
  };
}
