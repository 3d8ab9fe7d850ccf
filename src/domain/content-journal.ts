/**
 * What the dev server's seed watcher (scripts/ingest/run/live.ts) changed in content/, told to the site's
 * reader (src/lib/records.ts) in the same process, so that after an edit the reader re-reads the record
 * files that changed instead of listing and stat-ing all of them (≈ 0.3 s at 10,000 records).
 *
 * A content/ version is index.json's stat stamp (the ingest writes it last, always). Each entry says which
 * record files one update wrote or removed between two versions; a reader that knows version A and finds
 * version B applies the entries from A to B, and falls back to a full listing when there is no such chain
 * (content/ rewritten by `npm run ingest`, by hand, or by another process).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One update of content/: record files (relative to content/, `records/…`) written and removed. */
export interface ContentChange {
  from: string;
  to: string;
  written: readonly string[];
  removed: readonly string[];
}

/** Entries kept per content folder (a reader more updates behind lists content/ again). */
const KEEP = 200;

const KEY = Symbol.for('gongkai.content-journal');
const journal = (): Map<string, ContentChange[]> => ((globalThis as { [KEY]?: Map<string, ContentChange[]> })[KEY] ??= new Map());

/** The version of content/ in `dir`: index.json's modification time and size; 'none' without one. */
export function contentStamp(dir: string): string {
  try {
    const s = statSync(join(dir, 'index.json'));
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'none';
  }
}

/** Notes an update of content/ in `dir` (paths relative to it; only record files are kept). */
export function noteContentChange(dir: string, change: ContentChange): void {
  const isRecord = (p: string): boolean => p.startsWith('records/') && p.endsWith('.json');
  const list = journal().get(resolve(dir)) ?? [];
  list.push({ ...change, written: change.written.filter(isRecord), removed: change.removed.filter(isRecord) });
  journal().set(resolve(dir), list.slice(-KEEP));
}

/**
 * The record files written and removed from version `from` to version `to` of content/ in `dir` (relative
 * paths; a file removed then written again counts as written), or null when the journal cannot tell.
 */
export function changesBetween(dir: string, from: string, to: string): { written: Set<string>; removed: Set<string> } | null {
  if (from === to) return { written: new Set(), removed: new Set() };
  const list = journal().get(resolve(dir)) ?? [];
  let start = -1;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.from === from) { start = i; break; }
  if (start < 0) return null;
  const written = new Set<string>();
  const removed = new Set<string>();
  let at = from;
  for (let i = start; i < list.length && at !== to; i++) {
    const c = list[i]!;
    if (c.from !== at) return null;
    for (const p of c.removed) { written.delete(p); removed.add(p); }
    for (const p of c.written) { removed.delete(p); written.add(p); }
    at = c.to;
  }
  return at === to ? { written, removed } : null;
}
