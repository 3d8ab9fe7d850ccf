import { describe, expect, it } from 'vitest';
import { identityFromTables } from '../identity.ts';
import { toLines } from '../../normalize.ts';
import { parseDocument } from '../../../index.ts';

const HEADINGS = [
  '公开01表',
  '                    收支预算总表',
  '部门：江苏省某某委员会办公厅                              单位：万元',
  '   收入              支出',
  '',
  '                    2019年政府采购预算表',
  '部门：江苏省某某委员会办                    单位：万元', // cut short by a wrap
  '',
  '                    2019年一般公共预算支出表',
  '部门名称：江苏省某某委员会办公厅      单位：万元',
];

describe('identity of a file of tables, from the tables themselves', () => {
  it('takes the unit every heading names (a wrapped heading is a prefix) and the year of the year-titled budget tables', () => {
    expect(identityFromTables(toLines(HEADINGS.join('\n')))).toEqual({ unit: '江苏省某某委员会办公厅', unitLine: 3, year: 2019, yearLine: 6 });
  });

  it('takes nothing it is unsure of: two units, two years, a final account or a title that names no standard table', () => {
    const twoUnits = [...HEADINGS, '部门：江苏省另一个厅      单位：万元'];
    expect(identityFromTables(toLines(twoUnits.join('\n')))).toMatchObject({ unit: null, year: 2019 });
    const twoYears = [...HEADINGS, '2018年政府采购预算表'];
    expect(identityFromTables(toLines(twoYears.join('\n')))).toMatchObject({ unit: '江苏省某某委员会办公厅', year: null });
    const noBudgetYear = ['部门：江苏省某某厅    单位：万元', '2018年政府采购决算表', '2019年工作总结'];
    expect(identityFromTables(toLines(noBudgetYear.join('\n')))).toMatchObject({ unit: '江苏省某某厅', year: null });
  });

  it('a tables file without such headings keeps the diagnostic', () => {
    const { record, diagnostics } = parseDocument(new TextEncoder().encode([
      '收支预算总表', '单位：万元', '', '收入合计    100.00    支出合计    100.00',
    ].join('\n')), 'tables.txt');
    expect(record).toBeNull();
    expect(diagnostics[0]!.message).toMatch(/不是可识别的部门\/单位预算公开文本：缺少单位名称、预算年度/);
  });
});
