// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import seedWatcher from './scripts/ingest/run/seed-watcher.ts';
import downloads from './src/integrations/downloads.ts';
import deployCheck from './src/integrations/deploy-check.ts';
import shards from './src/integrations/shards.ts';
import { unified } from '@astrojs/markdown-remark';
import { remarkGlossaryLinks } from './src/remark/glossary-links.ts';
import { contentDir, linkTerms, loadGlossary, visibleIdsFromManifest } from './src/lib/glossary.ts';
import { releaseToday } from './src/domain/release.ts';

// Hand-written Markdown/MDX pages (src/pages/*.mdx, all one level deep: /guide/, /about/) get glossary
// terms linked by the same remark plugin the unit-year pages use. Astro 7's default Markdown processor
// runs no remark plugins, hence the unified() processor. Links are relative (../glossary/#slug) so they
// work under any --base.
const preview = process.argv.includes('dev') || process.env.GONGKAI_PREVIEW === '1';
const dir = contentDir();
const glossary = loadGlossary(dir, visibleIdsFromManifest(dir, preview, releaseToday()));
const terms = linkTerms(glossary, (t) => `../glossary/#${t.slug}`);

// The site is served with a strict Content-Security-Policy (script-src 'self'; style-src 'self'):
// nothing may be inlined, so stylesheets are always files and no script or asset is ever inlined.
export default defineConfig({
  output: 'static',
  site: process.env.GONGKAI_SITE ?? 'https://example.gov.cn',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    processor: unified({ remarkPlugins: [[remarkGlossaryLinks, { terms, scope: 'section' }]] }),
  },
  integrations: [deployCheck(), mdx(), seedWatcher(), downloads(), shards()],
  // A rebuild after one seed changed renders only the pages whose data changed: the record pages
  // return a `cacheKey` (a digest of what they render, src/lib/cache-keys.ts) and Astro copies
  // the others from its cache (node_modules/.astro/). Preview builds give no keys and render everything.
  experimental: { incrementalBuild: true },
});
