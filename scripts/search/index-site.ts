/**
 * Builds the Pagefind search index of a built site (an Astro outDir) with the Pagefind Node API.
 *
 * - Only pages that mark a `data-pagefind-body` region are indexed, and only that region (Pagefind
 *   ignores the rest of the page); the unit-year pages mark their <main> (Base layout `search` prop).
 * - A page whose HTML carries the preview banner (预览稿) is never indexed, even if a preview build is
 *   indexed by mistake: drafts are excluded by construction (production builds never render them) and
 *   again here.
 * - Language is forced to zh-cn, so Pagefind segments the text into Chinese words.
 * - Only the index data is written (`pagefind-entry.json`, `*.pf_meta`, `index/`, `filter/`, `fragment/`):
 *   Pagefind's own UI and WebAssembly search cannot run under the site's CSP (no 'wasm-unsafe-eval'),
 *   so src/client/search.ts reads the data instead, and shipping them would be dead weight.
 * Files are added in code-point order of their path, so two runs over the same site write the same bytes.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';

/** The bundle folder inside the site; the search client reads `<base>pagefind/`. */
export const BUNDLE_DIR = 'pagefind';
/** The language every page is indexed as. */
export const LANGUAGE = 'zh-cn';

const BODY = /<[a-z][^>]*\sdata-pagefind-body[\s=/>]/i;
const PREVIEW_BANNER = /<[a-z][^>]*\sclass="(?:[^"]*\s)?banner-preview[\s"]/i;
const DATA_FILE = /(^pagefind-entry\.json$|\.pf_meta$|^(index|filter|fragment)\/)/;

export interface IndexReport {
  /** URLs indexed, in index (page number) order. */
  indexed: string[];
  /** Site paths of pages refused because they carry the preview banner. */
  refused: string[];
  /** Paths of the files written under the bundle folder. */
  written: string[];
}

/** True when the page's HTML shows the 预览稿 banner (a preview build). */
export const isPreviewPage = (html: string): boolean => PREVIEW_BANNER.test(html);

/** True when the page marks a region for the search index. */
export const hasSearchBody = (html: string): boolean => BODY.test(html);

/** Site URL of an HTML file path relative to the outDir: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function pageUrl(relPath: string): string {
  const path = relPath.split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

async function htmlFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative(root, path) !== BUNDLE_DIR) out.push(...await htmlFiles(path, root));
    } else if (entry.name.endsWith('.html')) {
      out.push(relative(root, path));
    }
  }
  return out;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function check(what: string, errors: string[]): void {
  if (errors.length) throw new Error(`pagefind ${what}: ${errors.join('; ')}`);
}

/** Indexes `outDir` and writes the index data to `<outDir>/pagefind/`, replacing any earlier index. */
export async function indexSite(outDir: string): Promise<IndexReport> {
  const report: IndexReport = { indexed: [], refused: [], written: [] };
  // Paths are compared as UTF-16 strings; they are ASCII (slugs), so this is code-point order too.
  const files = (await htmlFiles(outDir)).map((f) => f.split(sep).join('/')).sort(byCodePoint);
  const created = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  check('createIndex', created.errors);
  const index = created.index!;
  try {
    for (const file of files) {
      const html = await readFile(join(outDir, file), 'utf8');
      if (isPreviewPage(html)) {
        report.refused.push(pageUrl(file));
        continue;
      }
      if (!hasSearchBody(html)) continue;
      const added = await index.addHTMLFile({ url: pageUrl(file), content: html });
      check(`addHTMLFile ${file}`, added.errors);
      report.indexed.push(added.file.url);
    }
    const { files: out, errors } = await index.getFiles();
    check('getFiles', errors);
    const bundle = join(outDir, BUNDLE_DIR);
    await rm(bundle, { recursive: true, force: true });
    for (const f of [...out].sort((a, b) => byCodePoint(a.path, b.path))) {
      if (!DATA_FILE.test(f.path)) continue;
      await mkdir(dirname(join(bundle, f.path)), { recursive: true });
      await writeFile(join(bundle, f.path), f.content);
      report.written.push(f.path);
    }
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  return report;
}
