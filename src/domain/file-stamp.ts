/**
 * A file's stat stamp — modification time, size and inode — the test every cache of this project uses for
 * "is this still the file I read?". It holds because nothing here writes into a file in place: the ingest
 * replaces a changed record file by a new one (a new inode) and hard-links an unchanged one into its new
 * content/ (same inode and time), and the build writes a page as a new file. (The ingest's parse cache and
 * the search index's state, which must also see files edited by hand, add the device and ctime.)
 */
import { statSync, type Stats } from 'node:fs';

/** The stamp of stats already taken. */
export const statStamp = (s: Pick<Stats, 'mtimeMs' | 'size' | 'ino'>): string => `${s.mtimeMs}:${s.size}:${s.ino}`;

/** The stamp of the file at `path`, or `missing` when it cannot be stat'ed (absent, unreadable). */
export function fileStampOr(path: string, missing: string): string {
  try {
    return statStamp(statSync(path));
  } catch {
    return missing;
  }
}
