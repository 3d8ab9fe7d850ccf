/**
 * The site-wide open data: /data/key-figures.csv (one row per unit-year), /data/expenditure-by-function.csv
 * (long form: one row per unit-year and function class) and /data/datapackage.json (Frictionless Data
 * Package describing them and every per-record download). All amounts are integer 元.
 */
import type { RecordSummary } from '../domain/record-summary.ts';
import type { CsvCell } from './csv.ts';
import { keyFigureFields, type FieldKind } from '../domain/key-figures.ts';
import { absoluteUrl, paths, recordJsonPath, tableCsvPath } from './routes.ts';

/** A Frictionless Table Schema field. */
export interface SchemaField {
  name: string;
  type: 'string' | 'integer';
  title: string;
  description: string;
}

/** Columns that identify a unit-year, first in every site-wide CSV. */
const identityFields: SchemaField[] = [
  { name: 'id', type: 'string', title: '编号', description: '单位年度编号：区县/单位/年度（与网址一致）' },
  { name: 'unit', type: 'string', title: '单位', description: '单位全称，按原文' },
  { name: 'district', type: 'string', title: '区县', description: '区县名称，按原文；原文未列明时为区县代码' },
  { name: 'year', type: 'integer', title: '年度', description: '预算年度' },
];

const identityCells = (r: RecordSummary): CsvCell[] =>
  [r.id, r.identity.unit, r.identity.district ?? r.slug.district, r.identity.year];

const fieldType = (kind: FieldKind): SchemaField['type'] => (kind === 'text' ? 'string' : 'integer');

/** Fields of key-figures.csv, in column order. */
export const keyFiguresSchemaFields: SchemaField[] = [
  ...identityFields,
  ...keyFigureFields.map((f) => ({ name: f.name, type: fieldType(f.kind), title: f.title, description: f.description })),
];

/** key-figures.csv rows: header of field names, then one row per record. */
export function keyFiguresCsvRows(records: readonly RecordSummary[]): CsvCell[][] {
  return [
    keyFiguresSchemaFields.map((f) => f.name),
    ...records.map((r) => [...identityCells(r), ...keyFigureFields.map((f) => f.get(r))]),
  ];
}

/** Fields of expenditure-by-function.csv. */
export const expenditureByFunctionSchemaFields: SchemaField[] = [
  ...identityFields,
  { name: 'functionClass', type: 'string', title: '支出功能分类（类）', description: '支出功能分类科目的“类”级名称，按原文' },
  { name: 'amount', type: 'integer', title: '金额（元）', description: '该类支出预算，元' },
];

/** expenditure-by-function.csv rows: header, then one row per record and function class in document order. */
export function expenditureByFunctionCsvRows(records: readonly RecordSummary[]): CsvCell[][] {
  return [
    expenditureByFunctionSchemaFields.map((f) => f.name),
    ...records.flatMap((r) => Object.entries(r.keyFigures.expenditureByFunction)
      .map(([name, amount]) => [...identityCells(r), name, amount])),
  ];
}

/** A per-record CSV to describe in the package (see src/components/record/downloads.ts). */
export interface RecordCsv {
  id: string;
  title: string;
}

/** A Frictionless resource name: lowercase letters, digits, '-', '.', '_'. */
const resourceName = (text: string): string => text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');

const csvFormat = { format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig' } as const;

/**
 * The Data Package. Site-wide CSVs have full schemas and relative paths; each record's JSON and CSVs are
 * listed by absolute URL (a package path may not climb out of /data/). Per-record CSVs reproduce the printed
 * table, header rows included, so they carry a title but no schema.
 */
export function dataPackage(
  entries: readonly { record: RecordSummary; csvs: readonly RecordCsv[] }[],
  site: URL | string,
): Record<string, unknown> {
  const perRecord = entries.flatMap(({ record: r, csvs }) => {
    const base = `${r.slug.district}-${r.slug.unit}-${r.identity.year}`;
    return [
      {
        name: resourceName(`${base}-record`),
        path: absoluteUrl(recordJsonPath(r), site),
        title: `${r.identity.year}年${r.identity.unit}预算公开（全部数据）`,
        format: 'json', mediatype: 'application/json', encoding: 'utf-8',
      },
      ...csvs.map((t) => ({
        name: resourceName(`${base}-${t.id}`),
        path: absoluteUrl(tableCsvPath(r, t), site),
        title: t.title,
        description: '按原文表格整理，首行起为原表表头',
        ...csvFormat,
      })),
    ];
  });
  return {
    profile: 'data-package',
    name: 'gongkai-budget-disclosures',
    title: '公开 · 预算公开：部门预算与单位预算开放数据',
    description: '各单位公开的部门预算、单位预算情况说明的结构化数据。金额单位为元（整数）。',
    homepage: absoluteUrl(paths.home, site),
    resources: [
      {
        name: 'key-figures',
        path: 'key-figures.csv',
        title: '各单位各年度主要数字',
        description: '每个单位每个年度一行：收支总额、基本/项目支出、“三公”经费、机关运行经费、政府采购等，金额单位为元。',
        ...csvFormat,
        schema: { fields: keyFiguresSchemaFields, primaryKey: ['id'] },
      },
      {
        name: 'expenditure-by-function',
        path: 'expenditure-by-function.csv',
        title: '各单位各年度支出预算（按功能分类“类”）',
        description: '每个单位每个年度的每个功能分类“类”一行，金额单位为元。',
        ...csvFormat,
        schema: { fields: expenditureByFunctionSchemaFields, primaryKey: ['id', 'functionClass'] },
      },
      ...perRecord,
    ],
  };
}
