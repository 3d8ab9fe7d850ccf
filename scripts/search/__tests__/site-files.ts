/** Test helpers: a site written from path → HTML, and a folder's files read back. */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Writes `pages` (path → HTML) into `dir`, which is emptied first. */
export function writeSite(dir: string, pages: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  writeInto(dir, pages);
}

/** Writes `pages` into `dir`, leaving its other files. */
export function writeInto(dir: string, pages: Record<string, string>): void {
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
}

/** Every file of `dir`, by path relative to it. */
export function files(dir: string, out = new Map<string, Buffer>(), root = dir): Map<string, Buffer> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out, root);
    else out.set(relative(root, path), readFileSync(path));
  }
  return out;
}
