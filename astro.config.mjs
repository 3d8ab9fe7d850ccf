// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { shardPageUrls, sitemapOptions } from './src/lib/sitemap-options.ts';
import { shardInputs, shardJob } from './src/domain/shard.ts';
import seedWatcher from './scripts/ingest/run/seed-watcher.ts';
import downloads from './src/integrations/downloads.ts';
import deployCheck from './src/integrations/deploy-check.ts';
import shards from './src/integrations/shards.ts';
import searchIndex from './src/integrations/search-index.ts';
import keepOutput from './src/integrations/keep-output.ts';
import summaryCache from './src/integrations/summary-cache.ts';
import { unified } from '@astrojs/markdown-remark';
import { remarkGlossaryLinks } from './src/remark/glossary-links.ts';
import { contentDir, linkTerms, loadGlossary, visibleIdsFromManifest } from './src/lib/glossary.ts';
import { releaseToday } from './src/domain/release.ts';
import siteConfigInput from './gongkai.config.ts';
import { configuredSiteUrl, LOCAL_SITE, parseSiteConfig, SiteConfigError } from './src/domain/site-config.ts';
import requireSiteUrl from './src/integrations/require-site-url.ts';

// Hand-written Markdown/MDX pages (src/pages/*.mdx, all one level deep: /guide/, /about/) get glossary
// terms linked by the same remark plugin the unit-year pages use. Astro 7's default Markdown processor
// runs no remark plugins, hence the unified() processor. Links are relative (../glossary/#slug) so they
// work under any --base.
const preview = process.argv.includes('dev') || process.env.GONGKAI_PREVIEW === '1';
const dir = contentDir();
const glossary = loadGlossary(dir, visibleIdsFromManifest(dir, preview, releaseToday()));
const terms = linkTerms(glossary, (t) => `../glossary/#${t.slug}`);

// gongkai.config.ts gives the site's address and base path; a bad configuration prints what is wrong
// (not a stack trace) and stops.
/** @type {{ site: string | undefined, base: string, demo: boolean }} */
let where;
try {
  const config = parseSiteConfig(siteConfigInput);
  where = { site: configuredSiteUrl(config, process.env), base: config.base, demo: config.demo };
} catch (e) {
  if (!(e instanceof SiteConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}

// Sharded builds (src/domain/shard.ts): a shard writes no sitemap; the merge's lists the shards' pages too.
const job = shardJob();
const sitemaps = job.kind === 'shard' ? [] : [sitemap(sitemapOptions(job.kind === 'merge' ? shardPageUrls(shardInputs(), where.site ?? LOCAL_SITE) : []))];

// The site is served with a strict Content-Security-Policy (script-src 'self'; style-src 'self'):
// nothing may be inlined, so stylesheets are always files and no script or asset is ever inlined.
export default defineConfig({
  output: 'static',
  // Dev and preview builds need no address; a production build without one stops (require-site-url.ts),
  // unless this is the sample site (demo: true in gongkai.config.ts), which then warns and keeps crawlers out.
  site: where.site ?? LOCAL_SITE,
  base: where.base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The output folder is not emptied: a rebuild leaves unchanged pages where they are, and keep-output.ts
  // deletes whatever the build did not produce (and empties a folder the last build did not write).
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  markdown: {
    processor: unified({ remarkPlugins: [[remarkGlossaryLinks, { terms, scope: 'section' }]] }),
  },
  integrations: [deployCheck(), requireSiteUrl({ demo: where.demo }), mdx(), ...sitemaps, seedWatcher(), summaryCache(), downloads(), keepOutput(), shards(), searchIndex()],
  // A rebuild after one seed changed renders only the pages whose data changed: the record pages
  // return a `cacheKey` (a digest of what they render, src/lib/cache-keys.ts) and Astro copies
  // the others from its cache (node_modules/.astro/). Preview builds give no keys and render everything.
  experimental: { incrementalBuild: true },
});
