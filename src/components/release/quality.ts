/** Data for the /quality/ page: findings of visible records grouped by unit-year, with acknowledgements. */
import type { Finding } from '../../domain/schema/finding.ts';
import type { RecordSummary } from '../../domain/record-summary.ts';

/** Number of findings per severity. */
export type SeverityCounts = Record<Finding['severity'], number>;

/** One record's findings, most severe first, each with the unit's explanations of its code. */
export interface QualityGroup {
  record: RecordSummary;
  findings: { finding: Finding; acknowledgements: string[] }[];
  counts: SeverityCounts;
}

const ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Findings counted by severity. */
export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Splits records (in the order given) into those with findings — sorted by severity, then line, with the
 * explanations of acknowledged codes — and those without.
 */
export function qualityGroups(records: readonly RecordSummary[]): { withFindings: QualityGroup[]; clean: RecordSummary[] } {
  const withFindings: QualityGroup[] = [];
  const clean: RecordSummary[] = [];
  for (const record of records) {
    if (record.findings.length === 0) {
      clean.push(record);
      continue;
    }
    const sorted = [...record.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0));
    withFindings.push({
      record,
      findings: sorted.map((finding) => ({
        finding,
        acknowledgements: record.release.acknowledgements.filter((a) => a.code === finding.code).map((a) => a.explanation),
      })),
      counts: severityCounts(record.findings),
    });
  }
  return { withFindings, clean };
}
