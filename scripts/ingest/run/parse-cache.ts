/**
 * The parse cache: what parsing a seed gave (its record's JSON, its summary, its diagnostics), kept so that
 * a re-ingest after one seed changed parses that seed only. Outside content/ (default
 * `node_modules/.cache/gongkai/ingest/`, beside Vite's and Astro's caches); content/ is the same bytes with
 * or without it (the ingest's `--no-cache` turns it off).
 *
 * An entry is keyed by everything a seed's outcome depends on (`seedKey`): the cache format, the parser's
 * version (`parserVersion`: the digest of every module the ingest loads — its code and what it uses of
 * src/domain —, the versions of the libraries it parses with, Node's and ICU's), the seed's name as the record and the diagnostics give it,
 * the name and bytes of each of its files, and its sidecar's values. Nothing else goes into a record: the
 * release date is decided when the site is built, not here. Early failures (a link, a bad sidecar, an
 * unreadable file) are found again on every run before the key is taken; they cost nothing to find.
 *
 * Layout: `entries/<key>.json` — the SHA-256 of the rest on the first line, then the outcome (file,
 * diagnostics, summary, and the record file's digest, size, inode and mtime); `records/<sha256>.json` — a
 * record's JSON as parsed (before the checks across files), never written into once made. An unchanged
 * seed's record in the new content/ is a hard link to that file, so a hit costs a stat and a link, no read;
 * a record file whose stat no longer matches its entry (written into, replaced) is read and its digest
 * checked, and a file or entry that does not check out is ignored: the seed is parsed again.
 * After a run, entries and record files that run did not use are removed (`prune`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../errors.ts';
import type { Sidecar } from '../../../src/domain/schema/sidecar.ts';

/** Bump when the entries' layout changes. */
const FORMAT = 1;

/** The default cache's folder, relative to the working folder: one sub-folder per content folder (`defaultParseCache`). */
const DEFAULT_PARSE_CACHE = 'node_modules/.cache/gongkai/ingest';
/** A sub-folder of DEFAULT_PARSE_CACHE whose content folder is gone is removed once it has not been used for this long. */
const UNUSED_MS = 3_600_000;

/** A parse cache as jobs carry it to the worker threads (structured-clonable). */
export interface ParseCache {
  dir: string;
  /** `parserVersion()`. */
  version: string;
}

/**
 * One seed read but not parsed yet (parse-file.ts `readSeed`): everything its record and diagnostics depend
 * on besides the parser — its files' names and bytes, its sidecar's values.
 */
export interface ReadSeed {
  /** The seed as the user gave it (relative to the working folder): what diagnostics name. */
  file: string;
  /** The disclosure's name in the record (relative to seeds/). */
  name: string;
  /** True for a seed that is one file (not a folder of files). */
  single: boolean;
  /**
   * Its files: `file` as the record names it (relative to seeds/), `shown` as diagnostics do, `path`
   * absolute; `bytes` null when the file was not read because its stat (`stamp`) is that of a known
   * `digest` (KnownDigests: only to look in the cache); `readAt` when it was read.
   */
  parts: { file: string; shown: string; path: string; stamp: string | null; bytes: Uint8Array | null; digest?: string; readAt: number }[];
  sidecar: Sidecar;
}

/** What a seed's parse gave, as an entry keeps it (`S`: the ingest's summary of its record). */
interface CachedOutcome<S> {
  file: string;
  diagnostics: Diagnostic[];
  summary: S | null;
  record: RecordRef | null;
}

/** A record file of the cache: its digest and size, and the stat it had when its entry was written. */
interface RecordRef {
  sha256: string;
  size: number;
  ino: number;
  mtimeMs: number;
}

/** Libraries whose output goes into a record (readers, slugs, sidecars' YAML and schemas). */
const LIBRARIES = ['pdfjs-dist', 'mammoth', 'iconv-lite', 'pinyin-pro', 'yaml', 'unified', 'rehype-parse', 'hast-util-to-text', 'astro', 'zod'];
/** Where the code a record (and glossary.json) depends on starts: every module these import, directly or not, is part of the parser's version. */
const ENTRIES = ['scripts/ingest/run/corpus.ts'];
const ROOT = join(import.meta.dirname, '../../..');

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Relative module specifiers of a module's source: static imports and re-exports, side-effect and dynamic imports. */
const IMPORTS = /(?:\b(?:import|export)\b[^'";]*?\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The project's modules `entries` load (paths relative to `root`, sorted): followed through relative imports. */
export function moduleClosure(root: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    let source: string;
    try {
      source = readFileSync(join(root, rel), 'utf8');
    } catch {
      return; // a missing module: its name is still part of the version
    }
    for (const m of source.matchAll(IMPORTS)) visit(relative(root, join(root, dirname(rel), m[1]!)));
  };
  for (const e of entries) visit(e);
  return [...seen].sort();
}

let version: string | null = null;
/**
 * The parser's version: a digest of the modules the ingest loads (`moduleClosure` of ENTRIES: its code and
 * the parts of src/domain it uses — a page-only change elsewhere does not make every seed parse again) and of
 * the versions it runs on; `root` the project's folder.
 */
export function parserVersion(root = ROOT, entries: readonly string[] = ENTRIES): string {
  if (version && root === ROOT && entries === ENTRIES) return version;
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\nnode ${process.versions.node} icu ${process.versions.icu} unicode ${process.versions.unicode}\n`);
  for (const name of LIBRARIES) {
    let v = 'absent';
    try {
      v = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // not installed: its absence is part of the version
    }
    h.update(`${name} ${v}\n`);
  }
  for (const f of moduleClosure(root, entries)) {
    h.update(`${f}\n`);
    try {
      h.update(readFileSync(join(root, f)));
    } catch {
      h.update('missing');
    }
    h.update('\n');
  }
  const digest = h.digest('hex');
  if (root === ROOT && entries === ENTRIES) version = digest;
  return digest;
}

/** A cache in `dir` (created when first written to). */
export const openParseCache = (dir: string): ParseCache => ({ dir, version: parserVersion() });

/**
 * The default cache of a content folder: `DEFAULT_PARSE_CACHE/<digest of its absolute path>/`, so that a
 * run prunes (`prune`) only what runs into the same folder used — they never overlap (lock.ts). The
 * sub-folders of content folders that no longer exist (a test's, a bench's) are removed on the way. None
 * when the working folder has no node_modules/ (not a project's folder).
 */
export function defaultParseCache(contentDir: string): ParseCache | null {
  if (!existsSync('node_modules')) return null; // not run from a project's folder: no cache rather than a node_modules/ of its own
  const target = resolve(contentDir);
  const dir = join(DEFAULT_PARSE_CACHE, sha256(target).slice(0, 16));
  try {
    for (const name of readdirSync(DEFAULT_PARSE_CACHE)) {
      const other = join(DEFAULT_PARSE_CACHE, name);
      if (other === dir) continue;
      const stamp = join(other, 'content-dir');
      const st = lstatSync(stamp, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > UNUSED_MS && !existsSync(readFileSync(stamp, 'utf8'))) rmSync(other, { recursive: true, force: true });
    }
  } catch {
    // nothing to tidy, or it cannot be: the cache still works
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'content-dir'), target);
  } catch {
    // a cache that cannot be written is not used (store)
  }
  return openParseCache(dir);
}

/** The key of a seed's outcome: see the top of this file. */
export function seedKey(cache: ParseCache, seed: ReadSeed): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([FORMAT, cache.version, seed.file, seed.name, seed.single, seed.sidecar, seed.parts.map((p) => [p.file, p.shown])]));
  for (const p of seed.parts) h.update('\n').update(p.digest ??= sha256(p.bytes!));
  return h.digest('hex');
}

/** A seed file's digest as the last run took it, by its absolute path, with its stat then (`stampOf`). */
export type KnownDigests = Map<string, { stamp: string; digest: string }>;
/** A seed file's [absolute path, stamp, digest]. */
export type SeedDigest = [string, string, string];

/** What changes when a file is written or replaced (the change time cannot be set back by hand). */
export const stampOf = (st: Stats): string => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

/**
 * A file changed within this long before it was read keeps no stamp: two writes within the file system's
 * timestamp granularity (a clock tick, or seconds on some) could leave the same stat for other bytes.
 */
const SETTLED_MS = 2000;

/** The digests of `seed`'s files (after `seedKey`) that the next run may take by their stat. */
export function trustedDigests(seed: ReadSeed): SeedDigest[] {
  return seed.parts.flatMap((p) => {
    if (!p.stamp || !p.digest) return [];
    if (p.bytes && p.readAt - Number(p.stamp.split(':')[4]) < SETTLED_MS) return [];
    return [[p.path, p.stamp, p.digest] as SeedDigest];
  });
}

const digestsPath = (cache: ParseCache): string => join(cache.dir, 'digests.json');

/** The digests the last run kept (`saveDigests`); none when the file is missing or does not check out. */
export function loadDigests(cache: ParseCache): KnownDigests {
  const out: KnownDigests = new Map();
  try {
    const text = readFileSync(digestsPath(cache), 'utf8');
    const nl = text.indexOf('\n');
    const body = text.slice(nl + 1);
    if (text.slice(0, nl) !== sha256(body)) return out;
    const d = JSON.parse(body) as { format: number; digests: SeedDigest[] };
    if (d.format !== FORMAT) return out;
    for (const [path, stamp, digest] of d.digests) out.set(path, { stamp, digest });
  } catch {
    // none, or not usable: every seed is read
  }
  return out;
}

/** Keeps this run's digests for the next (replacing the last run's). Never throws. */
export function saveDigests(cache: ParseCache, digests: readonly SeedDigest[]): void {
  const body = JSON.stringify({ format: FORMAT, digests });
  try {
    writeAtomic(digestsPath(cache), `${sha256(body)}\n${body}`);
  } catch {
    // the next run reads every seed
  }
}

const entryPath = (cache: ParseCache, key: string): string => join(cache.dir, 'entries', `${key}.json`);
const recordPath = (cache: ParseCache, sha: string): string => join(cache.dir, 'records', `${sha}.json`);

/** Writes `bytes` at `path` atomically (a fresh file renamed into place: a reader never sees half of it). */
function writeAtomic(path: string, bytes: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${randomUUID()}`;
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The entry for `key`, or null when there is none or it does not check out (corrupt, another key's, another format). */
export function lookup<S>(cache: ParseCache, key: string): CachedOutcome<S> | null {
  let text: string;
  try {
    text = readFileSync(entryPath(cache, key), 'utf8');
  } catch {
    return null;
  }
  const nl = text.indexOf('\n');
  const body = text.slice(nl + 1);
  if (nl !== 64 || text.slice(0, nl) !== sha256(body)) return null;
  try {
    const e = JSON.parse(body) as { format: number; key: string; outcome: CachedOutcome<S> };
    return e.format === FORMAT && e.key === key ? e.outcome : null;
  } catch {
    return null;
  }
}

/** Keeps a seed's outcome; `recordJson` is its record's JSON as written into content/ (null: no record). Never throws: a cache that cannot be written is not used. */
export function store<S>(cache: ParseCache, key: string, outcome: Omit<CachedOutcome<S>, 'record'>, recordJson: string | null): RecordRef | null {
  try {
    const record = recordJson === null ? null : keepRecord(cache, Buffer.from(recordJson, 'utf8'));
    const body = JSON.stringify({ format: FORMAT, key, outcome: { ...outcome, record } });
    writeAtomic(entryPath(cache, key), `${sha256(body)}\n${body}`);
    return record;
  } catch {
    return null;
  }
}

/** The record file for `bytes`: the one already there if it holds these bytes, else a new one. */
function keepRecord(cache: ParseCache, bytes: Buffer): RecordRef {
  const sha = sha256(bytes);
  const path = recordPath(cache, sha);
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!(st?.isFile() && st.size === bytes.length && bytes.equals(readFileSync(path)))) writeAtomic(path, bytes);
  const now = lstatSync(path);
  return { sha256: sha, size: bytes.length, ino: now.ino, mtimeMs: now.mtimeMs };
}

/** True when `st` is the record file `ref` describes, unchanged since its entry was written. */
const sameFile = (st: Stats | undefined, ref: RecordRef): boolean =>
  !!st?.isFile() && st.size === ref.size && st.ino === ref.ino && st.mtimeMs === ref.mtimeMs;

/**
 * Puts the cached record `ref` at `target` (in the new content folder), a hard link to the cache's file;
 * `previous` is the same record's file in the current content/. Returns how it got there ('linked': the
 * same bytes as `previous`), or null when the cache's file does not check out (the seed must be parsed).
 */
export function placeRecord(cache: ParseCache, ref: RecordRef, target: string, previous: string): 'linked' | 'written' | null {
  const path = recordPath(cache, ref.sha256);
  const st = lstatSync(path, { throwIfNoEntry: false });
  let bytes: Buffer | null = null;
  if (!sameFile(st, ref)) {
    // Replaced or written into since: usable only if it still holds the bytes its digest names.
    try {
      bytes = readFileSync(path);
    } catch {
      return null;
    }
    if (bytes.length !== ref.size || sha256(bytes) !== ref.sha256) return null;
  }
  const prev = lstatSync(previous, { throwIfNoEntry: false });
  try {
    linkSync(path, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
    // another file system, the link limit, or the file is gone: a copy, or parse the seed
    try {
      bytes ??= readFileSync(path);
    } catch {
      return null;
    }
    if (bytes.length !== ref.size || sha256(bytes) !== ref.sha256) return null;
    writeFileSync(target, bytes, { flag: 'wx' });
  }
  if (!prev?.isFile() || prev.size !== ref.size) return 'written';
  if (st && prev.ino === st.ino && prev.dev === st.dev) return 'linked';
  return (bytes ?? readFileSync(path)).equals(readFileSync(previous)) ? 'linked' : 'written';
}

/**
 * A text derived from many records (glossary.json): the one stored under `name` when it was made from the
 * same `inputs` by this parser version, else `make()`'s, stored (replacing the last one). A stored text
 * that does not check out is made again. Never throws for the cache's sake.
 */
export function derivedText(cache: ParseCache, name: string, inputs: string, make: () => string): string {
  const key = sha256(`${FORMAT}\n${cache.version}\n${name}\n${inputs}`);
  const path = join(cache.dir, `${name}.txt`);
  try {
    const text = readFileSync(path, 'utf8');
    const nl = text.indexOf('\n');
    // The key first: the text (17 MB at 10,000 records) is hashed only when it is the one wanted.
    if (text.slice(nl + 1, nl + 65) === key && text.slice(0, nl) === sha256(text.slice(nl + 1))) return text.slice(nl + 1 + 65);
  } catch {
    // none yet, or unreadable: made below
  }
  const body = make();
  const rest = `${key}\n${body}`;
  try {
    writeAtomic(path, `${sha256(rest)}\n${rest}`);
  } catch {
    // a cache that cannot be written is not used
  }
  return body;
}

/** Removes the entries not in `keys` and the record files they alone used. Never throws. */
export function prune(cache: ParseCache, keys: ReadonlySet<string>, records: ReadonlySet<string>): void {
  const clean = (sub: string, keep: (name: string) => boolean) => {
    let names: string[];
    try {
      names = readdirSync(join(cache.dir, sub));
    } catch {
      return;
    }
    for (const n of names) if (!keep(n)) rmSync(join(cache.dir, sub, n), { force: true });
  };
  clean('entries', (n) => keys.has(n.slice(0, -'.json'.length)));
  clean('records', (n) => records.has(n.slice(0, -'.json'.length)));
}
