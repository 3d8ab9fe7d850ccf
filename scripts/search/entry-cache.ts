/**
 * The search indexer's cache of analysed pages, for rebuilds: each page the last build indexed, as a part line
 * (part.ts: its words, positions, filters and packed fragment), keyed by the SHA-256 of its URL and HTML. A
 * rebuild re-analyses only pages whose HTML changed and takes the others' entries from here, so that after one
 * seed changes the index is built from entries instead of reading and segmenting every page again (most of
 * the indexer's time). Adding the same entries in the same order gives the same bytes (part.test.ts), so a
 * rebuild writes exactly the index of a full build.
 *
 * Safe by construction: an entry is used only for a page of the site being indexed whose URL and HTML are
 * those it was made from, and it is made only from pages that are indexed (a preview page is refused before
 * it is analysed, so no draft is ever cached). The file starts with a salt: a digest of the indexer's code and
 * of the Node, ICU and zlib versions (segmentation and compression depend on them); any change empties the
 * cache. A build's new entries go to a side file, appended to the cache when the build succeeds (a build that
 * fails leaves the cache as it was); the file is rewritten with only the build's pages when a page left the
 * site (so a page that became a draft leaves the cache too), when more than half of it is old versions of
 * changed pages, or when the salt changed. Where each entry lies is kept in the index state (index-state.ts),
 * so a rebuild reads only the entries it needs; without it, reading keeps only each key's place.
 *
 * Layout: `<dir>/entries.jsonl`, first line `{"salt":…}`, then one `<key> <part line>` per page.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PartReader } from './part.ts';

const FILE = 'entries.jsonl';
/** Hex digits of a key. */
const KEY_LENGTH = 64;

/** The files whose code decides a page's entry (this folder's indexer, and the text rules it shares with the client). */
const CODE = ['extract.ts', 'tokenize.ts', 'pagefind-writer.ts', 'chunks.ts', 'order.ts', 'cbor-encode.ts', 'part.ts', 'entry-cache.ts', 'index-state.ts', 'index-site.ts', '../../src/domain/text.ts'];

/** The salt of this indexer: its code and the runtime versions its output depends on. */
export function indexerSalt(): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([process.versions.node, process.versions.icu, process.versions.zlib, process.versions.unicode]));
  for (const f of CODE) h.update(readFileSync(join(import.meta.dirname, f)));
  const entities = join(import.meta.dirname, '../../node_modules/entities/package.json');
  if (existsSync(entities)) h.update((JSON.parse(readFileSync(entities, 'utf8')) as { version: string }).version);
  return h.digest('hex');
}

/** The cache key of a page: its URL and HTML. */
export function pageKey(url: string, html: string): string {
  return createHash('sha256').update(url).update('\u0000').update(html).digest('hex');
}

export interface CacheStats {
  /** Pages whose entry was taken from the cache. */
  reused: number;
  /** Pages analysed (not in the cache, or changed). */
  analysed: number;
}

/**
 * Where the cache's entries lie in its file, as the last build left it (kept in the index state,
 * index-state.ts, so that a rebuild need not read the whole file to find them): the file's inode and size,
 * and each key's byte offset and length.
 */
export interface EntryPlaces {
  ino: number;
  size: number;
  places: [key: string, offset: number, length: number][];
}

export class EntryCache {
  private readonly file: string;
  /** This build's new entries, appended to the file at `commit` (a failed build leaves the file as it was). */
  private readonly side: string;
  private readonly salt: string;
  /** Key → where its part line lies in the old file (byte offset and length). */
  private readonly places = new Map<string, [number, number]>();
  private readonly fd: number | null;
  private readonly out: number;
  private sideBytes = 0;
  private sideStart = 0;
  /** This build's pages: key → place in the old file, or (`fresh`) in the side file. */
  private readonly live = new Map<string, { at: number; length: number; fresh: boolean }>();
  readonly stats: CacheStats = { reused: 0, analysed: 0 };

  /**
   * `known`: where the entries lie, from the last build's index state; used when the file is still the one
   * it describes (same inode, not shorter), else the file is read to find them.
   */
  constructor(dir: string, salt = indexerSalt(), known?: EntryPlaces) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, FILE);
    this.side = join(dir, `${FILE}.new-${process.pid}`);
    this.salt = salt;
    this.fd = this.index(known);
    this.out = openSync(this.side, 'w+');
    // The side file starts as a cache file does, so that a first build's can become the cache as it is.
    this.sideStart = this.sideBytes = writeSync(this.out, `${JSON.stringify({ salt })}\n`, 0);
  }

  /** Finds the old file's keys and places; its descriptor, or null when there is none or its salt differs. */
  private index(known?: EntryPlaces): number | null {
    if (!existsSync(this.file)) return null;
    const reader = new PartReader(this.file);
    try {
      const head = reader.take();
      if (head === null || (JSON.parse(head) as { salt?: string }).salt !== this.salt) return null;
      const stat = statSync(this.file);
      if (known && stat.ino === known.ino && stat.size >= known.size) {
        for (const [key, at, length] of known.places) this.places.set(key, [at, length]);
        return openSync(this.file, 'r');
      }
      let offset = Buffer.byteLength(head) + 1;
      for (let line = reader.take(); line !== null; line = reader.take()) {
        const bytes = Buffer.byteLength(line);
        if (line.length > KEY_LENGTH + 1 && line[KEY_LENGTH] === ' ') {
          this.places.set(line.slice(0, KEY_LENGTH), [offset + KEY_LENGTH + 1, bytes - KEY_LENGTH - 1]);
        }
        offset += bytes + 1;
      }
    } catch {
      this.places.clear();
      return null;
    } finally {
      reader.close();
    }
    return openSync(this.file, 'r');
  }

  /** True when `key` is cached (its entry is then kept for the next build, without being read). */
  keep(key: string): boolean {
    const place = this.places.get(key);
    if (!place || this.fd === null) return false;
    if (!this.live.has(key)) {
      this.live.set(key, { at: place[0], length: place[1], fresh: false });
      this.stats.reused++;
    }
    return true;
  }

  /**
   * The part line cached for `key` (or put in this build), or null; reading it does not keep it for the
   * next build (`get`, `keep` do).
   */
  peek(key: string): string | null {
    const fresh = this.live.get(key);
    if (fresh?.fresh) {
      const buffer = Buffer.alloc(fresh.length);
      readSync(this.out, buffer, 0, fresh.length, fresh.at);
      return buffer.toString('utf8');
    }
    const place = this.places.get(key);
    if (!place || this.fd === null) return null;
    const buffer = Buffer.alloc(place[1]);
    readSync(this.fd, buffer, 0, place[1], place[0]);
    return buffer.toString('utf8');
  }

  /** The part line cached for `key` (kept for the next build), or null. */
  get(key: string): string | null {
    const line = this.peek(key);
    if (line !== null) this.keep(key);
    return line;
  }

  /** Records the part line of a page analysed in this build. */
  put(key: string, line: string): void {
    if (this.live.has(key)) return;
    const text = `${key} ${line}\n`;
    const bytes = Buffer.byteLength(text);
    writeSync(this.out, text, this.sideBytes);
    this.live.set(key, { at: this.sideBytes + KEY_LENGTH + 1, length: bytes - KEY_LENGTH - 2, fresh: true });
    this.sideBytes += bytes;
  }

  /**
   * Keeps this build's pages for the next build: their entries are appended to the file, which is rewritten
   * with only them when `compact` (a page left the site: its entry must not stay), when more than half of it
   * is entries no build uses any more, or when it was made by another indexer. Returns where they lie.
   */
  commit(compact = false): EntryPlaces {
    this.close();
    const liveBytes = [...this.live.values()].reduce((n, p) => n + p.length, 0);
    const size = this.fd === null ? 0 : statSync(this.file).size;
    let places: EntryPlaces['places'];
    if (this.fd !== null && !compact && size - liveBytes <= liveBytes) {
      places = [];
      for (const [key, p] of this.live) places.push([key, p.fresh ? p.at - this.sideStart + size : p.at, p.length]);
      if (this.sideBytes > this.sideStart) appendFileSync(this.file, readFileSync(this.side).subarray(this.sideStart));
      rmSync(this.side, { force: true });
    } else if ([...this.live.values()].every((p) => p.fresh)) {
      // Every entry is new (a first build, or every page changed): the side file is the cache.
      places = [...this.live].map(([key, p]) => [key, p.at, p.length]);
      renameSync(this.side, this.file);
    } else {
      places = this.rewrite();
    }
    if (this.fd !== null) closeSync(this.fd);
    this.committed = true;
    const stat = statSync(this.file);
    return { ino: stat.ino, size: stat.size, places };
  }

  /** Writes the file anew with this build's pages only. */
  private rewrite(): EntryPlaces['places'] {
    const next = join(this.file, `../${FILE}.tmp-${process.pid}`);
    const fd = openSync(next, 'w');
    const side = openSync(this.side, 'r');
    try {
      let offset = writeSync(fd, `${JSON.stringify({ salt: this.salt })}\n`);
      const places: EntryPlaces['places'] = [];
      for (const [key, p] of this.live) {
        const buffer = Buffer.alloc(p.length);
        readSync(p.fresh ? side : this.fd!, buffer, 0, p.length, p.at);
        offset += writeSync(fd, `${key} `);
        places.push([key, offset, p.length]);
        offset += writeSync(fd, buffer);
        offset += writeSync(fd, '\n');
      }
      closeSync(fd);
      renameSync(next, this.file);
      return places;
    } catch (e) {
      closeSync(fd);
      rmSync(next, { force: true });
      throw e;
    } finally {
      closeSync(side);
      rmSync(this.side, { force: true });
    }
  }

  /** Leaves the previous cache as it was. */
  abort(): void {
    this.close();
    if (this.committed) return;
    this.committed = true;
    if (this.fd !== null) closeSync(this.fd);
    rmSync(this.side, { force: true });
  }

  private closed = false;
  private committed = false;

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.out);
  }
}
