/**
 * Builds the search index of a built site (an Astro outDir) into `<outDir>/pagefind/`, in Pagefind 1.6's
 * file format, with the site's own indexer (scripts/search/: extract.ts reads a page, tokenize.ts splits
 * Chinese text into words, pagefind-writer.ts writes the files).
 *
 * Why not Pagefind's indexer: it keeps every page's words as objects until the end and then builds the whole
 * index at once, so its memory grows with every page until it is killed at province scale, and it is slow
 * (BENCHMARKS.md, “What was fixed”, 2). This indexer streams: each page
 * is read, indexed and its stored text written before the next is read, and words keep only their encoded
 * postings. The site never shipped Pagefind's own search (it needs WebAssembly, which the CSP forbids), so
 * nothing else depends on Pagefind's indexer; src/client/ reads the files.
 *
 * - Only pages that mark a `data-pagefind-body` region are indexed, and only that region minus
 *   `data-pagefind-ignore` elements; the unit-year pages mark their <main> (Base layout `search` prop).
 * - A page of a preview build (its gongkai-preview marker, or the 预览稿 banner) is never indexed, even if a preview build is
 *   indexed by mistake: drafts are excluded by construction (production builds never render them) and
 *   again here.
 * - Only the index data is written (`pagefind-entry.json`, `*.pf_meta`, `index/`, `filter/`, `fragment/`).
 * Files are added in code-point order of their path, so two runs over the same site write the same bytes.
 * The new bundle is written next to the old one and swapped in at the end.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractPage } from './extract.ts';
import { analyzePage, byCodePoint, CHUNK_BYTES, pack, packAsync, PagefindWriter, pagePostings, type PageEntry, type Sink } from './pagefind-writer.ts';
import { decodePartLine, encodePartLine, PartReader, PartWriter } from './part.ts';
import { EntryCache, indexerSalt, pageKey, type CacheStats } from './entry-cache.ts';
import { spliceChunks } from './chunks.ts';
import { FileKind, readState, stampOf, stampOfFd, writeState, type FileState, type PageState } from './index-state.ts';
import { districtOfFile, SEARCH_PART, SHARD_MANIFEST, SHARD_META_DIR, type ShardManifest } from '../../src/domain/shard.ts';

/** The bundle folder inside the site; the search client reads `<base>pagefind/`. */
export const BUNDLE_DIR = 'pagefind';
/** The language every page is indexed as. */
export const LANGUAGE = 'zh-cn';

/** Files being compressed at once, at most. */
const MAX_PENDING = 64;

const BODY = /<[a-z][^>]*\sdata-pagefind-body[\s=/>]/i;
const PREVIEW_BANNER = /<[a-z][^>]*\sclass="(?:[^"]*\s)?banner-preview[\s"]/i;
/** Every page of a preview build carries it, including pages of published records (which have no banner). */
const PREVIEW_META = /<meta\s+name="gongkai-preview"/i;

export interface IndexReport {
  /** URLs indexed, in index (page number) order. */
  indexed: string[];
  /** Site paths of pages refused because they carry the preview banner. */
  refused: string[];
  /** Paths of the files written under the bundle folder, sorted. */
  written: string[];
  /**
   * With a cache: pages whose entry was reused, and pages analysed; with an updated bundle (`indexSite` with a
   * cache, not merging shards) also HTML files not read (stamp unchanged) and whether postings were spliced.
   */
  cache?: CacheStats & { unread?: number; spliced?: boolean };
}

export interface IndexOptions {
  /**
   * Folder of the cache of analysed pages (entry-cache.ts): pages whose URL and HTML are unchanged since the
   * last build that used it are not read into words again. The index is the same bytes either way.
   */
  cache?: string;
  /** Tests: the stamp margin of `updateSite` (default STAMP_MARGIN_MS). */
  stampMarginMs?: number;
}

/**
 * True when the page comes from a preview build: the preview marker, or the 预览稿 banner of an unpublished
 * record. (The word alone is looked for first: the patterns try every tag of the page, which costs more than
 * it should on every page of a rebuild.)
 */
export const isPreviewPage = (html: string): boolean =>
  (/gongkai-preview/i.test(html) && PREVIEW_META.test(html)) || (/banner-preview/i.test(html) && PREVIEW_BANNER.test(html));

/** True when the page marks a region for the search index. */
export const hasSearchBody = (html: string): boolean => /data-pagefind-body/i.test(html) && BODY.test(html);

/** Site URL of an HTML file path relative to the outDir: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function pageUrl(relPath: string): string {
  const path = relPath.split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

function htmlFiles(dir: string, root = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const rel = relative(root, path);
      if (rel !== BUNDLE_DIR && !rel.startsWith(`${BUNDLE_DIR}.`) && rel !== SHARD_META_DIR) htmlFiles(path, root, out);
    } else if (entry.name.endsWith('.html')) {
      out.push(relative(root, path).split(sep).join('/'));
    }
  }
  return out;
}

/**
 * A page analysed for the index, or null when it is a preview (recorded in `report.refused`) or marks no
 * search body; an analysed page is recorded in `report.indexed`.
 */
function indexable(url: string, html: string, report: IndexReport): PageEntry | null {
  if (isPreviewPage(html)) {
    report.refused.push(url);
    return null;
  }
  if (!hasSearchBody(html)) return null;
  const page = extractPage(html);
  if (!page.blocks) return null;
  report.indexed.push(url);
  return analyzePage(url, { ...page, blocks: page.blocks });
}

/**
 * A page for the index: its part line from `cache` when the same URL and HTML were indexed before (the
 * entry is recorded in `report.indexed`), else as `indexable` analyses it, with its cache key.
 */
function cachedOrIndexable(url: string, html: string, report: IndexReport, cache: EntryCache | null):
  { line: string } | { entry: PageEntry; key: string | null } | null {
  if (cache && !isPreviewPage(html) && hasSearchBody(html)) {
    const key = pageKey(url, html);
    const line = cache.get(key);
    if (line !== null) {
      report.indexed.push(url);
      return { line };
    }
    const entry = indexable(url, html, report);
    if (entry) cache.stats.analysed++;
    return entry && { entry, key };
  }
  const entry = indexable(url, html, report);
  return entry && { entry, key: null };
}

/** Indexes one page unless it is a preview or marks no search body; records the outcome in `report`. */
function addHtml(writer: PagefindWriter, url: string, html: string, report: IndexReport): void {
  const entry = indexable(url, html, report);
  if (entry) writer.addEntry(entry);
}

/** Indexes pages given as URL → HTML, in that order, in memory: the bundle's files by path (for tests and tools). */
export function indexPages(pages: Iterable<[string, string]>): { files: Map<string, Uint8Array>; report: IndexReport } {
  const report: IndexReport = { indexed: [], refused: [], written: [] };
  const files = new Map<string, Uint8Array>();
  const writer = new PagefindWriter((path, content, packed) => {
    files.set(path, packed ? pack(content) : content);
  }, { language: LANGUAGE });
  for (const [url, html] of pages) addHtml(writer, url, html, report);
  writer.finish();
  report.written = [...files.keys()].sort(byCodePoint);
  return { files, report };
}

/**
 * Writes a shard's search part (sharded builds, src/domain/shard.ts): every indexable page of `outDir`,
 * analysed, with its fragment packed, to `<outDir>/_shard/search-part.jsonl` in code-point order of the
 * files. No bundle is written; the merge writes it from all parts (`indexSite` with `shards`).
 */
export async function writeSearchPart(outDir: string, opts: IndexOptions = {}): Promise<IndexReport> {
  const report: IndexReport = { indexed: [], refused: [], written: [] };
  mkdirSync(join(outDir, SHARD_META_DIR), { recursive: true });
  const part = new PartWriter(join(outDir, SHARD_META_DIR, SEARCH_PART));
  const cache = opts.cache ? new EntryCache(opts.cache) : null;
  try {
    // Fragments are packed on libuv's thread pool while the next pages are read; lines keep page order.
    const queue: Promise<string>[] = [];
    for (const file of htmlFiles(outDir).sort(byCodePoint)) {
      const page = cachedOrIndexable(pageUrl(file), readFileSync(join(outDir, file), 'utf8'), report, cache);
      if (!page) continue;
      if ('line' in page) queue.push(Promise.resolve(page.line));
      else {
        const { entry, key } = page;
        queue.push(packAsync(entry.fragment!).then((packed) => {
          const line = encodePartLine(file, entry, packed);
          if (key) cache!.put(key, line);
          return line;
        }));
      }
      while (queue.length >= MAX_PENDING) part.write(await queue.shift()!);
    }
    for (const line of queue) part.write(await line);
    cache?.commit();
    if (cache) report.cache = cache.stats;
  } finally {
    cache?.abort();
    part.close();
  }
  report.written.push(`${SHARD_META_DIR}/${SEARCH_PART}`);
  return report;
}

/** The shards' parts, for the merge: each shard's districts and a reader of its part. */
interface ShardParts {
  byDistrict: Map<string, PartReader>;
  districts: Set<string>;
  readers: PartReader[];
}

function openParts(shardDirs: readonly string[]): ShardParts {
  const parts: ShardParts = { byDistrict: new Map(), districts: new Set(), readers: [] };
  for (const dir of shardDirs) {
    const manifest = JSON.parse(readFileSync(join(dir, SHARD_META_DIR, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    const file = join(dir, SHARD_META_DIR, SEARCH_PART);
    if (!existsSync(file)) throw new Error(`${file}: missing — the shard's build did not write its search part`);
    const reader = new PartReader(file);
    parts.readers.push(reader);
    for (const d of manifest.districts) {
      parts.byDistrict.set(d, reader);
      parts.districts.add(d);
    }
  }
  return parts;
}

/**
 * Indexes `outDir` and writes the index data to `<outDir>/pagefind/`, replacing any earlier index. With
 * `shards` (the merge of a sharded build, whose outDir already holds the shards' pages), the pages of the
 * shards' districts are taken from their search parts instead of being read again; the result is the bytes
 * a single build writes.
 */
export async function indexSite(outDir: string, opts: IndexOptions & { shards?: readonly string[] } = {}): Promise<IndexReport> {
  if (opts.cache && !opts.shards) return updateSite(outDir, opts.cache, opts.stampMarginMs);
  const report: IndexReport = { indexed: [], refused: [], written: [] };
  const parts = opts.shards ? openParts(opts.shards) : null;
  const cache = opts.cache ? new EntryCache(opts.cache) : null;
  /** The page being added when it is to be cached once its fragment is packed. */
  let caching: { key: string; file: string; entry: PageEntry } | null = null;
  // Paths are ASCII (slugs), so code-point order is plain string order.
  const files = htmlFiles(outDir).sort(byCodePoint);
  const bundle = join(outDir, BUNDLE_DIR);
  const staging = `${bundle}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const made = new Set<string>();
  const store = (path: string, bytes: Uint8Array) => {
    const file = join(staging, path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, bytes);
    report.written.push(path);
  };
  // Files are compressed on libuv's thread pool while the next pages are indexed (the second core);
  // at most MAX_PENDING wait, which bounds the memory they hold.
  const pending = new Set<Promise<void>>();
  let failure: unknown = null;
  const writer = new PagefindWriter((path, content, packed, stored) => {
    if (!packed || stored) return store(path, content);
    const page = caching;
    const job: Promise<void> = packAsync(content).then((bytes) => {
      store(path, bytes);
      if (page) cache!.put(page.key, encodePartLine(page.file, page.entry, bytes));
    }, (e: unknown) => {
      failure ??= e;
    }).finally(() => pending.delete(job));
    pending.add(job);
  }, { language: LANGUAGE });
  const drain = async (limit: number) => {
    while (pending.size > limit) await Promise.race(pending);
    if (failure) throw failure;
  };
  try {
    mkdirSync(staging, { recursive: true });
    for (const file of files) {
      const district = parts ? districtOfFile(file, parts.districts) : null;
      const reader = district === null ? null : parts!.byDistrict.get(district)!;
      if (reader) {
        // A shard's page: its part holds it (analysed) when the shard indexed it.
        const next = reader.peek();
        if (next === null || !next.startsWith(`{"file":${JSON.stringify(file)},`)) continue;
        const { entry, packedFragment } = decodePartLine(reader.take()!);
        writer.addEntry(entry, packedFragment);
        report.indexed.push(entry.url);
      } else {
        const page = cachedOrIndexable(pageUrl(file), readFileSync(join(outDir, file), 'utf8'), report, cache);
        if (page && 'line' in page) {
          const { entry, packedFragment } = decodePartLine(page.line);
          writer.addEntry(entry, packedFragment);
        } else if (page) {
          caching = page.key === null ? null : { key: page.key, file, entry: page.entry };
          writer.addEntry(page.entry);
          caching = null;
        }
      }
      await drain(MAX_PENDING);
    }
    for (const reader of parts?.readers ?? []) {
      const left = reader.peek();
      if (left !== null) throw new Error(`${reader.path}: ${JSON.parse(left).file as string} is not in the merged site; merge the shards' whole outputs`);
    }
    writer.finish();
    await drain(0);
    rmSync(bundle, { recursive: true, force: true });
    renameSync(staging, bundle);
    cache?.commit();
    if (cache) report.cache = cache.stats;
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    cache?.abort();
    for (const reader of parts?.readers ?? []) reader.close();
  }
  report.written.sort(byCodePoint);
  return report;
}

const ENTRY_FILE = 'pagefind-entry.json';

/** Files whose change time is less than this before the run began are read even when their stamp is unchanged. */
const STAMP_MARGIN_MS = 2000;

/** A page of `updateSite`, with what the index lists of it. */
interface Page extends PageState {
  /** Analysed (or its HTML changed) in this run. */
  fresh: boolean;
}

/**
 * `indexSite` with a cache: the bundle is updated in place, and a run costs what changed.
 *
 * - An HTML file whose stat stamp is the one recorded last time (index-state.ts; trusted only when the file
 *   had not changed for STAMP_MARGIN_MS before that run began) is not read: its cache key and kind are taken
 *   from the state. Other files are read and hashed; a page whose key is cached is not analysed again.
 * - When the pages are the same files as last time (page numbers unchanged), the metadata fields the same
 *   and the last bundle's files intact (same stamps), only the changed pages' postings are spliced into the
 *   last build's word chunks (chunks.ts); the other chunks and every unchanged page's fragment are kept.
 * - Otherwise the index is built from every page's cached entry; a file whose content is the same as last
 *   time (same path and digest, stamp intact) is still not packed or written again.
 * New files are written beside the old ones, `pagefind-entry.json` last (so a reader sees the old index or
 * the new one), then the files the new index does not list are removed. The bytes are those `indexSite`
 * writes without a cache.
 */
async function updateSite(outDir: string, cacheDir: string, marginMs = STAMP_MARGIN_MS): Promise<IndexReport> {
  const started = Date.now();
  const report: IndexReport = { indexed: [], refused: [], written: [] };
  const salt = indexerSalt();
  const state = readState(cacheDir, salt, outDir);
  const cache = new EntryCache(cacheDir, salt, state?.entries);
  const bundle = join(outDir, BUNDLE_DIR);
  try {
    const outputs = new Map<string, [string, string]>();
    const pending = new Set<Promise<void>>();
    let failure: unknown = null;
    const made = new Set<string>();
    const write = (path: string, bytes: Uint8Array, sha: string) => {
      const file = join(bundle, path);
      const dir = dirname(file);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      let fd: number;
      try {
        fd = openSync(file, 'wx'); // a new name: no reader of the old index can see it half-written
      } catch {
        const temporary = `${file}.tmp-${process.pid}`;
        writeFileSync(temporary, bytes);
        renameSync(temporary, file);
        outputs.set(path, [sha, stampOf(file).stamp]);
        report.written.push(path);
        return;
      }
      try {
        writeSync(fd, bytes);
        outputs.set(path, [sha, stampOfFd(fd)]);
      } finally {
        closeSync(fd);
      }
      report.written.push(path);
    };
    const oldOutputs = new Map((state?.outputs ?? []).map(([p, sha, stamp]) => [p, { sha, stamp }]));
    const intact = (path: string, sha: string) => {
      const o = oldOutputs.get(path);
      if (!o || o.sha !== sha) return false;
      try {
        return stampOf(join(bundle, path)).stamp === o.stamp;
      } catch {
        return false;
      }
    };
    const deferred: { entry?: [Uint8Array, string] } = {};
    const sink: Sink = (path, content, packed, _stored, sha) => {
      if (path === ENTRY_FILE && !intact(path, sha)) {
        deferred.entry = [content, sha]; // written once every other file is
        return;
      }
      if (intact(path, sha)) {
        outputs.set(path, [sha, oldOutputs.get(path)!.stamp]);
        report.written.push(path);
        return;
      }
      if (!packed) return write(path, content, sha);
      const job: Promise<void> = packAsync(content).then((bytes) => write(path, bytes, sha), (e: unknown) => {
        failure ??= e;
      }).finally(() => pending.delete(job));
      pending.add(job);
    };
    const drain = async (limit: number) => {
      while (pending.size > limit) await Promise.race(pending);
      if (failure) throw failure;
    };
    // Without a state (a first build), pages go to the writer as they are read, like `indexSite` without a cache.
    const streaming = state === null ? new PagefindWriter(sink, { language: LANGUAGE }) : null;
    const queue: Promise<[PageEntry, Uint8Array]>[] = [];
    const flush = async (limit: number) => {
      while (queue.length > limit) {
        streaming!.addEntry(...await queue.shift()!);
        await drain(MAX_PENDING);
      }
    };
    const known = new Map((state?.files ?? []).map((f) => [f[0], f]));
    const before = new Map((state?.pages ?? []).map((p) => [p.key, p]));
    const files: FileState[] = [];
    const pages: Page[] = [];
    const packing: Promise<void>[] = [];
    let unread = 0;
    for (const file of htmlFiles(outDir).sort(byCodePoint)) {
      const url = pageUrl(file);
      const { stamp, ctimeMs } = stampOf(join(outDir, file));
      const trusted = ctimeMs < started - marginMs;
      const last = known.get(file);
      let kind: FileKind;
      let key: string | null = null;
      let page: Page | null = null;
      const old = last && last[2] && last[1] === stamp && (last[3] !== FileKind.Page || (before.has(last[4]!) && cache.keep(last[4]!)))
        ? last : null;
      if (old) {
        unread++;
        kind = old[3];
        key = old[4];
        if (key !== null) page = { ...before.get(key)!, fresh: false };
      } else {
        const html = readFileSync(join(outDir, file), 'utf8');
        kind = isPreviewPage(html) ? FileKind.Refused : hasSearchBody(html) ? FileKind.Page : FileKind.None;
        if (kind === FileKind.Page) {
          key = pageKey(url, html);
          const line = before.has(key) && cache.keep(key) ? null : cache.get(key);
          if (before.has(key) && cache.keep(key)) {
            page = { ...before.get(key)!, file, fresh: true };
          } else if (line !== null) {
            const { entry, packedFragment } = decodePartLine(line);
            page = { ...pageState(file, key, entry), fresh: true };
            if (streaming) queue.push(Promise.resolve([entry, packedFragment]));
          } else {
            const extracted = extractPage(html);
            if (!extracted.blocks) kind = FileKind.None;
            else {
              const entry = analyzePage(url, { ...extracted, blocks: extracted.blocks });
              cache.stats.analysed++;
              page = { ...pageState(file, key, entry), fresh: true };
              const k = key;
              const packed = packAsync(entry.fragment!).then((bytes) => {
                cache.put(k, encodePartLine(file, entry, bytes));
                return bytes;
              });
              if (streaming) queue.push(packed.then((bytes) => [entry, bytes]));
              else {
                packing.push(packed.then(() => undefined));
                while (packing.length >= MAX_PENDING) await packing.shift();
              }
            }
          }
          if (kind !== FileKind.Page) key = null;
        }
      }
      files.push([file, stamp, trusted, kind, key]);
      if (kind === FileKind.Refused) report.refused.push(url);
      if (page) {
        pages.push(page);
        report.indexed.push(url);
      }
      await flush(MAX_PENDING);
    }
    await Promise.all(packing);
    await flush(0);

    const fields = fieldOrder(pages);
    const splice = state !== null && state.pages.length === pages.length && state.pages.every((p, i) => p.file === pages[i]!.file)
      && fields.length === state.fields.length && fields.every((f, i) => f === state.fields[i])
      && state.outputs.every(([path, sha]) => intact(path, sha));
    const entryOf = (key: string) => {
      const line = cache.peek(key);
      if (line === null) throw new Error(`search index cache: the entry of ${key} is missing`);
      return decodePartLine(line);
    };
    let writer: PagefindWriter;
    if (streaming) {
      writer = streaming;
      writer.finish();
    } else if (splice) {
      // Same pages in the same order: splice the changed pages' postings into the last chunks.
      const edits = new Map<string, Map<number, Uint8Array | null>>();
      const edit = (word: string, page: number, locs: Uint8Array | null) => {
        let e = edits.get(word);
        if (!e) edits.set(word, (e = new Map()));
        e.set(page, locs);
      };
      const packedOf = new Map<number, Uint8Array>();
      for (const [i, p] of pages.entries()) {
        const last = state.pages[i]!;
        if (p.key === last.key) continue;
        for (const [word] of entryOf(last.key).entry.words) edit(word, i, null);
        const { entry, packedFragment } = entryOf(p.key);
        for (const [word, locs] of pagePostings(entry, fields)) edit(word, i, locs);
        packedOf.set(i, packedFragment);
      }
      const chunks = spliceChunks(state.chunks, edits, (k) => unpackFile(join(bundle, `index/${state.chunks[k]!.hash}.pf_index`)), CHUNK_BYTES);
      const oldPaths = new Map(state.outputs.map(([path, sha]) => [sha, path]));
      writer = new PagefindWriter(sink, {
        language: LANGUAGE,
        keep: (path, sha) => {
          if (intact(path, sha)) sink(path, new Uint8Array(), true, true, sha);
          else write(path, readFileSync(join(bundle, oldPaths.get(sha)!)), sha); // the same content under a longer name
        },
      });
      for (const [i, p] of pages.entries()) {
        writer.addEntry({ url: p.url, fragmentSha256: p.sha, wordCount: p.wordCount, metaKeys: p.metaKeys, words: [], filters: p.filters }, packedOf.get(i));
        await drain(MAX_PENDING);
      }
      writer.finish(chunks);
    } else {
      writer = new PagefindWriter(sink, { language: LANGUAGE });
      for (const p of pages) {
        const { entry, packedFragment } = entryOf(p.key);
        writer.addEntry(entry, packedFragment);
        await drain(MAX_PENDING);
      }
      writer.finish();
    }
    await drain(0);
    if (deferred.entry) write(ENTRY_FILE, ...deferred.entry);
    // pagefind-entry.json was written last (and replaced atomically); now drop what it no longer lists.
    for (const path of listFiles(bundle)) if (!outputs.has(path)) rmSync(join(bundle, path), { force: true });
    const listed = new Set(pages.map((p) => p.file));
    const entries = cache.commit(!state || state.pages.some((p) => !listed.has(p.file)));
    writeState(cacheDir, {
      salt, outDir, started, files, fields: [...writer.fields], chunks: writer.chunks,
      pages: pages.map(({ fresh: _fresh, ...p }) => p),
      outputs: [...outputs].map(([path, [sha, stamp]]) => [path, sha, stamp]),
      entries,
    });
    report.cache = { ...cache.stats, unread, spliced: splice };
  } finally {
    cache.abort();
  }
  report.written.sort(byCodePoint);
  return report;
}

/** What the index lists of a page (its entry without the words). */
function pageState(file: string, key: string, entry: PageEntry): PageState {
  return { file, url: entry.url, key, sha: entry.fragmentSha256, wordCount: entry.wordCount, metaKeys: entry.metaKeys, filters: entry.filters };
}

/** The metadata fields in the order a writer numbers them (first use, page by page). */
function fieldOrder(pages: readonly PageState[]): string[] {
  const seen = new Set<string>();
  for (const p of pages) for (const f of p.metaKeys) seen.add(f);
  return [...seen];
}

/** A bundle file's content (gunzipped, without the signature). */
function unpackFile(path: string): Uint8Array {
  const body = gunzipSync(readFileSync(path));
  if (body.subarray(0, SIGNATURE_LENGTH).toString('latin1') !== 'pagefind_dcd') throw new Error(`${path}: not a Pagefind file`);
  return body.subarray(SIGNATURE_LENGTH);
}
const SIGNATURE_LENGTH = 'pagefind_dcd'.length;

/** Every file under `dir`, relative and `/`-separated (none when it does not exist). */
function listFiles(dir: string, root = dir, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, root, out);
    else out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}
