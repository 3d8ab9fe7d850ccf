import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  dataPackage, expenditureByFunctionCsvRows, expenditureByFunctionSchemaFields, keyFiguresCsvRows, keyFiguresSchemaFields,
} from '../open-data.ts';
import { keyFigureFields } from '../../domain/key-figures.ts';
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
  test('header is the schema field names, in Chinese with amounts labelled; every key figure is a column', () => {
    const [header] = keyFiguresCsvRows([record]);
    expect(header).toEqual(keyFiguresSchemaFields.map((f) => f.name));
    expect(header!.slice(0, 5)).toEqual(['编号', '单位', '区县', '行政区划代码', '年度']);
    expect(header).toContain('“三公”经费合计（元）');
    expect(header).toContain('车辆数（辆）');
    expect(header).toHaveLength(5 + keyFigureFields.length + 1);
    expect(header!.at(-1)).toBe('官方发布原文');
    expect(keyFiguresSchemaFields.map((f) => f.key).slice(0, 6)).toEqual(['id', 'unit', 'district', 'districtCode', 'year', 'incomeTotal']);
  });

  test('one row per record with amounts in whole 元', () => {
    const rows = keyFiguresCsvRows([record, makeRecord({ unit: 'other' })]);
    expect(rows).toHaveLength(3);
    const row = Object.fromEntries(keyFiguresSchemaFields.map((f, i) => [f.key, rows[1]![i]]));
    expect(row).toMatchObject({
      id: 'kaizhou/zhengwu/2026', unit: '重庆市开州区政务信息中心', district: '开州区', districtCode: null, year: 2026,
      incomeTotal: 14_839_600, changeFromPreviousYear: -1000, governmentFund: null, glossaryTerms: '财政拨款收入；“三公”经费',
      sourceUrl: null,
    });
  });

  test('written through toCsv, a formula in a text cell is defused', () => {
    expect(toCsv(keyFiguresCsvRows([record]))).toContain(",张三,'=1+1,\r\n");
  });
});

describe('expenditure-by-function.csv', () => {
  test('long form: one row per function class, in document order', () => {
    const rows = expenditureByFunctionCsvRows([record]);
    expect(rows[0]).toEqual(expenditureByFunctionSchemaFields.map((f) => f.name));
    expect(rows.slice(1)).toEqual([
      ['kaizhou/zhengwu/2026', '重庆市开州区政务信息中心', '开州区', null, 2026, '一般公共服务支出', 14_000_000],
      ['kaizhou/zhengwu/2026', '重庆市开州区政务信息中心', '开州区', null, 2026, '卫生健康支出', 839_600],
    ]);
  });
});

describe('datapackage.json', () => {
  afterEach(() => vi.unstubAllEnvs());

  test('describes both site CSVs with Chinese headers and the IANA encoding utf-8, the licence, and every record download by absolute URL', () => {
    vi.stubEnv('BASE_URL', '/some/path/');
    const pkg = dataPackage([{ record, csvs: [{ id: 't1', title: '财政拨款收支总表' }] }], 'https://example.gov.cn') as {
      homepage: string;
      resources: { name: string; path: string; format: string; mediatype: string; encoding: string; schema?: { fields: { name: string; title: string; type: string }[] } }[];
    };
    expect(pkg.homepage).toBe('https://example.gov.cn/some/path/');
    const byName = new Map(pkg.resources.map((r) => [r.name, r]));
    const kf = byName.get('key-figures')!;
    expect(kf).toMatchObject({ path: 'key-figures.csv', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' });
    expect((pkg as unknown as { licenses: unknown[] }).licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0' })]);
    expect(kf.schema!.fields.map((f) => f.name)).toEqual(keyFiguresCsvRows([])[0]);
    expect(kf.schema!.fields.find((f) => f.name === '“三公”经费合计（元）')).toMatchObject({ type: 'integer' });
    expect(kf.schema!.fields.find((f) => f.name === '“三公”经费合计（元）')!).not.toHaveProperty('key');
    expect(byName.get('expenditure-by-function')!.schema!.fields.map((f) => f.name)).toEqual(expenditureByFunctionCsvRows([])[0]);
    expect(byName.get('kaizhou-zhengwu-2026-record')).toMatchObject({
      path: 'https://example.gov.cn/some/path/kaizhou/zhengwu/2026/record.json', format: 'json', mediatype: 'application/json',
    });
    expect(byName.get('kaizhou-zhengwu-2026-t1')).toMatchObject({
      path: 'https://example.gov.cn/some/path/kaizhou/zhengwu/2026/t1.csv', encoding: 'utf-8',
    });
    for (const r of pkg.resources) expect(r.name).toMatch(/^[a-z0-9._-]+$/);
  });
});

