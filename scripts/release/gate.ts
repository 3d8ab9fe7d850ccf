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
  /** Unit, year and publication of the record, or null when the file could not be ingested. */
  record: { id: string; unit: string; year: number; publication: Publication } | null;
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
  return {
    file: outcome.file,
    record: { id: record.id, unit: record.identity.unit, year: record.identity.year, publication },
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
  const { unit, year, publication } = check.record;
  const state = publication.state === 'published' ? '将发布'
    : publication.state === 'draft' ? '草稿，不发布'
    : `定于 ${publication.publishAt} 发布，今天不发布`;
  return `== ${check.file} · ${unit} ${year}年 · ${state}`;
}

/** The whole report: one group per file (header, items, blank line) and a summary line. */
export function formatCheck(files: readonly FileCheck[], options: CheckOptions): string[] {
  const out: string[] = [];
  for (const f of files) {
    out.push(formatFileHeader(f));
    if (f.items.length === 0) out.push('（未发现问题）');
    out.push(...f.items.map(formatCheckItem));
    const embargoedErrors = f.record?.publication.state === 'embargoed'
      && f.items.some((i) => i.acknowledgement === null && blocksAt(i.severity, options.strict));
    if (embargoedErrors) out.push('注意：以上未确认的问题在发布日之前须更正或确认，否则届时检查不通过');
    out.push('');
  }
  const blocking = files.flatMap((f) => (f.record ? f.items.filter((i) => i.blocking) : []));
  const unreadable = files.filter((f) => !f.record).length;
  const count = (s: Finding['severity']) => files.reduce((n, f) => n + f.items.filter((i) => i.severity === s).length, 0);
  const problems = [
    ...(unreadable ? [`${unreadable} 个文件无法导入，不会发布（请按上面的行号更正）`] : []),
    ...(blocking.length
      ? [`${blocking.length} 项未确认的${options.strict ? '错误或提示' : '错误'}阻止发布（请更正原文，或在 <文件名>.meta.yml 的 acknowledgements 中由单位说明）`]
      : []),
  ];
  out.push(`check: ${files.length} 个文件；错误 ${count('error')} 项，提示 ${count('warning')} 项，说明 ${count('info')} 项；`
    + (problems.length ? problems.join('；') : '没有阻止发布的问题'));
  return out;
}
