/**
 * Documents of the same family with other wording, numbering and layout than the five seeds
 * (hand-written fixtures modelled on other Chongqing districts' disclosures). The parser must read them
 * by structure and vocabulary alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../index.ts';

const dir = join(import.meta.dirname, 'fixtures', 'variants');
const parse = (name: string) => {
  const { record, diagnostics } = parseDocument(readFileSync(join(dir, name)), name);
  if (!record) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return record;
};

describe('department budget with 1./2. subsections, 去年 comparisons and a combined vehicle item', () => {
  const r = parse('qijiang-2025.txt');
  it('reads identity from the title lines', () => {
    expect(r.id).toBe('qijiang/caizhengju/2025');
    expect(r.identity).toMatchObject({ unit: '重庆市綦江区财政局', district: '綦江区', year: 2025, budgetKind: 'departmentBudget' });
  });
  it('reads every key figure', () => {
    expect(r.keyFigures).toEqual({
      unit: '重庆市綦江区财政局', year: 2025,
      incomeTotal: 23456700, expenditureTotal: 23456700, generalBudget: 23000000, governmentFund: 456700,
      basicExpenditure: 18000000, projectExpenditure: 5000000, changeFromPreviousYear: -123000,
      expenditureByFunction: { 一般公共服务支出: 20000000, 社会保障和就业支出: 2000000, 城乡社区支出: 1456700 },
      threePublic: { total: 85000, outboundTravel: 0, reception: 25000, vehicleOperation: 60000, vehiclePurchase: 0 },
      operatingExpenses: 1205000,
      procurement: { total: 500000, goods: 300000, works: 0, services: 200000 },
      vehicles: 3,
      glossaryTerms: ['财政拨款收入', '基本支出'],
      contact: { name: '张三', phone: '023-12345678' },
    });
  });
  it('reads changes stated as 较去年/与上年持平 and full-width figures', () => {
    expect(r.income.change).toMatchObject({ amount: -123000, comparedYear: null, reason: '人员调出' });
    expect(r.generalBudgetAppropriation.project.change).toMatchObject({ amount: 0, comparedYear: 2024 });
    expect(r.generalBudgetAppropriation.project.purpose).toBe('财政信息化建设');
    expect(r.threePublic.total.change?.amount).toBe(-5000);
    expect(r.operatingExpenses).toMatchObject({ amount: 1205000, notInScope: false, change: { amount: -35000, reason: '厉行节约' } });
    expect(r.assets?.vehicles.byType).toEqual([{ type: '一般公务用车', count: 2 }, { type: '执法执勤用车', count: 1 }]);
  });
  it('accounts for every line and finds nothing wrong in a consistent document', () => {
    expect(r.coverage.unrecognised).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe('unit budget notice with （1） items, 收入预算总额为, 不纳入 and full-width digits', () => {
  const r = parse('beibei-unit-2023.txt');
  it('reads identity, notice kind, approval document and date', () => {
    expect(r.identity).toMatchObject({
      unit: '重庆市北碚区天生街道社区事务服务中心', district: '北碚区', year: 2023, budgetKind: 'unitBudget',
      noticeKind: '公告', approvalDocument: { title: '关于批复2023年部门预算的通知', number: '北碚财预〔2023〕5号' },
      publicationDate: '2023-02-20',
    });
  });
  it('reads the figures', () => {
    expect(r.keyFigures).toMatchObject({
      incomeTotal: 3205000, expenditureTotal: 3205000, generalBudget: 3005000, governmentFund: 0,
      basicExpenditure: 2005000, projectExpenditure: 1000000, changeFromPreviousYear: 105000,
      threePublic: { total: 12000, outboundTravel: 0, reception: 12000, vehicleOperation: 0, vehiclePurchase: 0 },
      operatingExpenses: null, vehicles: 0,
    });
    expect(r.operatingExpenses?.notInScope).toBe(true);
    expect(r.income.sources.find((s) => s.key === 'institutionIncome')?.amount).toBe(200000);
  });
  it('accounts for every line', () => {
    expect(r.coverage.unrecognised).toEqual([]);
  });
});
