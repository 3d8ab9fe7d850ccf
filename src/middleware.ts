/**
 * In a shard of a sharded build (`npm run build -- --shard I/N`, src/domain/shard.ts), the site-wide pages
 * are left to the merge, and in the merge the district pages to the shards: their requests answer with no
 * body, which `astro build` does not write. District routes also filter their getStaticPaths
 * (src/lib/shard-filter.ts), which saves the work of reaching here; this catches any route that does not.
 * Nothing changes in a single build or in the dev server.
 */
import type { MiddlewareHandler } from 'astro';
import { isDistrictRoute } from './domain/shard.ts';
import { buildsDistrict, buildsSitePages } from './lib/shard-filter.ts';

export const onRequest: MiddlewareHandler = (context, next) => {
  const build = isDistrictRoute(context.routePattern) ? buildsDistrict(context.params.district ?? '') : buildsSitePages();
  return build ? next() : new Response(null);
};
