/**
 * The one place pages get records. `getVisibleRecords()` applies the release rules (src/domain/release.ts)
 * once per build; everything site-wide (districts, units, years) is computed from that one list and memoised.
 * Route builders are re-exported from src/lib/routes.ts so pages import everything from here.
 *
 * Records are read from content/records/ with `fs`, not through Astro's content layer: at province scale the
 * content layer serialises every record into one data store that Astro compiles as a JavaScript module, which
 * dominated a province-scale build's time and memory (BENCHMARKS.md, “What was fixed”, 1). Site-wide pages hold a `RecordSummary` per
 * record; a unit-year page and its downloads read their one full record with `loadRecord()` while rendering.
 * In the dev server the data is read again whenever the ingest rewrites content/index.json (the seed watcher).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { UnitYearRecord } from '../domain/schema/record.ts';
import { summarize, type RecordSummary } from '../domain/record-summary.ts';
import { recordSummarySchema } from '../domain/schema/record-summary.ts';
import { isReleased, previewMode, releaseToday, unpublishedState, type Unpublished } from '../domain/release.ts';
import { reservedSegments } from './routes.ts';
import { contentDir } from '../domain/content-dir.ts';
import { changesBetween, contentStamp } from '../domain/content-journal.ts';
import { listRecordFiles, recordFile } from '../domain/record-files.ts';
import { statStamp } from '../domain/file-stamp.ts';
import { districtDisplayName } from './site-config.ts';

export type { RecordSummary } from '../domain/record-summary.ts';

export * from './routes.ts';

/** One unit (by slug) with its visible records. */
export interface UnitSummary {
  district: string;
  unit: string;
  /** Unit name as written in its latest record. */
  unitName: string;
  /** District name as written in the unit's latest record (slug when no record names it). */
  districtName: string;
  /** Records by ascending year. */
  records: RecordSummary[];
  /** The record of the most recent year. */
  latest: RecordSummary;
}

/** One district with its units. */
export interface DistrictSummary {
  slug: string;
  /** Name as written (开州区); the slug when no record names it. */
  name: string;
  /** Units sorted by name. */
  units: UnitSummary[];
  /** Number of unit-year records. */
  recordCount: number;
}

/** Everything site-wide, computed once per build. */
export interface SiteData {
  /** True when drafts and embargoed records are shown. */
  preview: boolean;
  /** Visible records sorted by district, unit, year. */
  records: RecordSummary[];
  districts: DistrictSummary[];
  /** Years with at least one record, most recent first. */
  years: number[];
  /**
   * Corrected unit-years by record id: every visible version, oldest first; the last is the one in
   * `records`, the others are shown at their version's page (`versionPath`).
   */
  versions: Map<string, RecordSummary[]>;
  /** In preview, why a record would not be on the production site today, by `versionKey` (absent: it would be). */
  unpublished: Map<string, Unpublished>;
}

const collator = new Intl.Collator('zh-CN');

/** True in `astro dev` or with `GONGKAI_PREVIEW=1`. */
export const isPreview = (): boolean => previewMode();

/** The records a build may show: all in preview, else the released ones as of `today`. */
export function selectVisible(
  records: readonly RecordSummary[], opts: { preview: boolean; today: string },
): RecordSummary[] {
  return opts.preview ? [...records] : records.filter((r) => isReleased(r, opts.today));
}

/** Groups records by unit slug; units sorted by district then unit name, records by year. */
export function groupByUnit(records: readonly RecordSummary[]): UnitSummary[] {
  const byKey = new Map<string, RecordSummary[]>();
  for (const r of records) {
    const key = `${r.slug.district}/${r.slug.unit}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const units = [...byKey.values()].map((list): UnitSummary => {
    const sorted = [...list].sort((a, b) => a.identity.year - b.identity.year);
    const latest = sorted[sorted.length - 1]!;
    const named = [...sorted].reverse().find((r) => r.identity.district !== null);
    return {
      district: latest.slug.district,
      unit: latest.slug.unit,
      unitName: latest.identity.unit,
      districtName: districtDisplayName(named?.identity.district, latest.slug.district),
      records: sorted,
      latest,
    };
  });
  return units.sort((a, b) => collator.compare(a.districtName, b.districtName)
    || a.district.localeCompare(b.district) || collator.compare(a.unitName, b.unitName));
}

/** Groups records into districts (sorted by name) with their units. */
export function groupByDistrict(records: readonly RecordSummary[]): DistrictSummary[] {
  const districts = new Map<string, DistrictSummary>();
  for (const unit of groupByUnit(records)) {
    let d = districts.get(unit.district);
    if (!d) {
      d = { slug: unit.district, name: unit.districtName, units: [], recordCount: 0 };
      districts.set(unit.district, d);
    }
    d.units.push(unit);
    d.recordCount += unit.records.length;
    if (d.name === d.slug) d.name = unit.districtName;
  }
  return [...districts.values()];
}

/** Distinct years, most recent first. */
export function years(records: readonly RecordSummary[]): number[] {
  return [...new Set(records.map((r) => r.identity.year))].sort((a, b) => b - a);
}

/** The most recent record of each unit, most recent year first, then by district and unit name. */
export function latestPerUnit(records: readonly RecordSummary[]): RecordSummary[] {
  return groupByUnit(records).map((u) => u.latest).sort((a, b) => b.identity.year - a.identity.year);
}

/** Most recent disclosures first: by year, then publication date (undated last), then unit name. */
export function recentRecords(records: readonly RecordSummary[], limit: number): RecordSummary[] {
  return [...records].sort((a, b) => b.identity.year - a.identity.year
    || (b.identity.publicationDate ?? '').localeCompare(a.identity.publicationDate ?? '')
    || collator.compare(a.identity.unit, b.identity.unit)).slice(0, limit);
}

/** Throws when a district slug would be shadowed by a fixed page (e.g. a district slugged `data`). */
export function assertRoutableSlugs(records: readonly RecordSummary[]): void {
  for (const r of records) {
    if (reservedSegments.has(r.slug.district)) {
      throw new Error(`record ${r.id}: district slug "${r.slug.district}" is reserved for a site page`);
    }
  }
}

/** Path of a record's file: `<content>/` + recordFile (as the ingest writes it; `<year>.v<N>.json` for a re-issue). */
export function recordFilePath(r: Pick<RecordSummary, 'slug' | 'identity' | 'revision'>, dir = contentDir()): string {
  return join(dir, recordFile(r));
}

/**
 * The versions of each unit-year among `visible` (oldest first) and the current one of each (the latest
 * visible), in the order given.
 */
export function currentVersions(visible: readonly RecordSummary[]): { current: RecordSummary[]; versions: Map<string, RecordSummary[]> } {
  const byId = new Map<string, RecordSummary[]>();
  for (const r of visible) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const versions = new Map<string, RecordSummary[]>();
  for (const [id, list] of byId) {
    if (list.length > 1) versions.set(id, list.sort((a, b) => (a.revision?.version ?? 1) - (b.revision?.version ?? 1)));
  }
  const current = visible.filter((r) => { const v = versions.get(r.id); return !v || v[v.length - 1] === r; });
  return { current, versions };
}

/** A record's key among all versions: its id, with `#v<N>` for a re-issue. */
export const versionKey = (r: Pick<RecordSummary, 'id' | 'revision'>): string => (r.revision ? `${r.id}#v${r.revision.version}` : r.id);

/** In preview, each shown record's state in a production build dated `today` (only those not published). */
export function unpublishedStates(
  shown: readonly RecordSummary[], versions: ReadonlyMap<string, RecordSummary[]>, today: string,
): Map<string, Unpublished> {
  const out = new Map<string, Unpublished>();
  for (const r of shown) {
    const list = versions.get(r.id);
    const replaced = r.revision && list?.find((v) => (v.revision?.version ?? 1) === r.revision!.version - 1);
    const state = unpublishedState(r, today, replaced ? isReleased(replaced, today) : false);
    if (state) out.set(versionKey(r), state);
  }
  return out;
}

/** A content/ file that is not what the ingest writes: named, with what to do. */
export class ContentError extends Error {
  constructor(file: string, what: string) {
    super(`${file}: ${what}; content/ is written by \`npm run ingest\` from seeds/, run it again rather than editing content/`);
    this.name = 'ContentError';
  }
}

/**
 * A record file's text and parsed JSON, with a ContentError naming the file when it cannot be read or is
 * not JSON. Not validated: the callers check what they use.
 */
export function readRecordFile(file: string): { text: string; data: unknown } {
  const text = readRecordText(file);
  return { text, data: parseRecordText(file, text) };
}

/** A record file's text, with a ContentError naming the file when it cannot be read. */
export function readRecordText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ContentError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** A record file's parsed JSON, with a ContentError naming the file when it is not JSON. Not validated. */
export function parseRecordText(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ContentError(file, `is not valid JSON (${(e as Error).message})`);
  }
}

/** What `readSummaries` read, by absolute path: the file's stat stamp and the summary (its digest is in `digests`). */
interface Known { stamp: string; summary: RecordSummary }

/** A record file's stat stamp (src/domain/file-stamp.ts: unchanged stamp, unchanged bytes). */
export const fileStamp = (file: string): string => statStamp(statSync(file));

/**
 * Shared by every copy of this module in the process: the `records` collection's loader
 * (src/lib/records-loader.ts, run by Astro's content layer from src/content.config.ts) and the pages are
 * separate module instances in one `astro build` or `astro dev`, and read the same files; the second reader
 * gets the first one's summaries for every file whose stamp did not change.
 */
interface Shared {
  known: Map<string, Known>;
  digests: WeakMap<RecordSummary, string>;
  /** Absolute paths of the record files the last `readSummaries(…, { reuse: true })` listed. */
  listed: string[];
  /** The record files of the last listing of a content folder (absolute) at a content version. */
  listing?: { dir: string; version: string; files: string[] };
}
const SHARED = Symbol.for('gongkai.record-summaries');
const shared = (): Shared => ((globalThis as { [SHARED]?: Shared })[SHARED] ??= { known: new Map(), digests: new WeakMap(), listed: [] });

/** SHA-256 of each summary's record file as read (keys of incremental builds, src/lib/cache-keys.ts). */
const digests = shared().digests;

/** SHA-256 (hex) of the record file a summary was read from; throws for a summary not from `readSummaries`. */
export function recordDigest(summary: RecordSummary): string {
  const d = digests.get(summary);
  if (d === undefined) throw new Error(`record ${summary.id}: no digest (not read by readSummaries)`);
  return d;
}


/**
 * Reads every record file as a summary. The summary's fields are validated with their schemas (a clear
 * `file: field: problem` error for a damaged or hand-edited file); the heavy parts are validated when the
 * ingest writes them (scripts/ingest) and typed by the same schemas. With `reuse`, a file whose stat stamp
 * did not change since the last read in this process (by this module or another copy of it) is not read
 * again: the dev server after an edit, and the pages after the `records` collection's loader.
 */
export function readSummaries(dir = contentDir(), opts: { reuse?: boolean } = {}): RecordSummary[] {
  if (!opts.reuse) return listRecordFiles(dir).map(readSummary);
  const cache = shared();
  const { known } = cache;
  // After a seed watcher update in this process, its journal names the record files that changed since the
  // last listing: only those are read; the others are neither listed nor stat-ed again.
  const abs = resolve(dir);
  const version = contentStamp(dir);
  const last = cache.listing?.dir === abs && cache.listing.version !== version ? cache.listing : undefined;
  const delta = last ? changesBetween(dir, last.version, version) : null;
  let files: string[];
  if (last && delta) {
    const removed = new Set([...delta.removed].map((p) => join(dir, p)));
    const listed = new Set(last.files);
    const added = [...delta.written].map((p) => join(dir, p)).filter((f) => !listed.has(f));
    files = [...last.files.filter((f) => !removed.has(f)), ...added].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const p of [...delta.written, ...delta.removed]) known.delete(resolve(dir, p));
  } else files = listRecordFiles(dir);
  cache.listing = { dir: abs, version, files };
  cache.listed = files.map((file) => resolve(file));
  const trusted = delta !== null;
  return files.map((file) => {
    const key = resolve(file);
    if (trusted) {
      const before = known.get(key);
      if (before) return before.summary;
    }
    const stamp = fileStamp(file);
    const before = known.get(key);
    if (before?.stamp === stamp) return before.summary;
    const summary = readSummary(file);
    known.set(key, { stamp, summary });
    return summary;
  });

  function readSummary(file: string): RecordSummary {
    const { text, data } = readRecordFile(file);
    const checked = recordSummarySchema.safeParse(data);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new ContentError(file, `${issue.path.join('.') || '(record)'}: ${issue.message}`);
    }
    const summary = summarize(data as UnitYearRecord);
    if (recordFilePath(summary, dir) !== file) {
      throw new ContentError(file, `holds record ${summary.id}, whose file is ${recordFilePath(summary, dir)}`);
    }
    digests.set(summary, createHash('sha256').update(text).digest('hex'));
    return summary;
  }
}

/** A summary remembered across builds (src/integrations/summary-cache.ts): its file's absolute path, stamp and SHA-256. */
export interface RememberedSummary { file: string; stamp: string; digest: string; summary: RecordSummary }

/**
 * The summaries of the record files the last `readSummaries(…, { reuse: true })` listed, with their stamps and
 * digests: what a later build may take instead of reading the files again.
 */
export function rememberedSummaries(): RememberedSummary[] {
  const { known, listed } = shared();
  return listed.flatMap((file) => {
    const k = known.get(file);
    return k ? [{ file, stamp: k.stamp, digest: recordDigest(k.summary), summary: k.summary }] : [];
  });
}

/**
 * Gives `readSummaries(…, { reuse: true })` summaries read by an earlier build: each is used only while its
 * file's stat stamp is the one given (see `fileStamp`), so a changed file is read again. The caller vouches
 * that they were made by this code (src/integrations/summary-cache.ts salts its file with a digest of src/).
 */
export function rememberSummaries(entries: Iterable<RememberedSummary>): void {
  const { known } = shared();
  for (const e of entries) {
    if (known.has(e.file)) continue;
    known.set(e.file, { stamp: e.stamp, summary: e.summary });
    digests.set(e.summary, e.digest);
  }
}

/**
 * SHA-256 (hex) of a record file: from the summaries read in this process when the file's stamp is unchanged,
 * otherwise read and hashed.
 */
export function recordFileDigest(file: string): string {
  const k = shared().known.get(resolve(file));
  if (k && k.stamp === fileStamp(file)) return recordDigest(k.summary);
  return createHash('sha256').update(readRecordText(file)).digest('hex');
}

/**
 * What a build shows of `all`: the visible records (release rules, src/domain/release.ts) and, of a corrected
 * unit-year, its latest visible version (`current`); every visible version of a corrected one (`versions`).
 */
export function visibleVersions(all: readonly RecordSummary[], opts: { preview: boolean; today: string }): { current: RecordSummary[]; versions: Map<string, RecordSummary[]> } {
  assertRoutableSlugs(all);
  return currentVersions(selectVisible(all, opts));
}

/**
 * What the site data was computed from: in production one build reads content/ once; in the dev server
 * (preview) the ingest may rewrite content/ at any time and always rewrites index.json last, so its
 * modification time and size identify a version.
 */
function contentVersion(): string {
  return isPreview() ? contentStamp(contentDir()) : 'build';
}

let memo: { version: string; data: Promise<SiteData> } | undefined;

/** Site-wide data for this build (memoised: content/ is read and filtered once per version). */
export function getSiteData(): Promise<SiteData> {
  const version = contentVersion();
  if (memo?.version !== version) {
    memo = {
      version,
      data: (async () => {
        const preview = isPreview();
        const today = releaseToday();
        const { current, versions } = visibleVersions(readSummaries(contentDir(), { reuse: true }), { preview, today });
        const districts = groupByDistrict(current);
        const ordered = districts.flatMap((d) => d.units.flatMap((u) => u.records));
        const unpublished = preview ? unpublishedStates([...current, ...[...versions.values()].flat()], versions, today) : new Map();
        return { preview, records: ordered, districts, years: years(ordered), versions, unpublished };
      })(),
    };
  }
  return memo.data;
}

/** The version of the data `getSiteData()` returns now (memo key for data derived from it). */
export const siteDataVersion = (): string => contentVersion();

let last: { key: string; record: UnitYearRecord } | undefined;

/**
 * The full record of a summary, read from its file. Keeps the last record read: a record's CSV endpoints
 * are rendered one after the other and share it.
 */
export function loadRecord(summary: Pick<RecordSummary, 'id' | 'slug' | 'identity'>): UnitYearRecord {
  const file = recordFilePath(summary);
  const key = `${contentVersion()}\u0000${file}`;
  if (last?.key === key) return last.record;
  const record = readRecordFile(file).data as UnitYearRecord;
  if (record === null || typeof record !== 'object' || record.id !== summary.id) {
    throw new ContentError(file, `does not hold record ${summary.id}; it changed during the build`);
  }
  last = { key, record };
  return record;
}

/** The records this build may show, sorted by district, unit, year. */
export async function getVisibleRecords(): Promise<RecordSummary[]> {
  return (await getSiteData()).records;
}
