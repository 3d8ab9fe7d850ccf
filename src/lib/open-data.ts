/**
 * The site-wide open data: /data/key-figures.csv (one row per unit-year), /data/expenditure-by-function.csv
 * (long form: one row per unit-year and function class), /data/records.json (every record's URLs and key
 * figures) and the Frictionless Data Packages (/data/datapackage.json for the site, /data/<district>/
 * datapackage.json per district). All amounts are integer 元.
 *
 * CSV headers are Chinese, amounts labelled with their unit (收入预算合计（元）); each column's English key
 * (its name in records.json and the record JSON) is `key` here, shown on /data/ and in the package's field
 * descriptions.
 */
import type { RecordSummary } from '../domain/record-summary.ts';
import { configuredDistrict } from '../domain/site-config.ts';
import type { CsvCell } from './csv.ts';
import { keyFigureFields, type FieldKind } from '../domain/key-figures.ts';
import { absoluteUrl, dataDistrictPath, paths, recordJsonPath, recordPath, tableCsvPath } from './routes.ts';
import { districtDisplayName, siteConfig } from './site-config.ts';

/** A Frictionless Table Schema field; `name` is the CSV header, `key` the English field name. */
export interface SchemaField {
  name: string;
  type: 'string' | 'integer';
  title: string;
  description: string;
  /** English key of the same value in records.json and the record JSON. */
  key: string;
}

/** A field whose CSV header is its title with the unit of its values, e.g. 收入预算合计（元）. */
function field(key: string, type: SchemaField['type'], title: string, description: string, unit?: string): SchemaField {
  const name = unit ? `${title}（${unit}）` : title;
  return { name, type, title: name, description: `${description}（英文字段名 ${key}）`, key };
}

/** Columns that identify a unit-year, first in every site-wide CSV. */
const identityFields: SchemaField[] = [
  field('id', 'string', '编号', '单位年度编号：区县/单位/年度（与网址一致）'),
  field('unit', 'string', '单位', '单位全称，按原文'),
  field('district', 'string', '区县', '区县名称，按原文；原文未列明时为网站配置的名称，再无则为区县代码'),
  field('districtCode', 'string', '行政区划代码', '区县的 6 位行政区划代码（网站配置），未配置时为空'),
  field('year', 'integer', '年度', '预算年度'),
];

/** The district code configured for a record's district, or null. */
const districtCode = (r: RecordSummary): string | null => configuredDistrict(siteConfig, r.slug.district)?.code ?? null;

const identityCells = (r: RecordSummary): CsvCell[] =>
  [r.id, r.identity.unit, districtDisplayName(r.identity.district, r.slug.district), districtCode(r), r.identity.year];

const fieldType = (kind: FieldKind): SchemaField['type'] => (kind === 'text' ? 'string' : 'integer');
const UNITS: Record<FieldKind, string | undefined> = { amount: '元', change: '元', count: '辆', text: undefined };

/** Fields of key-figures.csv, in column order; the last is the official publication (sidecar `sourceUrl`). */
export const keyFiguresSchemaFields: SchemaField[] = [
  ...identityFields,
  ...keyFigureFields.map((f) => field(f.name, fieldType(f.kind), f.title, f.description, UNITS[f.kind])),
  field('sourceUrl', 'string', '官方发布原文', '单位官方发布该文件的网址，未提供时为空'),
];

/** key-figures.csv rows: header of Chinese column names, then one row per record. */
export function keyFiguresCsvRows(records: readonly RecordSummary[]): CsvCell[][] {
  return [
    keyFiguresSchemaFields.map((f) => f.name),
    ...records.map((r) => [...identityCells(r), ...keyFigureFields.map((f) => f.get(r)), r.release.sourceUrl ?? null]),
  ];
}

/** Fields of expenditure-by-function.csv. */
export const expenditureByFunctionSchemaFields: SchemaField[] = [
  ...identityFields,
  field('functionClass', 'string', '支出功能分类（类）', '支出功能分类科目的“类”级名称，按原文'),
  field('amount', 'integer', '金额', '该类支出预算，元', '元'),
];

/** expenditure-by-function.csv rows: header, then one row per record and function class in document order. */
export function expenditureByFunctionCsvRows(records: readonly RecordSummary[]): CsvCell[][] {
  return [
    expenditureByFunctionSchemaFields.map((f) => f.name),
    ...records.flatMap((r) => Object.entries(r.keyFigures.expenditureByFunction)
      .map(([name, amount]) => [...identityCells(r), name, amount])),
  ];
}

/**
 * /data/records.json: one entry per published record — its page, JSON and official publication URLs and
 * its key figures under their English keys (amounts in 元). Ordered as the site lists records.
 */
export function recordsIndex(records: readonly RecordSummary[], site: URL | string): Record<string, unknown> {
  return {
    site: absoluteUrl(paths.home, site),
    schema: absoluteUrl(paths.recordSchema, site),
    licence: siteConfig.licence,
    amountUnit: '元',
    records: records.map((r) => ({
      id: r.id,
      unit: r.identity.unit,
      district: districtDisplayName(r.identity.district, r.slug.district),
      districtCode: districtCode(r),
      year: r.identity.year,
      publicationDate: r.identity.publicationDate,
      url: absoluteUrl(recordPath(r), site),
      json: absoluteUrl(recordJsonPath(r), site),
      sourceUrl: r.release.sourceUrl ?? null,
      keyFigures: Object.fromEntries(keyFigureFields.map((f) => [f.name, f.get(r)])),
    })),
  };
}

/** A per-record CSV to describe in the package (see src/components/record/downloads.ts). */
export interface RecordCsv {
  id: string;
  title: string;
}

/** A Frictionless resource name: lowercase letters, digits, '-', '.', '_'. */
const resourceName = (text: string): string => text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');

/** CSVs are UTF-8 with a byte-order mark (so Excel opens them); `utf-8` is the IANA name. */
const csvFormat = { format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' } as const;

/**
 * Above this many per-record resources the site-wide package lists only the site-wide CSVs and points to
 * the per-district packages, which always list their records' downloads.
 */
export const SITE_PACKAGE_RESOURCE_LIMIT = 5_000;

/** The package's licence, publisher and homepage, from gongkai.config.ts. */
function packageMeta(site: URL | string): Record<string, unknown> {
  const { licence, organisation, contact } = siteConfig;
  return {
    licenses: [{ ...(licence.name ? { name: licence.name } : {}), ...(licence.path ? { path: licence.path } : {}), title: licence.title }],
    contributors: [{
      title: organisation, role: 'publisher',
      ...(contact.email ? { email: contact.email } : {}), ...(contact.url ? { path: contact.url } : {}),
    }],
    homepage: absoluteUrl(paths.home, site),
  };
}

/** Every download of the given records, by absolute URL (a package path may not climb out of /data/). */
function recordResources(entries: readonly { record: RecordSummary; csvs: readonly RecordCsv[] }[], site: URL | string) {
  return entries.flatMap(({ record: r, csvs }) => {
    const base = `${r.slug.district}-${r.slug.unit}-${r.identity.year}`;
    return [
      {
        name: resourceName(`${base}-record`),
        path: absoluteUrl(recordJsonPath(r), site),
        title: `${r.identity.year}年${r.identity.unit}预算公开（全部数据）`,
        format: 'json', mediatype: 'application/json', encoding: 'utf-8',
        ...(r.release.sourceUrl ? { sources: [{ title: '官方发布原文', path: r.release.sourceUrl }] } : {}),
      },
      ...csvs.map((t) => ({
        name: resourceName(`${base}-${t.id}`),
        path: absoluteUrl(tableCsvPath(r, t), site),
        title: t.title,
        description: '按原文表格整理，中文表头。附表：首行为原表所标金额单位（如“单位：万元”），其后为原表表头；收入、功能分类、“三公”经费表：金额单位为万元，标在表头中。',
        ...csvFormat,
      })),
    ];
  });
}

/**
 * The site's Data Package. Site-wide CSVs have full schemas and relative paths; each record's JSON and CSVs
 * are listed by absolute URL, unless there are more than SITE_PACKAGE_RESOURCE_LIMIT of them (then the
 * per-district packages list them). Per-record CSVs reproduce the printed table, header rows included, so
 * they carry a title but no schema.
 */
export function dataPackage(
  entries: readonly { record: RecordSummary; csvs: readonly RecordCsv[] }[],
  site: URL | string,
  districts: readonly string[] = [],
): Record<string, unknown> {
  const perRecord = recordResources(entries, site);
  const split = perRecord.length > SITE_PACKAGE_RESOURCE_LIMIT;
  return {
    profile: 'data-package',
    name: 'gongkai-budget-disclosures',
    title: `${siteConfig.siteName}：部门预算与单位预算开放数据`,
    description: `各单位公开的部门预算、单位预算情况说明的结构化数据。金额单位为元（整数）。${split
      ? `各份记录的下载文件见各区县的数据包：${districts.map((d) => absoluteUrl(`${dataDistrictPath(d)}datapackage.json`, site)).join(' ')}`
      : ''}`,
    ...packageMeta(site),
    resources: [
      {
        name: 'key-figures',
        path: 'key-figures.csv',
        title: '各单位各年度主要数字',
        description: '每个单位每个年度一行：收支总额、基本/项目支出、“三公”经费、机关运行经费、政府采购等，金额单位为元。',
        ...csvFormat,
        schema: { fields: keyFiguresSchemaFields.map(({ key: _key, ...f }) => f), primaryKey: ['编号'] },
      },
      {
        name: 'expenditure-by-function',
        path: 'expenditure-by-function.csv',
        title: '各单位各年度支出预算（按功能分类“类”）',
        description: '每个单位每个年度的每个功能分类“类”一行，金额单位为元。',
        ...csvFormat,
        schema: { fields: expenditureByFunctionSchemaFields.map(({ key: _key, ...f }) => f), primaryKey: ['编号', '支出功能分类（类）'] },
      },
      {
        name: 'records',
        path: 'records.json',
        title: '全部记录索引',
        description: '每份记录的网址、JSON 下载地址、官方发布原文地址和主要数字（英文字段名，金额单位为元）。',
        format: 'json', mediatype: 'application/json', encoding: 'utf-8',
      },
      ...(split ? [] : perRecord),
    ],
  };
}

/** One district's Data Package (/data/<district>/datapackage.json): its records' downloads. */
export function districtDataPackage(
  district: { slug: string; name: string },
  entries: readonly { record: RecordSummary; csvs: readonly RecordCsv[] }[],
  site: URL | string,
): Record<string, unknown> {
  return {
    profile: 'data-package',
    name: resourceName(`gongkai-${district.slug}`),
    title: `${district.name}部门预算与单位预算开放数据`,
    description: `${district.name}各单位公开的部门预算、单位预算情况说明的结构化数据，每份记录一个 JSON 文件及其表格的 CSV 文件。`,
    ...packageMeta(site),
    resources: recordResources(entries, site),
  };
}
