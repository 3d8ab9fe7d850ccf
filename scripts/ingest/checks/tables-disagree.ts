/**
 * table.tables-disagree: a key figure two attached tables both print (收入总计 in 收支预算总表 and in 收入预算总表,
 * say) is the same in both; when it is not, the figure is not taken from the tables at all. The same for
 * spending by function class, which several tables list.
 *
 * A stage check: the layout-tables stage (stages/tables/figures.ts) runs it on the statements it collected
 * from every table, while it decides which figures to take; the examples give the same input.
 */
import { formatFenIn } from '../../../src/domain/money.ts';
import type { Check } from './types.ts';

/** One table's statement of a figure: its value in 分, line, table title and row (or column) label. */
export interface TableStatement {
  fen: number;
  line: number;
  title: string;
  label: string;
}

/** One key figure as each table states it, or each table's list of function classes. */
export type TablesDisagreeInput =
  | { figures: readonly TableStatement[] }
  | { byFunction: ReadonlyArray<ReadonlyArray<{ label: string; figure: TableStatement }>> };

const yuan = (fen: number): string => `${formatFenIn(fen, '元')}元`;
const classes = (list: ReadonlyArray<{ label: string; figure: TableStatement }>): string => list.map((x) => `${x.label}=${x.figure.fen}`).join(';');

export const tablesDisagree: Check<TablesDisagreeInput> = {
  codes: ['table.tables-disagree'],
  description: 'A figure (or the spending by function class) printed in several attached tables is the same in all of them.',
  run: (input) => {
    if ('figures' in input) {
      const [first, ...rest] = input.figures;
      const other = rest.find((f) => f.fen !== first!.fen);
      return first && other ? [{
        severity: 'warning', code: 'table.tables-disagree',
        message: `表「${first.title}」第${first.line}行的「${first.label}」为${yuan(first.fen)}，表「${other.title}」第${other.line}行为${yuan(other.fen)}，两表不一致，此数不采用`,
        line: first.line,
      }] : [];
    }
    const [first, ...rest] = input.byFunction;
    const other = rest.find((l) => classes(l) !== classes(first!));
    return first && other ? [{
      severity: 'warning', code: 'table.tables-disagree',
      message: `表「${first[0]?.figure.title ?? ''}」与表「${other[0]?.figure.title ?? ''}」按功能分类的支出不一致，此项不采用`,
      line: first[0]?.figure.line ?? null,
    }] : [];
  },
  pass: [
    {
      name: 'two tables print the same 收入总计',
      input: { figures: [{ fen: 9_101_677_535, line: 40, title: '收支预算总表', label: '收入总计' }, { fen: 9_101_677_535, line: 80, title: '收入预算总表', label: '合计' }] },
    },
    { name: 'one table only', input: { figures: [{ fen: 100, line: 40, title: '收支预算总表', label: '收入总计' }] } },
    {
      name: 'the same function classes in two tables',
      input: { byFunction: [[{ label: '一般公共服务支出', figure: { fen: 500, line: 41, title: '支出预算总表', label: '一般公共服务支出' } }], [{ label: '一般公共服务支出', figure: { fen: 500, line: 91, title: '财政拨款支出预算表', label: '一般公共服务支出' } }]] },
    },
  ],
  fail: [
    {
      name: 'two tables print different 收入总计',
      input: { figures: [{ fen: 9_101_677_535, line: 40, title: '收支预算总表', label: '收入总计' }, { fen: 9_101_677_535, line: 60, title: '财政拨款收支总表', label: '收入总计' }, { fen: 9_000_000_000, line: 80, title: '收入预算总表', label: '合计' }] },
      findings: [{
        severity: 'warning', code: 'table.tables-disagree', line: 40,
        message: '表「收支预算总表」第40行的「收入总计」为91,016,775.35元，表「收入预算总表」第80行为90,000,000.00元，两表不一致，此数不采用',
      }],
    },
    {
      name: 'two tables list different function classes',
      input: { byFunction: [[{ label: '一般公共服务支出', figure: { fen: 500, line: 41, title: '支出预算总表', label: '一般公共服务支出' } }], [{ label: '一般公共服务支出', figure: { fen: 600, line: 91, title: '财政拨款支出预算表', label: '一般公共服务支出' } }]] },
      findings: [{ severity: 'warning', code: 'table.tables-disagree', line: 41, message: '表「支出预算总表」与表「财政拨款支出预算表」按功能分类的支出不一致，此项不采用' }],
    },
  ],
};
