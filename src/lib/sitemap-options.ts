/**
 * Options of @astrojs/sitemap (astro.config.mjs): which pages a sitemap lists and their `lastmod`. Every
 * built page is listed except search, the 404 page and the re-sorted copies of the year tables; a
 * unit-year page is dated by its latest release date (publishAt, the publication date its document prints,
 * or a correction), a unit page by its most recent record. A sitemap holds at most 45,000 URLs (the
 * protocol allows 50,000); past that the index (sitemap-index.xml) lists several.
 *
 * Sharded builds (src/domain/shard.ts): a shard writes no sitemap (it is a site-wide file); the merge lists
 * its own pages and, as custom pages, the pages each shard's manifest names, so the merged sitemap is the
 * one a single build writes (@astrojs/sitemap sorts its URLs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordSummary } from '../domain/record-summary.ts';
import { readSummaries } from './records.ts';
import { isReleased, previewMode, releaseToday } from '../domain/release.ts';
import { SHARD_MANIFEST, SHARD_META_DIR, type ShardManifest } from '../domain/shard.ts';

/** The absolute URLs of the pages the shards in `inputs` built (from their manifests), for the merge's sitemap. */
export function shardPageUrls(inputs: readonly string[], site: string): string[] {
  return inputs.flatMap((dir) => {
    const file = join(dir, SHARD_META_DIR, SHARD_MANIFEST);
    if (!existsSync(file)) return []; // the shards integration stops the merge with what to do
    const m = JSON.parse(readFileSync(file, 'utf8')) as ShardManifest;
    return m.pages.map((p) => new URL(`${m.base.replace(/\/?$/, '/')}${p.replace(/^\//, '')}`, site).href);
  });
}

export const SITEMAP_ENTRY_LIMIT = 45_000;

/** The latest date a record's page changed for readers, or null. */
export function recordLastmod(r: Pick<RecordSummary, 'identity' | 'release'>): string | null {
  const dates = [r.release.publishAt, r.identity.publicationDate, ...r.release.corrections.map((c) => c.date)]
    .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d));
  return dates.length ? dates.sort().at(-1)! : null;
}

/** `lastmod` by page id: `district/unit/year` for unit-year pages, `district/unit` for unit pages. */
export function lastmodById(records: readonly RecordSummary[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) {
    const date = recordLastmod(r);
    if (!date) continue;
    out.set(r.id, date);
    const unit = `${r.slug.district}/${r.slug.unit}`;
    if ((out.get(unit) ?? '') < date) out.set(unit, date);
  }
  return out;
}

/** Pages never listed: search, 404, and the year tables' other sort orders (same rows as /years/<y>/). */
export const sitemapFilter = (page: string): boolean =>
  !/\/(search|404)\/$/.test(page) && !/\/years\/\d{4}\/[a-z-]+\/$/.test(page);

/**
 * The options for `sitemap()`, reading content/ once, when the first page is serialised; `customPages`
 * are pages built elsewhere (the shards of a sharded build).
 */
export function sitemapOptions(customPages: readonly string[] = []) {
  let dates: Map<string, string> | undefined;
  return {
    entryLimit: SITEMAP_ENTRY_LIMIT,
    ...(customPages.length ? { customPages: [...customPages] } : {}),
    filter: sitemapFilter,
    serialize<T extends { url: string; lastmod?: string }>(item: T): T {
      if (!dates) {
        const today = releaseToday();
        const preview = previewMode();
        dates = lastmodById(readSummaries(undefined, { reuse: true }).filter((r) => preview || isReleased(r, today)));
      }
      const m = /\/([a-z0-9-]+)\/([a-z0-9-]+)\/(?:(\d{4})\/)?$/.exec(new URL(item.url).pathname);
      const date = m ? dates.get(m[3] ? `${m[1]}/${m[2]}/${m[3]}` : `${m[1]}/${m[2]}`) : undefined;
      return date ? { ...item, lastmod: date } : item;
    },
  };
}
