/** Term table: kinds of attached table (record `tables[].kind`), each with the Chinese name readers know it by. */
export const TABLE_KINDS = {
  fiscalSummary: '财政拨款收支总表',
  generalBudgetExpenditure: '一般公共预算财政拨款支出预算表',
  basicExpenditure: '一般公共预算财政拨款基本支出预算表（部门预算支出经济分类科目）',
  basicExpenditureGovEconomic: '一般公共预算财政拨款基本支出预算表（政府预算支出经济分类科目）',
  threePublic: '一般公共预算“三公”经费支出表',
  governmentFund: '政府性基金预算支出表',
  stateCapitalBudget: '国有资本经营预算支出表',
  departmentSummary: '部门收支总表',
  departmentIncome: '部门收入总表',
  departmentExpenditure: '部门支出总表',
  projectExpenditure: '一般公共预算财政拨款项目支出预算表（部门预算支出经济分类科目）',
  projectExpenditureGovEconomic: '一般公共预算财政拨款项目支出预算表（政府预算支出经济分类科目）',
  procurement: '政府采购明细表',
  performanceTargets: '项目绩效目标表',
  operatingExpenses: '机关运行经费支出表',
  fiscalExpenditure: '财政拨款支出表',
  fiscalBasicExpenditure: '财政拨款基本支出表',
  other: '其他附表',
} as const;

export type TableKind = keyof typeof TABLE_KINDS;
