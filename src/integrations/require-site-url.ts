/**
 * A production build needs the site's real address (canonical links, og:url, sitemap, robots.txt, feeds and
 * the open data all carry it). Astro tells an integration which command runs; on `astro build` without
 * GONGKAI_PREVIEW=1 and without an address (gongkai.config.ts `url` or GONGKAI_SITE), this prints how to set
 * one and stops before any page is written. Dev servers and preview builds use LOCAL_SITE.
 */
import type { AstroIntegration } from 'astro';
import { MISSING_URL_MESSAGE } from '../domain/site-config.ts';
import { previewMode } from '../domain/release.ts';

/** The address of dev servers and preview builds, which are never published. */
export const LOCAL_SITE = 'http://localhost:4321/';

export default function requireSiteUrl(opts: { configured: boolean }): AstroIntegration {
  return {
    name: 'gongkai:require-site-url',
    hooks: {
      // Only a real build starts one (tools that load the config, such as knip, set up no build).
      'astro:build:start': () => {
        if (!opts.configured && !previewMode()) {
          console.error(MISSING_URL_MESSAGE);
          process.exit(1);
        }
      },
    },
  };
}
