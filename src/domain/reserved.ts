/**
 * First path segments taken by the site's fixed pages (src/pages/*) and build output: no district or unit
 * slug may be one (the ingest avoids them, src/domain/slug.ts; a test checks that every top-level entry
 * of src/pages is here). No imports: the browser's search script reads it through src/lib/routes.ts.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'years', 'data', 'glossary', 'search', 'guide', 'about', 'quality', 'pagefind', '_astro', '404', 'sitemap.xml',
  'robots.txt', 'index', 'records', 'favicon.svg', '_headers', 'feed.xml', 'atom.xml', 'sitemap-index.xml', 'sitemap-0.xml',
]);
