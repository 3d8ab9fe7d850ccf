/** Data of the /quality/ page: records with findings (most severe first, with explanations) and without. */
import { describe, expect, test } from 'vitest';
import { qualityGroups, severityCounts } from '../quality.ts';
import { makeRecord } from '../../../lib/__tests__/fixtures.ts';

describe('qualityGroups', () => {
  const withFindings = makeRecord({ unit: 'a' });
  withFindings.findings = [
    { severity: 'info', code: 'table.rounding', message: '四舍五入', line: 30 },
    { severity: 'warning', code: 'change.mismatch', message: '不一致', line: 24 },
    { severity: 'error', code: 'change.impossible-year', message: '年份', line: 24 },
    { severity: 'info', code: 'table.rounding', message: '四舍五入', line: 12 },
  ];
  withFindings.release.acknowledgements = [
    { code: 'change.impossible-year', explanation: '笔误。' },
    { code: 'change.impossible-year', explanation: '已更正。' },
  ];
  const clean = makeRecord({ unit: 'b' });

  test('splits records and keeps their order', () => {
    const groups = qualityGroups([clean, withFindings]);
    expect(groups.clean).toEqual([clean]);
    expect(groups.withFindings.map((g) => g.record)).toEqual([withFindings]);
  });

  test('findings by severity then line, each with the explanations of its code', () => {
    const [group] = qualityGroups([withFindings]).withFindings;
    expect(group!.findings.map((f) => [f.finding.severity, f.finding.line, f.acknowledgements])).toEqual([
      ['error', 24, ['笔误。', '已更正。']],
      ['warning', 24, []],
      ['info', 12, []],
      ['info', 30, []],
    ]);
    expect(group!.counts).toEqual({ error: 1, warning: 1, info: 2 });
  });

  test('severityCounts of nothing is all zero', () => {
    expect(severityCounts([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
