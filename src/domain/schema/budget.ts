import { z } from 'astro/zod';
import { changeSchema } from './change.ts';

const yuan = z.number().int();
const line = z.number().int().positive();

/** One labelled amount from the narrative, with its source line. */
export const lineAmountSchema = z.object({
  /** Identifier from TERMS.md (generalBudget, otherIncome…) or, for function classes, null. */
  key: z.string().nullable(),
  /** Label as written (一般公共预算拨款, 卫生健康支出…). */
  label: z.string(),
  /** Amount in 元. */
  amount: yuan,
  /** 上年结转 stated right after this source, in 元, or null. */
  carriedForward: yuan.nullable().optional(),
  line,
});
export type LineAmount = z.infer<typeof lineAmountSchema>;

/** 收入预算. */
export const incomeSchema = z.object({
  /** 年初预算数 total in 元. */
  total: yuan.nullable(),
  /** 上年结转 total, when stated. */
  carriedForward: yuan.nullable(),
  /** Each source in document order. */
  sources: z.array(lineAmountSchema),
  /** Change vs the previous year with the stated reason. */
  change: changeSchema.nullable(),
  line: line.nullable(),
});
export type Income = z.infer<typeof incomeSchema>;

/** 基本支出 or 项目支出 as explained in the narrative. */
export const spendingPartSchema = z.object({
  amount: yuan.nullable(),
  change: changeSchema.nullable(),
  /** 主要用于… as written. */
  purpose: z.string().nullable(),
  line: line.nullable(),
});
export type SpendingPart = z.infer<typeof spendingPartSchema>;

/** 支出预算. */
export const expenditureSchema = z.object({
  total: yuan.nullable(),
  /** Function classes at 类 level in document order (label = class name). */
  byFunction: z.array(lineAmountSchema),
  change: changeSchema.nullable(),
  /** Change of 基本/项目 as stated in the 支出预算 paragraph. */
  basicChange: changeSchema.nullable(),
  projectChange: changeSchema.nullable(),
  line: line.nullable(),
});
export type Expenditure = z.infer<typeof expenditureSchema>;

/** 基本支出 split into 人员经费 and 日常公用经费 (一般公共预算基本支出情况). */
export const basicBreakdownSchema = z.object({
  /** 人员经费 in 元. */
  personnelCosts: yuan.nullable(),
  /** 公用经费 / 日常公用经费 in 元. */
  officeCosts: yuan.nullable(),
  line,
});
export type BasicBreakdown = z.infer<typeof basicBreakdownSchema>;

/** 一般公共预算财政拨款 explanation (部门预算情况说明). */
export const generalBudgetAppropriationSchema = z.object({
  /** 一般公共预算财政拨款收入 in 元. */
  income: yuan.nullable(),
  /** 一般公共预算财政拨款支出 in 元. */
  expenditure: yuan.nullable(),
  /** Change vs the previous year, with the stated reason. */
  change: changeSchema.nullable(),
  /** 基本支出 with its change, reason and purpose. */
  basic: spendingPartSchema,
  /** 项目支出 with its change, reason and purpose. */
  project: spendingPartSchema,
  /** 人员经费 / 公用经费 of 基本支出, when the document gives them. */
  basicBreakdown: basicBreakdownSchema.nullable(),
  /** 1-based source line of the explanation. */
  line: line.nullable(),
});
export type GeneralBudgetAppropriation = z.infer<typeof generalBudgetAppropriationSchema>;

/** 政府性基金预算 statement. */
export const governmentFundSchema = z.object({
  income: yuan.nullable(),
  expenditure: yuan.nullable(),
  change: changeSchema.nullable(),
  /** True when the document says it has no such spending (无使用政府性基金预算拨款安排的支出). */
  none: z.boolean(),
  text: z.string(),
  line,
});
export type GovernmentFund = z.infer<typeof governmentFundSchema>;

/** One “三公” item or total. */
export const threePublicItemSchema = z.object({
  amount: yuan.nullable(),
  change: changeSchema.nullable(),
  /** True when the amount was not printed legibly but follows from the total and the other items. */
  inferred: z.boolean(),
  line: line.nullable(),
});
export type ThreePublicItem = z.infer<typeof threePublicItemSchema>;

/** “三公”经费. */
export const threePublicSchema = z.object({
  total: threePublicItemSchema,
  outboundTravel: threePublicItemSchema,
  reception: threePublicItemSchema,
  vehicleOperation: threePublicItemSchema,
  vehiclePurchase: threePublicItemSchema,
});
export type ThreePublic = z.infer<typeof threePublicSchema>;

/** 机关运行经费. */
export const operatingExpensesSchema = z.object({
  /** Amount in 元, or null when not in scope / not stated. */
  amount: yuan.nullable(),
  /** True when the unit states it is not in the statistical scope. */
  notInScope: z.boolean(),
  change: changeSchema.nullable(),
  purpose: z.string().nullable(),
  text: z.string(),
  line,
});
export type OperatingExpenses = z.infer<typeof operatingExpensesSchema>;

const procurementPartsSchema = z.object({
  total: yuan.nullable(),
  goods: yuan.nullable(),
  works: yuan.nullable(),
  services: yuan.nullable(),
});

/** 政府采购. */
export const procurementSchema = z.object({
  ...procurementPartsSchema.shape,
  /** The part funded by 一般公共预算拨款. */
  generalBudget: procurementPartsSchema.nullable(),
  text: z.string(),
  line,
});
export type Procurement = z.infer<typeof procurementSchema>;

/** 绩效目标设置情况. */
export const performanceSchema = z.object({
  /** Amount of 财政拨款 covered by performance targets, in 元. */
  coverageAmount: yuan.nullable(),
  text: z.string(),
  line,
});
export type Performance = z.infer<typeof performanceSchema>;

const vehicleCountsSchema = z.object({
  total: z.number().int().nullable(),
  /** Per type (一般公务用车, 执勤执法用车…), in document order. */
  byType: z.array(z.object({ type: z.string(), count: z.number().int() })),
});

/** 国有资产占有使用情况. */
export const assetsSchema = z.object({
  /** Reference date as written (截至2025年12月) normalised to YYYY-MM, or null. */
  referenceDate: z.string().nullable(),
  vehicles: vehicleCountsSchema,
  /** Planned purchases in the budget year. */
  plannedPurchases: vehicleCountsSchema.nullable(),
  text: z.string(),
  line,
});
export type Assets = z.infer<typeof assetsSchema>;
