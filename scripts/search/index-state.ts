/**
 * What the last cached index run of an output folder left (index-site.ts `updateSite`), for the next one: each
 * HTML file's stat stamp and what it was (a page and its cache key, a preview, or nothing to index), the pages
 * in index order with what the bundle lists of them, the word chunks' ranges and digests, the bundle files
 * written (digest of their unpacked content and stat stamp), and where the entry cache's entries lie.
 *
 * Kept beside the entry cache (`<cache>/index-state.bin`, v8 serialisation), written atomically after the
 * bundle; read only when its salt (the indexer's, entry-cache.ts) and output folder match, and ignored when
 * it cannot be read (the run then indexes as a first build would).
 */
import { fstatSync, renameSync, readFileSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { EntryPlaces } from './entry-cache.ts';

const FILE = 'index-state.bin';
const VERSION = 1;

/** What an HTML file was when last indexed: nothing to index, a page, a preview page (refused). */
export const FileKind = { None: 0, Page: 1, Refused: 2 } as const;
export type FileKind = (typeof FileKind)[keyof typeof FileKind];

/** A file: path (relative, `/`), stat stamp, whether the stamp may be trusted, kind, cache key (pages). */
export type FileState = [file: string, stamp: string, trusted: boolean, kind: FileKind, key: string | null];

/** A page of the index, without its words. */
export interface PageState {
  file: string;
  url: string;
  key: string;
  sha: string;
  wordCount: number;
  metaKeys: string[];
  filters: [string, string[]][];
}

export interface IndexState {
  version: number;
  salt: string;
  outDir: string;
  /** When the run began (ms since the epoch): files changed less than a margin before it are not trusted. */
  started: number;
  files: FileState[];
  pages: PageState[];
  /** Metadata field names in id order. */
  fields: string[];
  chunks: { from: string; to: string; sha: string; hash: string }[];
  /** Bundle files: path under the bundle folder, SHA-256 of the unpacked content, stat stamp. */
  outputs: [path: string, sha: string, stamp: string][];
  entries: EntryPlaces;
}

/**
 * A file's stat stamp: device, inode, size, modification and change times in nanoseconds. Writing a file
 * changes its change time (which no tool can set back), and replacing it changes its inode.
 */
export function stampOf(path: string): { stamp: string; ctimeMs: number } {
  return stampFrom(statSync(path, { bigint: true }));
}

/** The stamp of an open file (one just written). */
export const stampOfFd = (fd: number): string => stampFrom(fstatSync(fd, { bigint: true })).stamp;

function stampFrom(s: BigIntStats): { stamp: string; ctimeMs: number } {
  return { stamp: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, ctimeMs: Number(s.ctimeNs / 1_000_000n) };
}

/** The last run's state for `outDir`, or null (none, another indexer or folder, unreadable). */
export function readState(dir: string, salt: string, outDir: string): IndexState | null {
  try {
    const state = deserialize(readFileSync(join(dir, FILE))) as IndexState;
    if (state?.version !== VERSION || state.salt !== salt || state.outDir !== outDir) return null;
    if (!Array.isArray(state.files) || !Array.isArray(state.pages) || !Array.isArray(state.chunks) || !Array.isArray(state.outputs)) return null;
    return state;
  } catch {
    return null;
  }
}

/** Replaces the state (atomically). */
export function writeState(dir: string, state: Omit<IndexState, 'version'>): void {
  const next = join(dir, `${FILE}.tmp-${process.pid}`);
  writeFileSync(next, serialize({ version: VERSION, ...state }));
  renameSync(next, join(dir, FILE));
}
