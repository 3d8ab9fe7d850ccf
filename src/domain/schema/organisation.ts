import { z } from 'astro/zod';

const line = z.number().int().positive();

/** 职能职责 of one unit (the whole document, or one subordinate unit of a department). */
export const dutiesSchema = z.object({
  /** Unit the duties belong to, as written, or null for the document's own unit. */
  unit: z.string().nullable(),
  /** Introductory sentence (…主要职责：), or null. */
  intro: z.string().nullable(),
  /** Each duty as written, without its number. */
  items: z.array(z.object({ text: z.string(), line })),
});
export type Duties = z.infer<typeof dutiesSchema>;

/** A subordinate unit of a department (单位构成). */
export const subordinateUnitSchema = z.object({
  /** Name as written. */
  name: z.string(),
  /** 行政单位 / 公益一类事业单位 …, or null. */
  kind: z.string().nullable(),
  /** 机构规格 (正处（县）级…), or null. */
  rank: z.string().nullable(),
  /** 经费渠道 (财政全额拨款…), or null. */
  fundingChannel: z.string().nullable(),
  /** 编制数. */
  authorisedStaff: z.number().int().nullable(),
  /** 实有人数. */
  actualStaff: z.number().int().nullable(),
  /** 聘用人员. */
  contractStaff: z.number().int().nullable(),
  /** The sentence as written. */
  text: z.string(),
  line,
});
export type SubordinateUnit = z.infer<typeof subordinateUnitSchema>;

/** 单位构成 / 机构设置. */
export const structureSchema = z.object({
  /** Paragraphs of the section as written. */
  text: z.array(z.object({ text: z.string(), line })),
  /** 内设机构 names (科室). */
  internalDivisions: z.array(z.string()),
  /** Subordinate units with their details. */
  subordinateUnits: z.array(subordinateUnitSchema),
});
export type Structure = z.infer<typeof structureSchema>;
