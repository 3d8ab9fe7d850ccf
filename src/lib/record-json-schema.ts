/** The published JSON Schema of a record file, from the zod schema (`z.toJSONSchema`, draft 2020-12). */
import { z } from 'astro/zod';
import { recordSchema } from '../domain/schema/record.ts';
import { absoluteUrl } from './routes.ts';
import { siteConfig } from './site-config.ts';

export function recordJsonSchema(site: URL | string, path: string): Record<string, unknown> {
  const schema = z.toJSONSchema(recordSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: absoluteUrl(path, site),
    title: `${siteConfig.siteName}：单位年度预算记录`,
    description: '一份部门预算或单位预算公开文件整理成的记录（record.json）。金额为整数：叙述中的数字以元计，附表单元格以分计。',
  };
}
