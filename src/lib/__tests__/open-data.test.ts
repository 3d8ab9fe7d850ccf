import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  dataPackage, expenditureByFunctionCsvRows, expenditureByFunctionSchemaFields, keyFiguresCsvRows, keyFiguresSchemaFields,
} from '../open-data.ts';
import { keyFigureFields } from '../../domain/key-figures.ts';
import { sitemapXml } from '../sitemap.ts';
import { toCsv } from '../csv.ts';
import { makeRecord } from './fixtures.ts';

const record = makeRecord({
  district: 'kaizhou', unit: 'zhengwu', year: 2026, incomeTotal: 14_839_600,
  keyFigures: {
    changeFromPreviousYear: -1000, expenditureByFunction: { 一般公共服务支出: 14_000_000, '卫生健康支出': 839_600 },
    glossaryTerms: ['财政拨款收入', '“三公”经费'], contact: { name: '张三', phone: '=1+1' },
  },
});

describe('key-figures.csv', () => {
  test('header is the schema field names; every key figure is a column', () => {
    const [header] = keyFiguresCsvRows([record]);
    expect(header).toEqual(keyFiguresSchemaFields.map((f) => f.name));
    expect(header!.slice(0, 4)).toEqual(['id', 'unit', 'district', 'year']);
    expect(header).toHaveLength(4 + keyFigureFields.length);
  });

  test('one row per record with amounts in whole 元', () => {
    const rows = keyFiguresCsvRows([record, makeRecord({ unit: 'other' })]);
    expect(rows).toHaveLength(3);
    const row = Object.fromEntries(rows[0]!.map((name, i) => [name, rows[1]![i]]));
    expect(row).toMatchObject({
      id: 'kaizhou/zhengwu/2026', unit: '重庆市开州区政务信息中心', district: '开州区', year: 2026,
      incomeTotal: 14_839_600, changeFromPreviousYear: -1000, governmentFund: null, glossaryTerms: '财政拨款收入；“三公”经费',
    });
  });

  test('written through toCsv, a formula in a text cell is defused', () => {
    expect(toCsv(keyFiguresCsvRows([record]))).toContain(",张三,'=1+1\r\n");
  });
});

describe('expenditure-by-function.csv', () => {
  test('long form: one row per function class, in document order', () => {
    const rows = expenditureByFunctionCsvRows([record]);
    expect(rows[0]).toEqual(expenditureByFunctionSchemaFields.map((f) => f.name));
    expect(rows.slice(1)).toEqual([
      ['kaizhou/zhengwu/2026', '重庆市开州区政务信息中心', '开州区', 2026, '一般公共服务支出', 14_000_000],
      ['kaizhou/zhengwu/2026', '重庆市开州区政务信息中心', '开州区', 2026, '卫生健康支出', 839_600],
    ]);
  });
});

describe('datapackage.json', () => {
  afterEach(() => vi.unstubAllEnvs());

  test('describes both site CSVs with Chinese titles and utf-8-sig, and every record download by absolute URL', () => {
    vi.stubEnv('BASE_URL', '/some/path/');
    const pkg = dataPackage([{ record, csvs: [{ id: 't1', title: '财政拨款收支总表' }] }], 'https://example.gov.cn') as {
      homepage: string;
      resources: { name: string; path: string; format: string; mediatype: string; encoding: string; schema?: { fields: { name: string; title: string; type: string }[] } }[];
    };
    expect(pkg.homepage).toBe('https://example.gov.cn/some/path/');
    const byName = new Map(pkg.resources.map((r) => [r.name, r]));
    const kf = byName.get('key-figures')!;
    expect(kf).toMatchObject({ path: 'key-figures.csv', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig' });
    expect(kf.schema!.fields.map((f) => f.name)).toEqual(keyFiguresCsvRows([])[0]);
    expect(kf.schema!.fields.find((f) => f.name === 'threePublicTotal')).toMatchObject({ type: 'integer', title: '“三公”经费合计' });
    expect(byName.get('expenditure-by-function')!.schema!.fields.map((f) => f.name)).toEqual(expenditureByFunctionCsvRows([])[0]);
    expect(byName.get('kaizhou-zhengwu-2026-record')).toMatchObject({
      path: 'https://example.gov.cn/some/path/kaizhou/zhengwu/2026/record.json', format: 'json', mediatype: 'application/json',
    });
    expect(byName.get('kaizhou-zhengwu-2026-t1')).toMatchObject({
      path: 'https://example.gov.cn/some/path/kaizhou/zhengwu/2026/t1.csv', encoding: 'utf-8-sig',
    });
    for (const r of pkg.resources) expect(r.name).toMatch(/^[a-z0-9._-]+$/);
  });
});

describe('sitemapXml', () => {
  test('lists each URL once, XML-escaped', () => {
    const xml = sitemapXml(['https://x.cn/a/', 'https://x.cn/a/', 'https://x.cn/?a=1&b=2']);
    expect(xml.match(/<url>/g)).toHaveLength(2);
    expect(xml).toContain('<loc>https://x.cn/?a=1&amp;b=2</loc>');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  });
});
