/**
 * Release rules: which records a build may show. A production build shows a record only when its sidecar
 * says `published` and its embargo date (`publishAt`, Asia/Shanghai) is today or earlier; a preview build
 * shows everything.
 */
import type { UnitYearRecord } from './schema/record.ts';
import { isCalendarDate } from './calendar.ts';

/** The calendar date of `now` in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiDate(now: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(now);
}

/**
 * Today for release decisions: `GONGKAI_TODAY` (YYYY-MM-DD) when set, else the current date in
 * Asia/Shanghai. Throws on a malformed override or one that is not on the calendar (9999-99-99,
 * 2026-02-30), so a typo never lifts an embargo.
 */
export function releaseToday(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const override = env.GONGKAI_TODAY;
  if (override === undefined || override === '') return shanghaiDate(now);
  if (!isCalendarDate(override)) {
    throw new Error(`GONGKAI_TODAY 的值“${override}”不是日历上存在的日期；应为 YYYY-MM-DD，如 2026-03-15（GONGKAI_TODAY must be a real date, YYYY-MM-DD）`);
  }
  return override;
}

/**
 * True in `astro dev` or when `GONGKAI_PREVIEW=1`: drafts and embargoed records are shown.
 * "Dev" is what Astro's own command says (the seed-watcher integration sets GONGKAI_DEV_SERVER=1 when
 * the command is `dev`), never `import.meta.env.DEV`: a stray DEV=1 in the environment (vitest sets one)
 * would otherwise turn a production build into a preview that publishes drafts.
 */
export function previewMode(env: Record<string, string | undefined> = process.env): boolean {
  return env.GONGKAI_DEV_SERVER === '1' || env.GONGKAI_PREVIEW === '1';
}

/** True in `astro dev` (set by the seed-watcher integration from Astro's own command). */
export function devServer(env: Record<string, string | undefined> = process.env): boolean {
  return env.GONGKAI_DEV_SERVER === '1';
}

/** True when a production build dated `today` may show the record. */
export function isReleased(record: Pick<UnitYearRecord, 'release'>, today: string): boolean {
  const { status, publishAt } = record.release;
  return status === 'published' && (publishAt === null || publishAt <= today);
}

/**
 * Why a record shown in preview is not (yet) on the production site: a draft, an embargo, or a correction
 * that will replace the version production shows now. Null for a record a production build publishes.
 */
export type Unpublished =
  | { kind: 'draft' }
  | { kind: 'embargoed'; publishAt: string }
  | { kind: 'correction'; publishAt: string | null };

/**
 * The record's state in a production build dated `today`; `replacesPublished` is true when the version it
 * replaces (its revision) is published then.
 */
export function unpublishedState(
  record: Pick<UnitYearRecord, 'release'>, today: string, replacesPublished = false,
): Unpublished | null {
  if (isReleased(record, today)) return null;
  const { status, publishAt } = record.release;
  if (replacesPublished) return { kind: 'correction', publishAt: status === 'draft' ? null : publishAt };
  return status === 'draft' ? { kind: 'draft' } : { kind: 'embargoed', publishAt: publishAt! };
}

/** The state in the words of the banner and the lists: 草稿 / 定于 YYYY-MM-DD 发布 / 更正稿（将替换已发布版本）. */
export function unpublishedLabel(state: Unpublished): string {
  if (state.kind === 'draft') return '草稿';
  if (state.kind === 'embargoed') return `定于 ${state.publishAt} 发布`;
  return `更正稿（将替换已发布版本）${state.publishAt ? `，定于 ${state.publishAt} 发布` : ''}`;
}

/**
 * True when every build that shows a record released as `shown` also shows one released as `prev`: a
 * draft is shown in previews only (which show everything); a published record from its publishAt on.
 * A check across years compares a record only with such a `prev`, so a draft's figures never reach a
 * published page, not even in a finding.
 */
export function shownWherever(prev: Pick<UnitYearRecord['release'], 'status' | 'publishAt'>, shown: Pick<UnitYearRecord['release'], 'status' | 'publishAt'>): boolean {
  if (shown.status === 'draft') return true;
  if (prev.status !== 'published') return false;
  return prev.publishAt === null || (shown.publishAt !== null && prev.publishAt <= shown.publishAt);
}
