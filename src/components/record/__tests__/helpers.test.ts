import { describe, expect, it } from 'vitest';
import { firstLine, lineHref, lineId, provenanceLine } from '../source-line.ts';
import { columnLabels, headerLayout, isEmptyTable } from '../attached-tables.ts';
import { readFileSync } from 'node:fs';
import { pageSections, placeBlocks, preambleParagraphs } from '../layout.ts';
import { presentBlocks } from '../../../domain/blocks.ts';
import { parseDocument } from '../../../../scripts/ingest/index.ts';
import { downloadTables } from '../downloads.ts';
import { incomeRows, threePublicRows } from '../narrative-tables.ts';
import { otherYears, previousRecord, recordParams } from '../page-data.ts';
import { seedRecord, seedWith } from './fixture.ts';
import type { Table } from '../../../domain/schema/table.ts';

const table = (header: string[][], rows: Table['rows'] = []): Table => ({
  id: 't1', title: '表', kind: 'other', unitOfMeasure: '万元', header, rows, numericColumns: [], note: null, startLine: 1, endLine: 2,
});
const spans = (t: Table) => headerLayout(t).rows.map((r) => r.map((c) => (c.span > 1 ? `${c.text}*${c.span}` : c.text)));

describe('source-line', () => {
  it('links a known line and nothing else', () => {
    expect(lineId(12)).toBe('L12');
    expect(lineHref(12)).toBe('source/#L12');
    expect(lineHref(null)).toBeNull();
    expect(lineHref(0)).toBeNull();
  });
  it('reads provenance by dotted path and takes the first known line', () => {
    const r = seedRecord('000');
    expect(provenanceLine(r, 'keyFigures.incomeTotal')).toBe(44);
    expect(provenanceLine(r, 'no.such.path')).toBeNull();
    expect(firstLine(null, undefined, 7, 9)).toBe(7);
  });
});

describe('headerLayout', () => {
  it('spans a group label over the labelled columns below it (收入 | 支出)', () => {
    const t = seedRecord('004').tables.find((x) => x.kind === 'fiscalSummary')!;
    expect(spans(t)[0]).toEqual(['收入*2', '支出*5']);
  });
  it('puts a label over an empty column below it and widens to columns the body did not print', () => {
    const t = seedRecord('004').tables.find((x) => x.kind === 'departmentIncome')!;
    const { width, rows } = headerLayout(t);
    expect(width).toBe(12);
    expect(rows[0]![0]).toEqual({ text: '科目', span: 2 });
    expect(columnLabels(t).slice(0, 4)).toEqual(['科目编码', '科目名称', '总计', '一般公共预算拨款收入']);
  });
  it('keeps a code column with its name under a category label', () => {
    expect(spans(table([['功能分类科目', '2026年预算数'], ['科目编码', '科目名称', '小计', '基本支出', '项目支出']])))
      .toEqual([['功能分类科目*2', '2026年预算数*3'], ['科目编码', '科目名称', '小计', '基本支出', '项目支出']]);
  });
  it('keeps a row as printed when nothing tells how it spans', () => {
    expect(spans(table([['甲', '乙'], ['一', '二', '三']]))).toEqual([['甲', '乙', ''], ['一', '二', '三']]);
  });
});

describe('isEmptyTable', () => {
  it('treats a printed form with only a 合计 label as empty', () => {
    const tables = seedRecord('004').tables;
    expect(isEmptyTable(tables.find((t) => t.kind === 'governmentFund')!)).toBe(true);
    expect(isEmptyTable(tables.find((t) => t.kind === 'departmentExpenditure')!)).toBe(false);
  });
});

describe('layout', () => {
  it('places each block under the section the record says it was read from', () => {
    const r = seedRecord('000');
    const { bySection, unplaced } = placeBlocks(r, presentBlocks(r));
    const kindOf = (block: string) => r.sections.find((s) => bySection.get(s.id)?.includes(block as never))?.kind;
    expect(unplaced).toEqual([]);
    expect(r.blockSections).toMatchObject({ income: expect.any(String), threePublic: expect.any(String) });
    for (const [block, id] of Object.entries(r.blockSections!)) expect(bySection.get(id)).toContain(block);
    expect(kindOf('income')).toBe('income');
    expect(kindOf('threePublic')).toBe('threePublic');
    expect(kindOf('operatingExpenses')).toBe('otherMatters');
  });
  it('shows a block where the extractor found its figures, not in the first section of a fitting kind', () => {
    // 渝北民政: 基本支出/项目支出 are stated under （三）一般公共预算支出情况, a sub-section of 二、部门预算情况说明
    // (the first budgetExplanation section, where placing by kind put the block, before （一）).
    const file = new URL('../../../../scripts/ingest/__tests__/fixtures/variants/yubei-minzheng-2024.txt', import.meta.url);
    const r = parseDocument(readFileSync(file), 'yubei-minzheng-2024.txt').record!;
    const titleOf = (p: ReturnType<typeof placeBlocks>) => r.sections.find((s) => p.bySection.get(s.id)?.includes('spending'))?.title;
    expect(titleOf(placeBlocks(r, presentBlocks(r)))).toBe('一般公共预算支出情况');
    expect(r.sections.find((s) => s.id === r.blockSections?.spending)?.line).toBe(r.generalBudgetAppropriation.basic.line! - 1);
    // A record written before blockSections existed is still placed by section kind.
    expect(titleOf(placeBlocks({ ...r, blockSections: undefined }, presentBlocks(r)))).toBe('部门预算情况说明');
  });
  it('puts blocks with no fitting section after the document', () => {
    const r = seedRecord('000');
    const sections = r.sections.filter((s) => s.kind !== 'threePublic');
    expect(placeBlocks({ sections }, presentBlocks(r)).unplaced).toEqual(['threePublic']);
    const { threePublic: _, ...others } = r.blockSections!;
    expect(placeBlocks({ ...r, blockSections: others }, presentBlocks(r)).unplaced).toEqual(['threePublic']);
  });
  it('never skips a heading level and drops sub-sections a block already shows (渝中 duties per unit)', () => {
    const r = seedRecord('003');
    const pages = pageSections(r, placeBlocks(r, presentBlocks(r)).bySection);
    let prev = 1;
    for (const p of pages) { expect(p.level).toBeLessThanOrEqual(prev + 1); prev = p.level; }
    expect(pages.map((p) => p.section.title)).not.toContain('重庆市渝中区机关事务服务中心');
    expect(pages.find((p) => p.section.kind === 'duties')!.blocks).toEqual(['duties']);
  });
  it('does not repeat the duties and glossary lines the blocks show', () => {
    const r = seedRecord('000');
    const pages = pageSections(r, placeBlocks(r, presentBlocks(r)).bySection);
    expect(pages.find((p) => p.section.kind === 'duties')!.paragraphs).toEqual([]);
    expect(pages.find((p) => p.section.kind === 'glossary')!.paragraphs).toEqual([]);
  });
  it('leaves the identity block out of the preamble', () => {
    const texts = preambleParagraphs(seedRecord('000')).map((p) => p.text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^按照有关财政预算公开的部署和要求/);
  });
});

describe('downloads', () => {
  it('writes attached tables with their unit line, aligned headers and amounts in the table unit without separators', () => {
    const t = downloadTables(seedRecord('004')).find((d) => d.title.endsWith('部门支出总表'))!;
    expect(t.rows[0]).toEqual(['单位：万元']);
    expect(t.rows[1]).toEqual(['科目编码', '科目名称', '总计', '基本支出', '项目支出']);
    expect(t.rows[2]).toEqual(['合计', '', '1051.74', '164.81', '886.93']);
  });
  it('writes the narrative tables in 万元 with two decimals', () => {
    const d = downloadTables(seedRecord('000'));
    expect(d.map((x) => x.id)).toEqual(['income', 'function', 'three-public']);
    expect(d[0]!.rows.at(-1)).toEqual(['收入合计', '1483.96']);
    expect(d[2]!.rows.find((r) => r[0] === '公务接待费')).toEqual(['公务接待费', '1.60', '-0.10', '进一步压缩“三公”支出，确保办公运行正常支出', '']);
  });
});

describe('narrative tables', () => {
  it('lists income sources then the total, each with its line', () => {
    const rows = incomeRows(seedRecord('000'));
    expect(rows[0]).toMatchObject({ label: '一般公共预算拨款', amount: 14_839_600, line: 44 });
    expect(rows.at(-1)).toMatchObject({ label: '收入合计', amount: 14_839_600, total: true });
  });
  it('puts the “三公” total last', () => {
    expect(threePublicRows(seedRecord('000')).map((r) => r.label).at(-1)).toBe('“三公”经费合计');
  });
});

describe('page data', () => {
  const r2026 = seedRecord('000');
  const r2024 = seedRecord('001');
  const other = seedRecord('002');
  it('builds route params from the slugs', () => {
    expect(recordParams(r2026)).toEqual({ district: r2026.slug.district, unit: r2026.slug.unit, year: '2026' });
  });
  it('finds the unit’s other years by slug only', () => {
    expect(otherYears(r2026, [r2026, r2024, other])).toEqual([r2024]);
  });
  it('finds the compared year’s record when visible', () => {
    expect(previousRecord(r2026, [r2024, r2026])).toBeNull();
    const r2025 = seedWith('001', { identity: { ...r2024.identity, year: 2025 } });
    expect(previousRecord(r2026, [r2025, r2026])).toBe(r2025);
  });
});
