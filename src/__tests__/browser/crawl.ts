/**
 * Link checker over a built site's files: every href, src and form action in every HTML file that points
 * inside the site must name a file of the build (a `…/` URL its index.html), and every `#fragment` must be
 * an id (or <a name>) in the target page, including the `#L12` source-line anchors. Links are resolved the
 * way a browser does, from the page's own URL under the site's base.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const TAG = /<(a|area|link|script|img|source|form|iframe|use)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const URL_ATTR = /\s(href|src|action|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
const ID_ATTR = /<[a-z][^>]*?\s(?:id|name)\s*=\s*"([^"]*)"/gi;
const ORIGIN = 'http://site.test';

/** Decodes the character references Astro writes in attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? '';
  });
}

/** Every file of `dir`, as paths relative to it with '/' separators. */
export function siteFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** URL path of an HTML file under `base`: `a/index.html` → `/base/a/`. */
export function pagePath(file: string, base: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The internal links of one HTML document: attribute name and raw (decoded) value. */
export function linksOf(html: string): { attr: string; value: string }[] {
  const out: { attr: string; value: string }[] = [];
  for (const [, , attrs] of html.matchAll(TAG)) {
    for (const m of attrs!.matchAll(URL_ATTR)) {
      const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
      const attr = m[1]!.toLowerCase();
      if (attr === 'srcset') {
        for (const candidate of value.split(',')) out.push({ attr, value: candidate.trim().split(/\s+/)[0]! });
      } else {
        out.push({ attr, value });
      }
    }
  }
  return out;
}

/** Ids (and anchor names) defined in a document. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(ID_ATTR)].map((m) => decodeEntities(m[1]!)));
}

export interface CrawlResult {
  pages: number;
  links: number;
  /** `page: link — problem` for each broken link. */
  broken: string[];
}

/** Checks every link of every HTML file in `dir`, a site built for `base` ('/' or '/sub/path/'). */
export function crawl(dir: string, base: string): CrawlResult {
  const files = siteFiles(dir);
  const html = files.filter((f) => f.endsWith('.html'));
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let set = idCache.get(file);
    if (!set) idCache.set(file, (set = idsOf(readFileSync(join(dir, file), 'utf8'))));
    return set;
  };
  const result: CrawlResult = { pages: html.length, links: 0, broken: [] };
  for (const file of html) {
    const text = readFileSync(join(dir, file), 'utf8');
    const pageUrl = new URL(pagePath(file, base), ORIGIN);
    for (const { value } of linksOf(text)) {
      result.links++;
      const report = (problem: string) => result.broken.push(`${pageUrl.pathname}: ${value} — ${problem}`);
      if (/^\s*(javascript|vbscript|data):/i.test(value) && !/^data:image\//i.test(value)) {
        report('script or data URL');
        continue;
      }
      let target: URL;
      try {
        target = new URL(value, pageUrl);
      } catch {
        report('not a URL');
        continue;
      }
      if (target.origin !== ORIGIN) continue;
      if (!target.pathname.startsWith(base)) {
        report(`outside the base ${base}`);
        continue;
      }
      let path: string;
      try {
        path = decodeURIComponent(target.pathname.slice(base.length));
      } catch {
        report('bad percent-encoding');
        continue;
      }
      let targetFile = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!existsSync(join(dir, targetFile))) {
        report('no such file');
        continue;
      }
      if (statSync(join(dir, targetFile)).isDirectory()) {
        if (!existsSync(join(dir, targetFile, 'index.html'))) {
          report('a folder without index.html');
          continue;
        }
        targetFile = `${targetFile}/index.html`;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment !== '' && targetFile.endsWith('.html') && !ids(targetFile).has(fragment)) {
        report(`no element with id "${fragment}" in ${targetFile}`);
      }
    }
  }
  return result;
}
