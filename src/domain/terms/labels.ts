/** Term table: Chinese labels of schema enums, as officials read them. */
import type { Identity } from '../schema/identity.ts';
import type { Finding } from '../schema/finding.ts';

/** 部门预算 / 单位预算. */
export const BUDGET_KIND_LABEL: Record<Identity['budgetKind'], string> = {
  departmentBudget: '部门预算',
  unitBudget: '单位预算',
};

/** Severity labels of 数据核对 findings. */
export const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: '错误',
  warning: '提示',
  info: '说明',
};
