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
 * cache. The cache holds only the last build's pages and is replaced atomically; a build that fails keeps
 * the previous one. Reading keeps only each key's place in the old file, not the entries.
 *
 * Layout: `<dir>/entries.jsonl`, first line `{"salt":…}`, then one `<key> <part line>` per page.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PartReader, PartWriter } from './part.ts';

const FILE = 'entries.jsonl';
/** Hex digits of a key. */
const KEY_LENGTH = 64;

/** The files whose code decides a page's entry (this folder's indexer, and the text rules it shares with the client). */
const CODE = ['extract.ts', 'tokenize.ts', 'pagefind-writer.ts', 'cbor-encode.ts', 'part.ts', 'entry-cache.ts', '../../src/domain/text.ts'];

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

export class EntryCache {
  private readonly file: string;
  private readonly next: string;
  private readonly salt: string;
  /** Key → where its part line lies in the old file (byte offset and length). */
  private readonly places = new Map<string, [number, number]>();
  private readonly fd: number | null;
  private readonly out: PartWriter;
  private readonly written = new Set<string>();
  readonly stats: CacheStats = { reused: 0, analysed: 0 };

  constructor(dir: string, salt = indexerSalt()) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, FILE);
    this.next = join(dir, `${FILE}.tmp-${process.pid}`);
    this.salt = salt;
    this.fd = this.index();
    this.out = new PartWriter(this.next);
    this.out.write(JSON.stringify({ salt }));
  }

  /** Reads the old file's keys and places; its descriptor, or null when there is none or its salt differs. */
  private index(): number | null {
    if (!existsSync(this.file)) return null;
    const reader = new PartReader(this.file);
    try {
      const head = reader.take();
      if (head === null || (JSON.parse(head) as { salt?: string }).salt !== this.salt) return null;
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

  /** The part line cached for `key` (kept for the next build), or null. */
  get(key: string): string | null {
    const place = this.places.get(key);
    if (!place || this.fd === null) return null;
    const buffer = Buffer.alloc(place[1]);
    readSync(this.fd, buffer, 0, place[1], place[0]);
    const line = buffer.toString('utf8');
    this.put(key, line);
    this.stats.reused++;
    return line;
  }

  /** Records the part line of a page analysed in this build. */
  put(key: string, line: string): void {
    if (this.written.has(key)) return;
    this.written.add(key);
    this.out.write(`${key} ${line}`);
  }

  /** Replaces the cache with this build's pages. */
  commit(): void {
    this.close();
    renameSync(this.next, this.file);
  }

  /** Leaves the previous cache as it was. */
  abort(): void {
    this.close();
    rmSync(this.next, { force: true });
  }

  private closed = false;

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.out.close();
    if (this.fd !== null) closeSync(this.fd);
  }
}
