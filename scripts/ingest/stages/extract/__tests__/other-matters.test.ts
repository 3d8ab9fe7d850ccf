/** 机关运行经费, 政府采购, 绩效目标, 国有资产 and 名词解释, from example paragraphs. */
import { describe, expect, it } from 'vitest';
import { extractOperatingExpenses } from '../operating-expenses.ts';
import { extractProcurement } from '../procurement.ts';
import { extractPerformance } from '../performance.ts';
import { extractAssets } from '../assets.ts';
import { extractGlossary } from '../glossary.ts';
import { markTableReferences } from '../table-references.ts';
import { contextOf } from './doc.ts';

const other = '五、其他重要事项的情况说明\n（一）机关运行经费。2026年机关运行经费预算12.5万元，比2025年减少1万元，主要用于办公费。\n（二）政府采购情况。2026年政府采购预算总额30万元，其中：货物10万元，工程0万元，服务20万元。\n（三）绩效目标设置情况。2026年实行绩效目标管理的项目资金50万元。\n（四）国有资产占有使用情况。截至2025年12月，本单位共有车辆2辆，其中一般公务用车2辆。\n';

describe('other matters', () => {
  it('机关运行经费: amount, change and purpose; or not in scope', () => {
    const r = extractOperatingExpenses(contextOf(other))!;
    expect([r.amount, r.change?.amount, r.purpose, r.notInScope]).toEqual([125000, -10000, '办公费', false]);
    const none = extractOperatingExpenses(contextOf('五、其他重要事项\n（一）机关运行经费。本单位不在机关运行经费统计范围之内。\n'))!;
    expect([none.amount, none.notInScope]).toEqual([null, true]);
  });

  it('政府采购: total and parts', () => {
    const r = extractProcurement(contextOf(other))!;
    expect([r.total, r.goods, r.works, r.services]).toEqual([300000, 100000, 0, 200000]);
  });

  it('绩效目标: the amount covered', () => {
    expect(extractPerformance(contextOf(other))?.coverageAmount).toBe(500000);
  });

  it('国有资产: vehicles held at a date', () => {
    const r = extractAssets(contextOf(other))!;
    expect([r.referenceDate, r.vehicles.total]).toEqual(['2025-12', 2]);
    expect(r.vehicles.byType).toEqual([{ type: '一般公务用车', count: 2 }]);
  });
});

describe('glossary and table references', () => {
  it('reads terms, joins a wrapped definition, and stops at a table heading line', () => {
    const g = extractGlossary(contextOf('六、名词解释\n基本支出：指为保障机构正常运转\n而发生的人员经费和公用经费。\n项目支出：指完成特定任务的支出。\n部门：示例单位\n'));
    expect(g.map((e) => [e.term, e.definition])).toEqual([['基本支出', '指为保障机构正常运转而发生的人员经费和公用经费。'], ['项目支出', '指完成特定任务的支出。']]);
  });

  it('marks the lines that only point to the attached tables as used', () => {
    const ctx = contextOf('一、基本情况\n具体详见附表。\n本单位负责示例工作。\n');
    markTableReferences(ctx);
    expect([...ctx.used]).toEqual([2]);
  });
});
