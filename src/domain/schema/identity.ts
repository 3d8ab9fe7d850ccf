import { z } from 'astro/zod';

/** Who published the disclosure, for which year, and how. */
export const identitySchema = z.object({
  /** Full unit name as written, e.g. 重庆市开州区政务信息中心. */
  unit: z.string(),
  /** Province-level or city prefix as written (重庆市), or null. */
  city: z.string().nullable(),
  /** 区/县 as written (开州区), or null when the name has none. */
  district: z.string().nullable(),
  /** Parent department when stated (为…管理的事业单位), or null. */
  parentDepartment: z.string().nullable(),
  /** 部门预算 or 单位预算, as the document calls itself. */
  budgetKind: z.enum(['departmentBudget', 'unitBudget']),
  /** Budget year. */
  year: z.number().int(),
  /** 文号, e.g. 开州政信发〔2026〕3号, or null. */
  documentNumber: z.string().nullable(),
  /** 签发人, or null. */
  signer: z.string().nullable(),
  /** 公示 or 公告 when the document is a notice, else null. */
  noticeKind: z.enum(['公示', '公告']).nullable(),
  /** The document's title line(s) as written. */
  title: z.string().nullable(),
  /** 批复文件 cited: its title and 文号, or null when the document cites none. */
  approvalDocument: z.object({
    /** Title inside 《》 as written, or null. */
    title: z.string().nullable(),
    /** 文号 in the brackets after the title, or null. */
    number: z.string().nullable(),
  }).nullable(),
  /** Publication date (YYYY-MM-DD) from the signature block, or null. */
  publicationDate: z.string().nullable(),
});
export type Identity = z.infer<typeof identitySchema>;
