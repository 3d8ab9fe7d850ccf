/**
 * Links from a displayed figure to the source line it was read from. Every figure on the record page goes
 * through these helpers so that `#L12` always lands on the `L12` element rendered by SourceText.
 */
import type { UnitYearRecord } from '../../domain/schema/record.ts';
import type { SourcePart } from '../../domain/schema/source-part.ts';

/** Element id of a 1-based source line (`L12`). */
export const lineId = (line: number): string => `L${line}`;

/**
 * Path of the 原文 page relative to a unit-year page (`…/<year>/` → `…/<year>/source/`); the site's URLs
 * always end in a slash, so the relative link works under any base.
 */
export const SOURCE_PAGE = 'source/';

/** `source/#L12` (the line on the 原文 page) for a known 1-based source line, or null when the line is unknown. */
export function lineHref(line: number | null | undefined): string | null {
  return line !== null && line !== undefined && line > 0 ? `${SOURCE_PAGE}#${lineId(line)}` : null;
}

/** The line recorded in `record.provenance` for a dotted field path (`income.total`), or null. */
export function provenanceLine(record: Pick<UnitYearRecord, 'provenance'>, path: string): number | null {
  return record.provenance[path] ?? null;
}

/** The first known line among candidates (an object's own `line`, then provenance…), or null. */
export function firstLine(...candidates: Array<number | null | undefined>): number | null {
  for (const c of candidates) if (c !== null && c !== undefined && c > 0) return c;
  return null;
}

const FORMAT_LABEL: Record<SourcePart['format'], string> = { pdf: 'PDF', docx: 'Word', html: '网页源代码', text: '文本' };

/** The link text of part `k`'s original file: 公开文件原件（PDF，12页）, numbered when there are several. */
export function originalLabel(parts: readonly SourcePart[], k: number): string {
  const p = parts[k]!;
  const what = [FORMAT_LABEL[p.format], ...(p.pages === null ? [] : [`${p.pages}页`])].join('，');
  return `公开文件原件${parts.length > 1 ? `之${k + 1}` : ''}（${what}）`;
}
