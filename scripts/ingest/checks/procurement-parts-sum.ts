/**
 * procurement.parts-sum and procurement.general-budget-parts-sum: 货物 + 工程 + 服务 = the 政府采购 total,
 * for the whole and for its 一般公共预算拨款 part.
 */
import type { ProcurementParts } from '../../../src/domain/schema/procurement-parts.ts';
import { recordExample } from './record.ts';
import { sumCheck } from './sum.ts';

const parts = (total: number, goods: number | null, works: number, services: number): ProcurementParts => ({ total, goods, works, services });
const procurement = (whole: ProcurementParts, generalBudget: ProcurementParts | null = null) =>
  recordExample({ procurement: { ...whole, generalBudget, text: '政府采购预算…', line: 60 } });

export const procurementPartsSum = sumCheck({
  code: 'procurement.parts-sum',
  description: 'The 政府采购 goods, works and services add up to its total.',
  measure: (r) => r.procurement && { total: r.procurement.total, parts: [r.procurement.goods, r.procurement.works, r.procurement.services], line: r.procurement.line },
  pass: [
    { name: 'parts add up', input: procurement(parts(300_000, 100_000, 0, 200_000)) },
    { name: 'goods not stated', input: procurement(parts(300_000, null, 0, 200_000)) },
  ],
  fail: [
    {
      name: 'parts exceed the total',
      input: procurement(parts(300_000, 110_000, 0, 200_000)),
      findings: [{ severity: 'error', code: 'procurement.parts-sum', message: '政府采购货物、工程、服务之和与采购总额不一致：各项合计31.00万元，与总数30.00万元相差1.00万元', line: 60 }],
    },
    {
      name: 'a difference within rounding',
      input: procurement(parts(300_000, 100_100, 0, 200_000)),
      findings: [{ severity: 'warning', code: 'procurement.parts-sum.rounding', message: '政府采购货物、工程、服务之和与采购总额不一致：各项合计30.01万元，与总数30.00万元相差0.01万元，可能是四舍五入所致，但文件未说明', line: 60 }],
    },
  ],
});

export const procurementGeneralBudgetPartsSum = sumCheck({
  code: 'procurement.general-budget-parts-sum',
  description: 'The goods, works and services of the 政府采购 paid from 一般公共预算拨款 add up to its total.',
  measure: (r) => {
    const gb = r.procurement?.generalBudget;
    return gb ? { total: gb.total, parts: [gb.goods, gb.works, gb.services], line: r.procurement!.line } : null;
  },
  pass: [
    { name: 'parts add up', input: procurement(parts(300_000, 100_000, 0, 200_000), parts(250_000, 50_000, 0, 200_000)) },
    { name: 'no 一般公共预算拨款 part stated', input: procurement(parts(300_000, 100_000, 0, 200_000)) },
  ],
  fail: [
    {
      name: 'parts short of its total',
      input: procurement(parts(300_000, 100_000, 0, 200_000), parts(250_000, 40_000, 0, 200_000)),
      findings: [{ severity: 'error', code: 'procurement.general-budget-parts-sum', message: '一般公共预算拨款政府采购的货物、工程、服务之和与其总额不一致：各项合计24.00万元，与总数25.00万元相差1.00万元', line: 60 }],
    },
    {
      name: 'a difference within rounding',
      input: procurement(parts(300_000, 100_000, 0, 200_000), parts(250_000, 50_100, 0, 200_000)),
      findings: [{ severity: 'warning', code: 'procurement.general-budget-parts-sum.rounding', message: '一般公共预算拨款政府采购的货物、工程、服务之和与其总额不一致：各项合计25.01万元，与总数25.00万元相差0.01万元，可能是四舍五入所致，但文件未说明', line: 60 }],
    },
  ],
});
