/**
 * ASCII slugs from Chinese names, stable across re-ingests: they depend only on the name.
 * 开州区 → "kaizhou"; 重庆市开州区政务信息中心 (district 开州区) → "zhengwuxinxizhongxin".
 *
 * A slug is a path segment, so it is also:
 * - bounded: a name whose pinyin is longer than MAX_SLUG_BYTES is cut and ends with a digest of the name
 *   (a file name over 255 bytes would stop the whole ingest);
 * - never a reserved word: a district or unit whose pinyin is `guide`, `data`… (a top-level page of the
 *   site) gets a digest of the name appended, as the page would shadow it;
 * - unique: different names with the same pinyin (正务/政务, 宁波市江北区/重庆市江北区) are told apart by
 *   `resolveSlugs`, which gives every name but one a digest of the name (see there for which one keeps it).
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { RESERVED_SEGMENTS } from './reserved.ts';

/** Longest slug, in bytes (ASCII): two slugs, a year and a table id still fit one 255-byte file name. */
export const MAX_SLUG_BYTES = 96;

/** A short, stable digest of a name: `n` hex digits of its SHA-256. */
export const nameDigest = (name: string, n = 6): string => createHash('sha256').update(name).digest('hex').slice(0, n);

/**
 * Slugs already made, by name. An ingest asks for the same district and unit names over and over (a unit
 * publishes several years, a district holds a hundred units) and pinyin conversion was ~6 % of the parse.
 * Bounded: a process that meets more names than this starts afresh (the slug depends only on the name).
 */
const made = new Map<string, string>();
const MADE_LIMIT = 50_000;

/** Pinyin without tones, letters and digits only, syllables joined; "" for an empty name. */
export function toSlug(name: string): string {
  const known = made.get(name);
  if (known !== undefined) return known;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  const slug = syllables
    .join('')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (made.size >= MADE_LIMIT) made.clear();
  made.set(name, slug);
  return slug;
}

/** `slug`, made safe as a path segment for `name`: bounded, and never a reserved word. */
export function boundedSlug(slug: string, name: string): string {
  if (slug.length > MAX_SLUG_BYTES) return `${slug.slice(0, MAX_SLUG_BYTES - 9).replace(/-+$/, '')}-${nameDigest(name, 8)}`;
  if (RESERVED_SEGMENTS.has(slug)) return `${slug}-${nameDigest(name)}`;
  return slug;
}

/** The name a district slug stands for: city (or province) and district as written. */
export const districtName = (district: string | null, city: string | null): string => `${city ?? ''}${district ?? ''}`;

/** District slug: the district name without its 区/县/旗 suffix; falls back to the city/province. */
export function districtSlug(district: string | null, city: string | null): string {
  const name = district ? district.replace(/(自治县|区|县|旗)$/, '') : (city ?? '').replace(/(省|市|自治区)$/, '');
  return boundedSlug(toSlug(name) || 'other', districtName(district, city));
}

/** Unit slug: the unit name without the city and district prefix. */
export function unitSlug(unit: string, city: string | null, district: string | null): string {
  let rest = unit;
  if (city && rest.startsWith(city)) rest = rest.slice(city.length);
  if (district && rest.startsWith(district)) rest = rest.slice(district.length);
  return boundedSlug(toSlug(rest || unit) || 'unit', unit);
}

/** One record's claim to a slug: the slugs it was given, the names they stand for, its year and status. */
export interface SlugClaim {
  district: string;
  unit: string;
  /** City and district as written (districtName). */
  districtName: string;
  /** The unit's full name. */
  unitName: string;
  year: number;
  published: boolean;
}

/**
 * Slugs that tell different names apart, one per claim (in order). Where names share a slug, the name
 * that keeps it plain is the one with the most published records (district: in all its units), then the
 * earliest year, then the first in code-point order; every other gets `<slug>-<digest of its name>`. So a
 * draft never takes the URL of a published unit, a district with a history keeps its URL when a newcomer
 * with one disclosure arrives, and the same seeds always give the same slugs.
 */
export function resolveSlugs(claims: readonly SlugClaim[]): { district: string; unit: string }[] {
  const district = settle(claims, (c) => c.district, (c) => c.districtName);
  const unit = settle(claims, (c, i) => `${district[i]}/${c.unit}`, (c) => c.unitName, (c) => c.unit);
  return claims.map((_, i) => ({ district: district[i]!, unit: unit[i]! }));
}

/** For each claim, its slug (`bare`, or `base` + digest when another name has the same key). */
function settle(
  claims: readonly SlugClaim[], keyOf: (c: SlugClaim, i: number) => string, nameOf: (c: SlugClaim) => string,
  bare: (c: SlugClaim) => string = keyOf as (c: SlugClaim) => string,
): string[] {
  // For each key, each name: how many published records it has and its earliest year.
  type Standing = { published: number; year: number };
  const byKey = new Map<string, Map<string, Standing>>();
  claims.forEach((c, i) => {
    const names = byKey.get(keyOf(c, i)) ?? new Map<string, Standing>();
    const n = names.get(nameOf(c));
    names.set(nameOf(c), { published: (n?.published ?? 0) + Number(c.published), year: Math.min(n?.year ?? Infinity, c.year) });
    byKey.set(keyOf(c, i), names);
  });
  const keeper = new Map<string, string>();
  for (const [key, names] of byKey) {
    const ranked = [...names].sort(([a, x], [b, y]) => y.published - x.published || x.year - y.year || (a < b ? -1 : a > b ? 1 : 0));
    keeper.set(key, ranked[0]![0]);
  }
  return claims.map((c, i) => {
    const slug = bare(c);
    return keeper.get(keyOf(c, i)) === nameOf(c) ? slug : `${slug}-${nameDigest(nameOf(c))}`;
  });
}
