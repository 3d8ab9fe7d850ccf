import { describe, expect, it } from 'vitest';
import { formatShare, glance, purposeSummary } from '../glance.ts';
import { headlineChange } from '../../../domain/key-figures.ts';
import { findingsAt } from '../finding-marks.ts';
import { seedRecord } from './fixture.ts';

describe('glance (要点) from the seeds', () => {
  it('004 九龙坡: total, change against the figure the document implies, classes and project items largest first', () => {
    const g = glance(seedRecord('004'), null);
    expect(g.total).toEqual({ yuan: 10517400, line: 22 });
    expect(g.change).toMatchObject({ amount: -780600, comparedYear: 2025, base: 11298000, basis: 'document' });
    expect(g.functions.map((f) => f.label)).toEqual(['一般公共服务支出', '社会保障和就业支出', '住房保障支出', '卫生健康支出']);
    expect(formatShare(g.functions[0]!.share)).toBe('95.3%');
    // From the attached 项目支出 table (万元 cells in 分): 委托业务费 451.93, 租赁费 410.00, 电费 16.00.
    expect(g.projectItems.map((p) => [p.label, p.yuan])).toEqual([['委托业务费', 4519300], ['租赁费', 4100000], ['电费', 160000]]);
    expect(g.spending.map((s) => s.kind)).toEqual(['project', 'basic']);
    expect(g.threePublic.total?.yuan).toBe(0);
    expect(g.threePublic.items.map((i) => i.key)).toEqual(['outboundTravel', 'reception', 'vehicleOperation', 'vehiclePurchase']);
  });

  it('change and base come from one source: the document’s statement, whether or not the compared year is published', () => {
    const record = seedRecord('004');
    const published = { ...seedRecord('004'), identity: { ...record.identity, year: 2025 }, keyFigures: { ...record.keyFigures, incomeTotal: 11300000 } };
    expect(headlineChange(record, published)).toMatchObject({ amount: -780600, base: 11298000, basis: 'document' });
    expect(headlineChange(record, null)).toMatchObject({ amount: -780600, base: 11298000, basis: 'document' });
  });

  it('without a stated change, both come from the compared year’s published record', () => {
    const record = seedRecord('004');
    record.income.change = null;
    record.expenditure.change = null;
    const published = { ...seedRecord('004'), identity: { ...record.identity, year: 2025 }, keyFigures: { ...record.keyFigures, incomeTotal: 11300000 } };
    expect(headlineChange(record, published)).toEqual({ amount: 10517400 - 11300000, comparedYear: 2025, base: 11300000, basis: 'published', stated: null });
    expect(headlineChange(record, null)).toBeNull();
  });

  it('shares of the 三公 items are of the 三公 total', () => {
    const g = glance(seedRecord('003'), null);
    const purchase = g.threePublic.items.find((i) => i.key === 'vehiclePurchase')!;
    expect(purchase.yuan).toBe(2520000);
    expect(formatShare(purchase.share)).toBe('68.6%');
  });
});

describe('purposeSummary', () => {
  it('keeps a short purpose as written, without a leading 用于 or trailing punctuation', () => {
    expect(purposeSummary('主要用于值班调度与网站维护等工作。')).toBe('值班调度与网站维护等工作');
  });
  it('shortens a long list of projects to its first three and their count', () => {
    expect(purposeSummary('甲项目；乙项目；丙项目；丁项目；戊项目等重点工作')).toBe('甲项目；乙项目；丙项目等5项');
  });
});

describe('findingsAt', () => {
  it('marks errors and warnings of a line, not infos', () => {
    const r = seedRecord('004');
    expect(findingsAt(r.findings, 24).map((m) => m.finding.code)).toEqual(['change.impossible-year', 'change.income-expenditure-mismatch']);
    expect(findingsAt(r.findings, 24)[0]!.id).toBe('finding-1');
    expect(findingsAt(r.findings, 330)).toEqual([]);
  });
});
