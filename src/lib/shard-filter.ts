/**
 * Which districts this build renders (src/domain/shard.ts): all in a single build, the shard's share in
 * `npm run build -- --shard I/N`, none in `npm run build:merge` (it renders the site-wide pages). Every
 * district-scoped route takes its getStaticPaths from `districtStaticPaths` (or filters with `buildsDistrict`); src/middleware.ts skips the
 * site-wide pages in a shard. The assignment is computed once per process from content/index.json.
 */
import { assignDistricts, recordsByDistrict, shardJob } from '../domain/shard.ts';
import { contentDir, visibleIdsFromManifest } from './glossary.ts';
import { previewMode, releaseToday } from '../domain/release.ts';
import { getSiteData, type DistrictSummary } from './records.ts';
import { districtPagesKey } from './cache-keys.ts';

let memo: { key: string; districts: Map<string, number> } | undefined;

/** The shard (1…N) of every district with a visible record, for a build split into `count` shards. */
export function districtShards(count: number): Map<string, number> {
  const dir = contentDir();
  const key = `${dir}\u0000${count}`;
  if (memo?.key !== key) {
    const ids = visibleIdsFromManifest(dir, previewMode(), releaseToday());
    memo = { key, districts: assignDistricts(recordsByDistrict(ids), count) };
  }
  return memo.districts;
}

/** True when this build renders the pages of district `slug`. */
export function buildsDistrict(slug: string): boolean {
  const job = shardJob();
  if (job.kind === 'all') return true;
  if (job.kind === 'merge') return false;
  return districtShards(job.count).get(slug) === job.index;
}

/** True when this build renders the site-wide pages (home, years, glossary, quality, data, sitemap…). */
export const buildsSitePages = (): boolean => shardJob().kind !== 'shard';

/**
 * getStaticPaths of every district-scoped route: the districts this build renders, each as its page's prop,
 * with the cache key of its records (src/lib/cache-keys.ts: a rebuild renders only changed districts' pages).
 */
export async function districtStaticPaths(): Promise<{ params: { district: string }; props: { district: DistrictSummary }; cacheKey: string | undefined }[]> {
  const { districts } = await getSiteData();
  return districts.filter((d) => buildsDistrict(d.slug)).map((district) => ({
    params: { district: district.slug }, props: { district }, cacheKey: districtPagesKey(district),
  }));
}
