import { z } from 'astro/zod';

const yuan = z.number().int().nullable();

/**
 * The figures other tools read (`npm run parse` contract, issue 2). All amounts in whole 元;
 * null wherever the document does not state the figure.
 */
export const keyFiguresSchema = z.object({
  /** Full unit name as written. */
  unit: z.string(),
  /** Budget year. */
  year: z.number().int(),
  /** 收入预算 total. */
  incomeTotal: yuan,
  /** 支出预算 total. */
  expenditureTotal: yuan,
  /** 一般公共预算拨款 (income). */
  generalBudget: yuan,
  /** 政府性基金预算拨款 (income). */
  governmentFund: yuan,
  /** 基本支出. */
  basicExpenditure: yuan,
  /** 项目支出. */
  projectExpenditure: yuan,
  /** Signed change of 一般公共预算财政拨款 vs the previous year. */
  changeFromPreviousYear: yuan,
  /** Expenditure by function class at 类 level, name → 元, in document order. */
  expenditureByFunction: z.record(z.string(), z.number().int()),
  /** “三公”经费 and its items. */
  threePublic: z.object({
    total: yuan,
    outboundTravel: yuan,
    reception: yuan,
    vehicleOperation: yuan,
    vehiclePurchase: yuan,
  }),
  /** 机关运行经费; null when the unit states it is not in scope (or the document is silent). */
  operatingExpenses: yuan,
  /** 政府采购 total and parts. */
  procurement: z.object({ total: yuan, goods: yuan, works: yuan, services: yuan }),
  /** Vehicles held at the reference date ("无车辆" is 0); null when not stated. */
  vehicles: z.number().int().nullable(),
  /** Terms defined in 专业性名词解释, as written, in order. */
  glossaryTerms: z.array(z.string()),
  /** 联系人 and 联系方式. */
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
});
export type KeyFigures = z.infer<typeof keyFiguresSchema>;
