/**
 * Who published a file that holds only the attached tables, and for which year, read from the tables
 * themselves: every table of a disclosure's tables file is headed `部门：<unit>` (or 部门名称 / 单位名称 /
 * 预算单位) beside its 单位 note, and some titles carry the budget year (`2017年政府采购预算表`). Published
 * alone, such a file gives a record with the figures its tables state.
 *
 * Sure or nothing: the unit is taken only when every such heading names it (a heading cut short by a wrap,
 * `部门：中国共产党江苏省委员会办`, is a prefix of it), the year only when every year-titled budget table
 * states the same year. Anything else leaves the identity missing, and the file gets the usual diagnostic.
 */
import type { Line } from '../normalize.ts';
import { standardTableKind } from '../../../../src/domain/terms/standard-tables.ts';

export interface TablesIdentity {
  unit: string | null;
  /** Line of the first heading naming the whole unit. */
  unitLine: number | null;
  year: number | null;
  /** Line of the first title stating the year. */
  yearLine: number | null;
}

/** `部门：江苏省政协办公厅      单位：万元` → the name (up to a wide gap or the 单位 note). */
const UNIT_HEADING = /^\s*(?:部门名称|部门|单位名称|预算单位)\s*[:：]\s*(\S(?:.*?\S)?)(?:\s{2,}|\s*单位\s*[:：]|$)/;
/** A budget table's title with its year: `2017年政府采购预算表`, `2019 年度一般公共预算支出表`. */
const YEAR_TITLE = /^(\d{4})\s*年\s*(?:度)?\s*(\S.*)$/;

export function identityFromTables(lines: readonly Line[]): TablesIdentity {
  const names: { name: string; line: number }[] = [];
  const years: { year: number; line: number }[] = [];
  for (const l of lines) {
    const u = UNIT_HEADING.exec(l.text);
    if (u) {
      const name = u[1]!.replace(/\s+/g, '');
      if (name.length >= 3 && !/\d/.test(name)) names.push({ name, line: l.n });
      continue;
    }
    const compact = l.text.trim();
    const y = compact.length <= 40 ? YEAR_TITLE.exec(compact) : null;
    if (y && /预算/.test(y[2]!) && !/决算/.test(y[2]!) && standardTableKind(y[2]!) !== null) years.push({ year: Number(y[1]), line: l.n });
  }
  const longest = names.reduce<{ name: string; line: number } | null>((a, b) => (a === null || b.name.length > a.name.length ? b : a), null);
  const unitSure = longest !== null && names.every((n) => longest.name.startsWith(n.name));
  const yearSure = years.length > 0 && years.every((y) => y.year === years[0]!.year);
  return {
    unit: unitSure ? longest.name : null,
    unitLine: unitSure ? names.find((n) => n.name === longest.name)!.line : null,
    year: yearSure ? years[0]!.year : null,
    yearLine: yearSure ? years[0]!.line : null,
  };
}
