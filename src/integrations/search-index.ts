/**
 * Build integration: once `astro build` has written the pages (and the downloads integration its files),
 * indexes the output folder for search (scripts/cli/search-index.ts, Pagefind's format) in a child
 * process, so any `astro build` — `npm run build -- --base /x/`, a host's build command — produces the
 * complete site. The child is the project's own Node (the one running Astro). The indexer keeps its cache of
 * analysed pages in Astro's cache folder (a rebuild re-analyses only the pages whose HTML changed) and updates
 * the bundle in place, so the bundle's files are declared kept to keep-output. GONGKAI_SKIP_SEARCH_INDEX=1
 * leaves the indexer out (the bench times it as its own stage).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keepFolderInOutput } from './keep-output.ts';

/** The search bundle's folder in the output (scripts/search/index-site.ts BUNDLE_DIR). */
const BUNDLE = 'pagefind';

export default function searchIndex(): AstroIntegration {
  let root: URL;
  let cacheDir: URL;
  return {
    name: 'gongkai:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        cacheDir = config.cacheDir;
      },
      // The search bundle belongs to the indexer, which updates it in place after the pages are written (and
      // removes what the new index does not list): keep-output (before it in the list) must not delete it.
      'astro:build:start': () => keepFolderInOutput(BUNDLE),
      'astro:build:done': ({ dir, logger }) => {
        if (process.env.GONGKAI_SKIP_SEARCH_INDEX === '1') return;
        const cli = fileURLToPath(new URL('scripts/cli/search-index.ts', root));
        const r = spawnSync(process.execPath, [cli, fileURLToPath(dir).replace(/\/+$/, ''), '--cache', fileURLToPath(new URL('search-index/', cacheDir))], { cwd: fileURLToPath(root), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        for (const line of r.stdout.split('\n').filter(Boolean)) logger.info(line);
        if (r.status !== 0) {
          for (const line of `${r.stderr}`.split('\n').filter(Boolean)) logger.error(line);
          throw new Error(`search index failed (exit ${r.status ?? r.signal})`);
        }
      },
    },
  };
}
