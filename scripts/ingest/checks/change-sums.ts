/**
 * Stated changes against each other:
 * change.income-expenditure-mismatch — a balanced budget's income and expenditure change alike;
 * change.parts-sum — the 支出预算 paragraph's 基本/项目 changes add up to its whole change;
 * change.basic-project-sum — the 财政拨款 explanation's 基本/项目 changes add up to its change;
 * threePublic.change-sum — the “三公” items' changes add up to the total's change.
 */
import { sum } from '../../../src/domain/money.ts';
import { recordExample, stated, type RecordInput } from './record.ts';
import type { Check } from './types.ts';
import { changeInWords as change } from './words.ts';

export const changeIncomeExpenditureMismatch: Check<RecordInput> = {
  codes: ['change.income-expenditure-mismatch'],
  description: 'When income and expenditure totals are equal, their changes from the previous year are equal too.',
  run: ({ record: r }) => {
    const inc = r.income.change?.amount ?? null;
    const exp = r.expenditure.change?.amount ?? null;
    return inc !== null && exp !== null && inc !== exp && r.income.total === r.expenditure.total
      ? [{ severity: 'warning', code: 'change.income-expenditure-mismatch', message: `收入比上年${change(inc)}，支出比上年${change(exp)}，收支平衡时两者应相同`, line: r.expenditure.change!.line }]
      : [];
  },
  pass: [
    { name: 'the same change', input: recordExample({ income: { total: 1_000_000, change: stated(100_000, 11) }, expenditure: { total: 1_000_000, change: stated(100_000, 21) } }) },
    { name: 'totals differ', input: recordExample({ income: { total: 1_000_000, change: stated(100_000, 11) }, expenditure: { total: 900_000, change: stated(0, 21) } }) },
  ],
  fail: [{
    name: 'a balanced budget whose income grows and spending shrinks',
    input: recordExample({ income: { total: 1_000_000, change: stated(100_000, 11) }, expenditure: { total: 1_000_000, change: stated(-780_600, 21) } }),
    findings: [{ severity: 'warning', code: 'change.income-expenditure-mismatch', message: '收入比上年增加10.00万元，支出比上年减少78.06万元，收支平衡时两者应相同', line: 21 }],
  }],
};

export const changePartsSum: Check<RecordInput> = {
  codes: ['change.parts-sum'],
  description: 'The 支出预算 paragraph’s changes of 基本支出 and 项目支出 add up to the change of the whole (the income change when the expenditure change names an impossible year).',
  run: ({ record: r }) => {
    const inc = r.income.change?.amount ?? null;
    const exp = r.expenditure.change?.amount ?? null;
    const bc = r.expenditure.basicChange?.amount ?? null;
    const pc = r.expenditure.projectChange?.amount ?? null;
    const ec = r.expenditure.change;
    const whole = ec && ec.comparedYear !== null && ec.comparedYear >= r.identity.year ? inc : exp ?? inc;
    return bc !== null && pc !== null && whole !== null && bc + pc !== whole
      ? [{ severity: 'warning', code: 'change.parts-sum', message: `基本支出比上年${change(bc)}，项目支出比上年${change(pc)}，两者合计${change(bc + pc)}，与支出总额比上年${change(whole)}不一致`, line: r.expenditure.line ?? r.generalBudgetAppropriation.line }]
      : [];
  },
  pass: [{
    name: 'parts add up',
    input: recordExample({ expenditure: { line: 20, change: stated(100_000, 21), basicChange: stated(30_000, 22), projectChange: stated(70_000, 22) } }),
  }],
  fail: [
    {
      name: 'parts short of the whole',
      input: recordExample({ expenditure: { line: 20, change: stated(100_000, 21), basicChange: stated(30_000, 22), projectChange: stated(-70_000, 22) } }),
      findings: [{ severity: 'warning', code: 'change.parts-sum', message: '基本支出比上年增加3.00万元，项目支出比上年减少7.00万元，两者合计减少4.00万元，与支出总额比上年增加10.00万元不一致', line: 20 }],
    },
    {
      name: 'compared with the income change when the expenditure change names an impossible year',
      input: recordExample({
        income: { change: stated(50_000, 11) },
        expenditure: { line: 20, change: stated(100_000, 21, 2026), basicChange: stated(30_000, 22), projectChange: stated(70_000, 22) },
      }),
      findings: [{ severity: 'warning', code: 'change.parts-sum', message: '基本支出比上年增加3.00万元，项目支出比上年增加7.00万元，两者合计增加10.00万元，与支出总额比上年增加5.00万元不一致', line: 20 }],
    },
  ],
};

export const changeBasicProjectSum: Check<RecordInput> = {
  codes: ['change.basic-project-sum'],
  description: 'The 财政拨款 explanation’s changes of 基本支出 and 项目支出 add up to the change of 一般公共预算财政拨款.',
  run: ({ record: { generalBudgetAppropriation: gba } }) => {
    const [whole, basic, project] = [gba.change?.amount, gba.basic.change?.amount, gba.project.change?.amount];
    return whole != null && basic != null && project != null && basic + project !== whole
      ? [{ severity: 'warning', code: 'change.basic-project-sum', message: `基本支出比上年${change(basic)}，项目支出比上年${change(project)}，两者合计与一般公共预算财政拨款比上年${change(whole)}不一致`, line: gba.line }]
      : [];
  },
  pass: [{
    name: 'parts add up',
    input: recordExample({ generalBudgetAppropriation: { change: stated(0, 31), basic: { change: stated(10_000, 32) }, project: { change: stated(-10_000, 33) } } }),
  }],
  fail: [{
    name: 'parts do not add up',
    input: recordExample({ generalBudgetAppropriation: { line: 30, change: stated(0, 31), basic: { change: stated(10_000, 32) }, project: { change: stated(10_000, 33) } } }),
    findings: [{ severity: 'warning', code: 'change.basic-project-sum', message: '基本支出比上年增加1.00万元，项目支出比上年增加1.00万元，两者合计与一般公共预算财政拨款比上年持平不一致', line: 30 }],
  }],
};

export const threePublicChangeSum: Check<RecordInput> = {
  codes: ['threePublic.change-sum'],
  description: 'The changes of the four “三公” items add up to the change of the total.',
  run: ({ record: { threePublic: tp } }) => {
    const total = tp.total.change?.amount;
    if (total == null) return [];
    const items = [tp.outboundTravel, tp.reception, tp.vehicleOperation, tp.vehiclePurchase].map((i) => i.change?.amount ?? null);
    return items.every((x) => x !== null) && sum(items) !== total
      ? [{ severity: 'warning', code: 'threePublic.change-sum', message: `“三公”经费各项比上年的增减合计为${change(sum(items))}，与总额比上年${change(total)}不一致`, line: tp.total.line }]
      : [];
  },
  pass: [{
    name: 'item changes add up',
    input: recordExample({ threePublic: {
      total: { change: stated(-1_000, 50) }, outboundTravel: { change: stated(0, 51) }, reception: { change: stated(-1_000, 52) },
      vehicleOperation: { change: stated(0, 53) }, vehiclePurchase: { change: stated(0, 54) },
    } }),
  }],
  fail: [{
    name: 'item changes do not add up',
    input: recordExample({ threePublic: {
      total: { line: 50, change: stated(-1_000, 50) }, outboundTravel: { change: stated(0, 51) }, reception: { change: stated(1_000, 52) },
      vehicleOperation: { change: stated(0, 53) }, vehiclePurchase: { change: stated(0, 54) },
    } }),
    findings: [{ severity: 'warning', code: 'threePublic.change-sum', message: '“三公”经费各项比上年的增减合计为增加0.10万元，与总额比上年减少0.10万元不一致', line: 50 }],
  }],
};
