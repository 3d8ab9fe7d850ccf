/**
 * table.not-adding-up: in a table laid out in columns (PDF), a total and the parts it is made of agree within the
 * rounding of the printed decimals (`slack`, in 分) — 收入合计 = 支出合计, 财政拨款 = 一般公共预算 + 政府性基金
 * (+ 国有资本经营预算), 合计 = 基本支出 + 项目支出 (+ 预留), the 类 rows, 货物 + 工程 + 服务. When they do not,
 * the figures concerned are not taken from the table.
 *
 * A stage check: the layout-tables stage (stages/tables/figures.ts) runs it on each sum it needs, while it reads a
 * table's grid, and takes the figures only when it finds nothing; the examples give the same input. (When no
 * reading of a “三公” table's columns adds up at all, the stage reports the same code itself: there is no sum to give.)
 */
import { formatFenIn, type AmountUnit } from '../../../src/domain/money.ts';
import type { Check } from './types.ts';

export interface TableSumInput {
  /** The table's title, the sum's name (财政拨款收入) and the unit its amounts are printed in. */
  title: string;
  what: string;
  unit: AmountUnit;
  /** The totals the parts may add up to (合计, or 当年支出小计), in 分; none: it cannot add up. */
  totals: readonly number[];
  /** The total the message names (the first of `totals`, or the table's 合计 when there is none). */
  shown: number;
  /** The parts' sum, in 分, and the rounding allowed for it, in 分. */
  parts: number;
  slack: number;
  /** The line the finding points at. */
  line: number;
}

export const tableNotAddingUp: Check<TableSumInput> = {
  codes: ['table.not-adding-up'],
  description: 'In a table laid out in columns, the parts add up to a total within the rounding of the printed decimals.',
  run: ({ title, what, unit, totals, shown, parts, slack, line }) => (totals.some((t) => Math.abs(t - parts) <= slack) ? [] : [{
    severity: 'warning', code: 'table.not-adding-up',
    message: `表「${title}」${what}：各项之和${formatFenIn(parts, unit)}${unit}，与合计${formatFenIn(shown, unit)}${unit}不符，相关数字不采用`,
    line,
  }]),
  pass: [
    { name: 'exactly', input: { title: '收支预算总表', what: '财政拨款收入', unit: '万元', totals: [91_016_800_00], shown: 91_016_800_00, parts: 91_016_800_00, slack: 0, line: 30 } },
    { name: 'within the rounding of two parts', input: { title: '支出预算总表', what: '合计行（基本支出、项目支出）', unit: '万元', totals: [1_000_000], shown: 1_000_000, parts: 1_010_000, slack: 20_000, line: 30 } },
    { name: 'adds up to the second total (当年支出小计)', input: { title: '收支预算总表', what: '支出（按用途）', unit: '万元', totals: [5_000_000, 4_000_000], shown: 5_000_000, parts: 4_000_000, slack: 20_000, line: 30 } },
  ],
  fail: [
    {
      name: 'beyond the rounding',
      input: { title: '政府采购预算表', what: '货物、工程、服务', unit: '万元', totals: [1_000_000], shown: 1_000_000, parts: 1_100_000, slack: 30_000, line: 44 },
      findings: [{ severity: 'warning', code: 'table.not-adding-up', line: 44, message: '表「政府采购预算表」货物、工程、服务：各项之和1.10万元，与合计1.00万元不符，相关数字不采用' }],
    },
    {
      name: 'no total to add up to',
      input: { title: '收支预算总表', what: '按功能分类的支出', unit: '元', totals: [], shown: 0, parts: 12_345, slack: 0, line: 50 },
      findings: [{ severity: 'warning', code: 'table.not-adding-up', line: 50, message: '表「收支预算总表」按功能分类的支出：各项之和123.45元，与合计0.00元不符，相关数字不采用' }],
    },
  ],
};
