/**
 * ASCII slugs from Chinese names, stable across re-ingests: they depend only on the name.
 * 开州区 → "kaizhou"; 重庆市开州区政务信息中心 (district 开州区) → "zhengwuxinxizhongxin".
 */
import { pinyin } from 'pinyin-pro';

/** Pinyin without tones, letters and digits only, syllables joined; "" for an empty name. */
export function toSlug(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  return syllables
    .join('')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** District slug: the district name without its 区/县/旗 suffix; falls back to the city/province. */
export function districtSlug(district: string | null, city: string | null): string {
  const name = district ? district.replace(/(自治县|区|县|旗)$/, '') : (city ?? '').replace(/(省|市|自治区)$/, '');
  return toSlug(name) || 'other';
}

/** Unit slug: the unit name without the city and district prefix. */
export function unitSlug(unit: string, city: string | null, district: string | null): string {
  let rest = unit;
  if (city && rest.startsWith(city)) rest = rest.slice(city.length);
  if (district && rest.startsWith(district)) rest = rest.slice(district.length);
  return toSlug(rest || unit) || 'unit';
}
