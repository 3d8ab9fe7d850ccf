import { z } from 'astro/zod';

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
  /** 编制数 (persons), or null when not stated. */
  authorisedStaff: z.number().int().nullable(),
  /** 实有人数 (persons), or null when not stated. */
  actualStaff: z.number().int().nullable(),
  /** 聘用人员 (persons), or null when not stated. */
  contractStaff: z.number().int().nullable(),
  /** The sentence as written. */
  text: z.string(),
  /** 1-based source line of the sentence. */
  line: z.number().int().positive(),
});
export type SubordinateUnit = z.infer<typeof subordinateUnitSchema>;
