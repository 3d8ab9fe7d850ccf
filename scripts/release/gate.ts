/**
 * Checks as a sign-off: every finding of every seed, with whether it blocks publication. A finding blocks
 * when it is error-level (strict: warning-level too), the unit has not acknowledged its code in the
 * sidecar, and the record would be published by a production build today. A seed that cannot be ingested
 * at all always blocks. The release rules themselves live in src/domain/release.ts.
 */
import type { FileOutcome } from '../ingest/run/corpus.ts';
import type { Finding } from '../../src/domain/schema/finding.ts';
import type { Release } from '../../src/domain/schema/release.ts';
import { isReleased } from '../../src/domain/release.ts';
import { SEVERITY_LABEL } from '../../src/domain/terms/labels.ts';

/** Whether a production build dated `today` publishes a record, and if not, why. */
export type Publication =
  | { state: 'published' }
  | { state: 'draft' }
  | { state: 'embargoed'; publishAt: string };

/** One line of the check: a finding (or an ingest diagnostic) at a file and line. */
export interface CheckItem {
  file: string;
  /** 1-based line; findings about the whole document point at line 1. */
  line: number;
  severity: Finding['severity'];
  message: string;
  /** Finding code, or `ingest.<kind>` for a file that could not be ingested. */
  code: string;
  /** The unit's explanation when the sidecar acknowledges this code, else null. */
  acknowledgement: string | null;
  /** True when this item alone makes `check` fail. */
  blocking: boolean;
}

/** The check of one seed file. */
export interface FileCheck {
  file: string;
  /**
   * Unit, year and publication of the record, or null when the file could not be ingested; `revision` for a
   * correction (its version and the seed it replaces).
   */
  record: { id: string; unit: string; year: number; publication: Publication; revision?: { version: number; replaces: string } } | null;
  items: CheckItem[];
}

/** Options of a check run. */
export interface CheckOptions {
  /** Release date, YYYY-MM-DD (see `releaseToday`). */
  today: string;
  /** Warnings block too. */
  strict: boolean;
}

/** Publication of a record with this release state in a production build dated `today`. */
export function publicationOf(release: Release, today: string): Publication {
  if (isReleased({ release }, today)) return { state: 'published' };
  if (release.status === 'draft') return { state: 'draft' };
  return { state: 'embargoed', publishAt: release.publishAt! };
}

/** True when an unacknowledged finding of this severity stops a record from being published. */
const blocksAt = (severity: Finding['severity'], strict: boolean): boolean =>
  severity === 'error' || (strict && severity === 'warning');

/** Checks one ingest outcome. */
export function checkOutcome(outcome: FileOutcome, options: CheckOptions): FileCheck {
  const { record } = outcome;
  if (!record) {
    return {
      file: outcome.file,
      record: null,
      items: outcome.diagnostics.map((d) => ({
        file: d.file, line: d.line, severity: 'error', message: d.message, code: `ingest.${d.kind}`,
        acknowledgement: null, blocking: true,
      })),
    };
  }
  const publication = publicationOf(record.release, options.today);
  const explanations = new Map<string, string>();
  for (const a of record.release.acknowledgements) {
    explanations.set(a.code, explanations.has(a.code) ? `${explanations.get(a.code)}；${a.explanation}` : a.explanation);
  }
  const items = record.findings.map((f): CheckItem => {
    const acknowledgement = explanations.get(f.code) ?? null;
    return {
      file: outcome.file, line: f.line ?? 1, severity: f.severity, message: f.message, code: f.code, acknowledgement,
      blocking: publication.state === 'published' && acknowledgement === null && blocksAt(f.severity, options.strict),
    };
  });
  // A correction goes out with its 更正说明: the public page says what was corrected and when.
  if (record.revision && record.release.corrections.length === 0) {
    items.push({
      file: outcome.file, line: 1, severity: publication.state === 'published' ? 'error' : 'warning', code: 'release.correction-note',
      message: '这是对已发布文件的更正稿，但元数据文件中没有更正说明；发布前请写明更正日期和内容（corrections: - date: YYYY-MM-DD  note: 更正了……）',
      acknowledgement: null, blocking: publication.state === 'published',
    });
  }
  return {
    file: outcome.file,
    record: {
      id: record.id, unit: record.identity.unit, year: record.identity.year, publication,
      ...(record.revision ? { revision: record.revision } : {}),
    },
    items,
  };
}

/** Checks every outcome; `failed` is true when any item blocks publication. */
export function checkOutcomes(outcomes: readonly FileOutcome[], options: CheckOptions): { files: FileCheck[]; failed: boolean } {
  const files = outcomes.map((o) => checkOutcome(o, options));
  return { files, failed: files.some((f) => f.items.some((i) => i.blocking)) };
}

/** `file:line: [错误] message (code)`, plus the unit's explanation when acknowledged. */
export function formatCheckItem(item: CheckItem): string {
  const head = `${item.file}:${item.line}: [${SEVERITY_LABEL[item.severity]}] ${item.message} (${item.code})`;
  return item.acknowledgement === null ? head : `${head} 〔已确认，单位说明：${item.acknowledgement}〕`;
}

/** Header line of a file's group: file, unit, year and whether it would be published. */
export function formatFileHeader(check: FileCheck): string {
  if (!check.record) return `== ${check.file} · 无法导入，不会发布`;
  const { unit, year, publication, revision } = check.record;
  const state = publication.state === 'published' ? '将发布'
    : publication.state === 'draft' ? '草稿，不发布'
    : `定于 ${publication.publishAt} 发布，今天不发布`;
  const version = revision ? ` · 更正稿（第${revision.version}版，替换 ${revision.replaces}）` : '';
  return `== ${check.file} · ${unit} ${year}年${version} · ${state}`;
}

/** One unit's files (in file order), or the files that could not be ingested (`unit` null). */
export interface UnitCheck {
  /** The unit's name as its latest file writes it, or null for the files that could not be ingested. */
  unit: string | null;
  /** `<district>/<unit>` of its records, or null. */
  key: string | null;
  files: FileCheck[];
}

/** Files grouped by unit, units in order of their first file; files that could not be ingested last. */
export function groupByUnit(files: readonly FileCheck[]): UnitCheck[] {
  const groups = new Map<string | null, UnitCheck>();
  for (const f of files) {
    const key = f.record ? f.record.id.split('/').slice(0, -1).join('/') : null;
    const group = groups.get(key) ?? { unit: f.record?.unit ?? null, key, files: [] };
    group.files.push(f);
    groups.set(key, group);
  }
  const unreadable = groups.get(null);
  groups.delete(null);
  return [...groups.values(), ...(unreadable ? [unreadable] : [])];
}

/** Findings counted by severity over all files. */
function counts(files: readonly FileCheck[]): Record<Finding['severity'], number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const i of f.items) out[i.severity]++;
  return out;
}

/**
 * The whole check as JSON (`npm run check -- --format json`), for CI annotations and other tools: per unit,
 * per file, every item with file, line, severity, code, message, acknowledgement and whether it blocks.
 */
export function checkJson(files: readonly FileCheck[], options: CheckOptions): string {
  const blocking = files.reduce((n, f) => n + f.items.filter((i) => i.blocking).length, 0);
  return `${JSON.stringify({
    today: options.today,
    strict: options.strict,
    failed: files.some((f) => f.items.some((i) => i.blocking)),
    summary: { files: files.length, ...counts(files), blocking, unreadable: files.filter((f) => !f.record).length },
    units: groupByUnit(files),
  }, null, 1)}\n`;
}

/** The whole report: per unit a `## unit` line and one group per file (header, items, blank line), then a summary line. */
export function formatCheck(files: readonly FileCheck[], options: CheckOptions): string[] {
  const out: string[] = [];
  for (const group of groupByUnit(files)) {
    out.push(group.unit === null ? `## 无法导入的文件（${group.files.length} 份）` : `## ${group.unit}（${group.files.length} 份文件）`);
    for (const f of group.files) formatFile(f, options, out);
  }
  formatSummary(files, options, out);
  return out;
}

/** One file's group: header, items, blank line. */
function formatFile(f: FileCheck, options: CheckOptions, out: string[]): void {
  out.push(formatFileHeader(f));
  if (f.items.length === 0) out.push('（未发现问题）');
  out.push(...f.items.map(formatCheckItem));
  const embargoedErrors = f.record?.publication.state === 'embargoed'
    && f.items.some((i) => i.acknowledgement === null && blocksAt(i.severity, options.strict));
  if (embargoedErrors) out.push('注意：以上未确认的问题在发布日之前须更正或确认，否则届时检查不通过');
  out.push('');
}

/** The summary line. */
function formatSummary(files: readonly FileCheck[], options: CheckOptions, out: string[]): void {
  const blocking = files.flatMap((f) => (f.record ? f.items.filter((i) => i.blocking) : []));
  const unreadable = files.filter((f) => !f.record).length;
  const count = counts(files);
  const problems = [
    ...(unreadable ? [`${unreadable} 个文件无法导入，不会发布（请按上面的行号更正）`] : []),
    ...(blocking.length
      ? [`${blocking.length} 项未确认的${options.strict ? '错误或提示' : '错误'}阻止发布（请更正原文，或在 <文件名>.meta.yml 的 acknowledgements 中由单位说明）`]
      : []),
  ];
  out.push(`check: ${files.length} 个文件；错误 ${count.error} 项，提示 ${count.warning} 项，说明 ${count.info} 项；`
    + (problems.length ? problems.join('；') : '没有阻止发布的问题'));
}
