/**
 * Sharded builds (README "Building in parallel"): `npm run build -- --shard I/N` builds the pages of a
 * deterministic share of the districts — their unit-year, unit and district pages, downloads and search
 * index part — and `npm run build:merge` builds the site-wide pages and combines the shards' outputs into one
 * dist/, byte-identical to a single build. The CI system runs the jobs (.github/workflows/build-sharded.yml).
 *
 * The job is told by `GONGKAI_SHARD` (`I/N` or `merge`; unset: the whole site), which scripts/cli/build.ts
 * sets. Every job computes the same assignment from the same content/ (the visible record ids).
 */

/** Which part of the site this build writes. */
export type ShardJob =
  | { kind: 'all' }
  | { kind: 'shard'; index: number; count: number }
  | { kind: 'merge' };

/** The folder inside a shard's output holding what the merge needs besides the pages (manifest, search part). */
export const SHARD_META_DIR = '_shard';
/** The shard's manifest inside SHARD_META_DIR. */
export const SHARD_MANIFEST = 'shard.json';
/** The shard's search index part inside SHARD_META_DIR (scripts/search/). */
export const SEARCH_PART = 'search-part.jsonl';

/** What a shard's build wrote, for the merge to check and combine. */
export interface ShardManifest {
  index: number;
  count: number;
  /** The release date the shard was built for (GONGKAI_TODAY or today): every job must use the same. */
  today: string;
  /** The base path the site was built for. */
  base: string;
  /** Slugs of the districts whose pages the shard built. */
  districts: string[];
  /** Every page Astro generated (site paths), for the sitemap. */
  pages: string[];
}

/** `I/N` with 1 ≤ I ≤ N (the shape of vitest's and Playwright's `--shard`), or null. */
export function parseShard(text: string): { index: number; count: number } | null {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : null;
}

/** The job of this process, from `GONGKAI_SHARD`; throws on a malformed value. */
export function shardJob(env: Record<string, string | undefined> = process.env): ShardJob {
  const v = env.GONGKAI_SHARD;
  if (v === undefined || v === '') return { kind: 'all' };
  if (v === 'merge') return { kind: 'merge' };
  const s = parseShard(v);
  if (!s) throw new Error(`GONGKAI_SHARD=${v}: expected I/N (1 ≤ I ≤ N) or merge`);
  return { kind: 'shard', ...s };
}

/**
 * The shard (1…count) of each district: largest districts first (by record count, then slug), each to the
 * shard with the fewest records so far (the lowest-numbered on a tie), so shards get similar work.
 * Depends only on the counts: every job given the same content/ computes the same assignment.
 */
export function assignDistricts(recordsByDistrict: ReadonlyMap<string, number>, count: number): Map<string, number> {
  const load = new Array<number>(count).fill(0);
  const out = new Map<string, number>();
  const order = [...recordsByDistrict].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  for (const [slug, n] of order) {
    let best = 0;
    for (let i = 1; i < count; i++) if (load[i]! < load[best]!) best = i;
    load[best]! += n;
    out.set(slug, best + 1);
  }
  return out;
}

/** Records per district from record ids (`district/unit/year`). */
export function recordsByDistrict(ids: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of ids) {
    const d = id.slice(0, id.indexOf('/'));
    out.set(d, (out.get(d) ?? 0) + 1);
  }
  return out;
}

/**
 * The district a built file belongs to (path relative to the output folder, `/`-separated), or null for a
 * site-wide file: `<district>/…` and `data/<district>/…` belong to a district when `districts` has it.
 */
export function districtOfFile(path: string, districts: ReadonlySet<string>): string | null {
  const [first, second] = path.split('/', 3);
  if (first === 'data') return second !== undefined && districts.has(second) && path.length > 5 + second.length ? second : null;
  return first !== undefined && districts.has(first) && path.length > first.length ? first : null;
}

/**
 * True when an Astro route (its pattern, e.g. `/[district]/[unit]/[year]`) renders pages of one district:
 * those are built by the district's shard; every other route is site-wide and built by the merge.
 */
export const isDistrictRoute = (pattern: string): boolean => /^\/(data\/)?\[district\](\/|$)/.test(pattern);

/** The shard output folders given to the merge (`GONGKAI_SHARD_INPUTS`, a JSON array set by build.ts). */
export function shardInputs(env: Record<string, string | undefined> = process.env): string[] {
  const raw = env.GONGKAI_SHARD_INPUTS;
  const dirs = raw ? JSON.parse(raw) as unknown : null;
  if (!Array.isArray(dirs) || !dirs.length || !dirs.every((d) => typeof d === 'string')) {
    throw new Error('build:merge: GONGKAI_SHARD_INPUTS names no shard folder');
  }
  return dirs as string[];
}
