/**
 * A production build needs the site's real address (canonical links, og:url, sitemap, robots.txt, feeds and
 * the open data all carry it). Astro tells an integration which command runs; on `astro build` without
 * GONGKAI_PREVIEW=1 whose `site` is no real address (none in gongkai.config.ts `url`, GONGKAI_SITE or
 * `--site`, so LOCAL_SITE), this prints how to set one and stops before any page is written, unless the
 * configuration is the sample site's (`demo: true`): then it prints one warning line and builds (the pages
 * keep search engines out, src/lib/site-config.ts). Dev servers and preview builds use LOCAL_SITE.
 */
import type { AstroIntegration } from 'astro';
import { DEMO_WARNING, isLocalSite, MISSING_URL_MESSAGE } from '../domain/site-config.ts';
import { previewMode } from '../domain/release.ts';

export default function requireSiteUrl(opts: { demo: boolean }): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'gongkai:require-site-url',
    hooks: {
      // The final config: `astro build --site …` counts as an address.
      'astro:config:done': ({ config }) => { site = config.site; },
      // Only a real build starts one (tools that load the config, such as knip, set up no build).
      'astro:build:start': () => {
        if (previewMode() || !isLocalSite(site)) return;
        if (opts.demo) {
          console.warn(DEMO_WARNING);
          return;
        }
        console.error(MISSING_URL_MESSAGE);
        process.exit(1);
      },
    },
  };
}
