/**
 * Build integration: once `astro build` has written the pages (and the downloads integration its files),
 * indexes the output folder for search (scripts/cli/search-index.ts, Pagefind's format) in a child
 * process, so any `astro build` — `npm run build -- --base /x/`, a host's build command — produces the
 * complete site. The child is the project's own Node (the one running Astro). The indexer keeps its cache of
 * analysed pages in Astro's cache folder (a rebuild re-analyses only the pages whose HTML changed). GONGKAI_SKIP_SEARCH_INDEX=1
 * leaves it out (the bench times the indexer as its own stage).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

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
