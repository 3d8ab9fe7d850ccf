/**
 * table.text-disagrees: a key figure the text states and an attached table states too agree, at the text's
 * precision (9,101.68万元 states 91,016,775.35 元). When they do not, the finding carries both statements
 * side by side; the page's figures stay the text's.
 *
 * A stage check: the layout-tables stage (stages/tables/index.ts, `applyTableFigures`) runs it for each key
 * figure both state, while it fills the ones only the tables state; the examples give the same input.
 */
import { agreesAtTextPrecision, formatFenIn } from '../../../src/domain/money.ts';
import type { Check } from './types.ts';

export interface TableTextInput {
  /** The key figure's path under keyFigures (`incomeTotal`, `threePublic.total`). */
  figure: string;
  /** The text's figure in 元, and the line it is stated on (null when unknown). */
  text: number;
  textLine: number | null;
  /** The table's figure in 分, where it is printed. */
  table: { fen: number; line: number; title: string; label: string };
}

const wan = (yuan: number): string => `${formatFenIn(yuan * 100, '万元')}万元`;
const yuanOf = (fen: number): string => `${formatFenIn(fen, '元')}元`;

export const tableTextDisagrees: Check<TableTextInput> = {
  codes: ['table.text-disagrees'],
  description: 'A key figure stated by both the text and an attached table is the same at the text\'s precision.',
  run: ({ figure, text, textLine: at, table: f }) => (agreesAtTextPrecision(text, f.fen) ? [] : [{
    severity: 'warning', code: 'table.text-disagrees',
    message: `正文${at ? `第${at}行` : ''}所述${wan(text)}，与表「${f.title}」第${f.line}行「${f.label}」${yuanOf(f.fen)}不一致`,
    line: at ?? f.line,
    // The page's figures are the text's (its sentences are what the page shows); the table's stays beside it.
    disagreement: {
      figure,
      statements: [
        { where: '正文', printed: wan(text), line: at },
        { where: `表「${f.title}」「${f.label}」`, printed: yuanOf(f.fen), line: f.line },
      ],
      published: 0,
    },
  }]),
  pass: [
    {
      name: 'the table\'s figure rounded to the text\'s 万元 with two decimals',
      input: { figure: 'incomeTotal', text: 91_016_800, textLine: 12, table: { fen: 9_101_677_535, line: 40, title: '收支预算总表', label: '收入总计' } },
    },
    {
      name: 'exactly the same',
      input: { figure: 'threePublic.total', text: 160_000, textLine: 50, table: { fen: 16_000_000, line: 90, title: '“三公”经费预算表', label: '合计' } },
    },
  ],
  fail: [
    {
      name: 'the text and the table differ by more than the text\'s rounding',
      input: { figure: 'incomeTotal', text: 91_016_800, textLine: 12, table: { fen: 9_111_677_535, line: 40, title: '收支预算总表', label: '收入总计' } },
      findings: [{
        severity: 'warning', code: 'table.text-disagrees', message: '正文第12行所述9,101.68万元，与表「收支预算总表」第40行「收入总计」91,116,775.35元不一致', line: 12,
        disagreement: {
          figure: 'incomeTotal',
          statements: [
            { where: '正文', printed: '9,101.68万元', line: 12 },
            { where: '表「收支预算总表」「收入总计」', printed: '91,116,775.35元', line: 40 },
          ],
          published: 0,
        },
      }],
    },
    {
      name: 'the text\'s line unknown: the finding points at the table',
      input: { figure: 'procurement.total', text: 100, textLine: null, table: { fen: 20_000, line: 77, title: '政府采购预算表', label: '合计' } },
      findings: [{
        severity: 'warning', code: 'table.text-disagrees', message: '正文所述0.01万元，与表「政府采购预算表」第77行「合计」200.00元不一致', line: 77,
        disagreement: { figure: 'procurement.total', statements: [{ where: '正文', printed: '0.01万元', line: null }, { where: '表「政府采购预算表」「合计」', printed: '200.00元', line: 77 }], published: 0 },
      }],
    },
  ],
};
