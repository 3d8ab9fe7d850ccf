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
    /** “三公”经费 total. */
    total: yuan,
    /** 因公出国（境）费. */
    outboundTravel: yuan,
    /** 公务接待费. */
    reception: yuan,
    /** 公务用车运行维护费. */
    vehicleOperation: yuan,
    /** 公务用车购置费. */
    vehiclePurchase: yuan,
  }),
  /** 机关运行经费; null when the unit states it is not in scope (or the document is silent). */
  operatingExpenses: yuan,
  /** 政府采购 total and parts. */
  procurement: z.object({
    /** 政府采购预算总额. */
    total: yuan,
    /** 货物. */
    goods: yuan,
    /** 工程. */
    works: yuan,
    /** 服务. */
    services: yuan,
  }),
  /** Vehicles held at the reference date ("无车辆" is 0); null when not stated. */
  vehicles: z.number().int().nullable(),
  /** Terms defined in 专业性名词解释, as written, in order. */
  glossaryTerms: z.array(z.string()),
  /** 联系人 and 联系方式. */
  contact: z.object({
    /** 联系人 as written, or null. */
    name: z.string().nullable(),
    /** 联系方式 / 电话 without spaces, or null. */
    phone: z.string().nullable(),
  }),
});
export type KeyFigures = z.infer<typeof keyFiguresSchema>;
