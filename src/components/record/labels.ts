/** Chinese labels the record page shows for schema enums. */
import type { Identity } from '../../domain/schema/identity.ts';
import type { Finding } from '../../domain/schema/finding.ts';

/** 部门预算 / 单位预算. */
export const BUDGET_KIND_LABEL: Record<Identity['budgetKind'], string> = {
  departmentBudget: '部门预算',
  unitBudget: '单位预算',
};

/** Severity labels of 数据核对 findings, as officials read them. */
export const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: '错误',
  warning: '提示',
  info: '说明',
};

/** Table-row level → CSS class used to indent 类/款/项 codes. */
export const LEVEL_CLASS = { class: 'level-class', section: 'level-section', item: 'level-item' } as const;
