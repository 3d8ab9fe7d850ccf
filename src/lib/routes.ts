/**
 * Every URL of the site, built in one place. Paths are ASCII, end in '/' (trailingSlash: 'always') unless
 * they name a file, and are relative to the site root; `url()` adds the configured base so the site works
 * under `astro build --base /some/path/`.
 */
import type { Table } from '../domain/schema/table.ts';
import { RESERVED_SEGMENTS } from '../domain/reserved.ts';
import type { UnitYearRecord } from '../domain/schema/record.ts';

/** What a route builder needs of a record. */
type RecordRef = Pick<UnitYearRecord, 'slug' | 'identity'>;

/** Orders of the year table; each is its own static page. */
export const yearSorts = ['total', 'change', 'three-public'] as const;
export type YearSort = (typeof yearSorts)[number];

/** Joins a base ('/', '/a/b' or '/a/b/') and a root-relative path ('/x/') into one root-relative URL. */
export function joinBase(base: string, path: string): string {
  const prefix = base.replace(/\/+$/, '');
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `${prefix}${rest}`;
}

/** Root-relative path → URL under the configured base (`import.meta.env.BASE_URL`). */
export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Root-relative path → absolute URL on `site` (e.g. Astro.site), including the base. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(url(path), site).href;
}

/** `/<district>/` */
export const districtPath = (district: string): string => `/${district}/`;

/** `/<district>/<unit>/` */
export const unitPath = (r: Pick<UnitYearRecord, 'slug'>): string => `/${r.slug.district}/${r.slug.unit}/`;

/** `/<district>/<unit>/<year>/`: the unit-year page. */
export const recordPath = (r: RecordRef): string => `${unitPath(r)}${r.identity.year}/`;

/** `/<district>/<unit>/<year>/v<N>/`: an earlier version of a corrected disclosure (version 1 is the original). */
export const versionPath = (r: RecordRef & Pick<UnitYearRecord, 'revision'>): string => `${recordPath(r)}v${r.revision?.version ?? 1}/`;

/** `/<district>/<unit>/<year>/record.json`: the whole record. */
export const recordJsonPath = (r: RecordRef): string => `${recordPath(r)}record.json`;

/** `/<district>/<unit>/<year>/<tableId>.csv`: one attached table. */
export const tableCsvPath = (r: RecordRef, table: Pick<Table, 'id'>): string => `${recordPath(r)}${table.id}.csv`;

/** `/<district>/<unit>/<year>/original.pdf`: one of the files the disclosure was published as (src/domain/originals.ts). */
export const originalPath = (r: RecordRef, name: string): string => `${recordPath(r)}${name}`;

/** Download file name of `recordJsonPath(r)` (for `<a download>`): carries district, unit and year. */
export const recordJsonFileName = (r: RecordRef): string =>
  `${r.slug.district}-${r.slug.unit}-${r.identity.year}.json`;

/** Download file name of `tableCsvPath(r, table)`: carries district, unit, year and table id. */
export const tableCsvFileName = (r: RecordRef, table: Pick<Table, 'id'>): string =>
  `${r.slug.district}-${r.slug.unit}-${r.identity.year}-${table.id}.csv`;

/** `/<district>/feed.xml`: the RSS feed of one district's disclosures and corrections. */
export const districtFeedPath = (district: string): string => `/${district}/feed.xml`;

/** `/<district>/atom.xml`: the same feed as Atom 1.0. */
export const districtAtomPath = (district: string): string => `/${district}/atom.xml`;

/** `/data/<district>/`: every download of one district's disclosures. */
export const dataDistrictPath = (district: string): string => `/data/${district}/`;

/** `/years/<year>/` (sorted by total), `/years/<year>/change/`, `/years/<year>/three-public/`. */
export const yearPath = (year: number, sort: YearSort = 'total'): string =>
  sort === 'total' ? `/years/${year}/` : `/years/${year}/${sort}/`;

/** First path segments taken by fixed pages and build output; no district slug may use one (the ingest avoids them). */
export const reservedSegments: ReadonlySet<string> = RESERVED_SEGMENTS;

/** Fixed pages and files. */
export const paths = {
  home: '/',
  years: '/years/',
  glossary: '/glossary/',
  search: '/search/',
  guide: '/guide/',
  about: '/about/',
  quality: '/quality/',
  data: '/data/',
  keyFiguresCsv: '/data/key-figures.csv',
  expenditureByFunctionCsv: '/data/expenditure-by-function.csv',
  dataPackage: '/data/datapackage.json',
  recordsIndex: '/data/records.json',
  recordSchema: '/data/schema/record.schema.json',
  sitemap: '/sitemap-index.xml',
  feed: '/feed.xml',
  atom: '/atom.xml',
} as const;
