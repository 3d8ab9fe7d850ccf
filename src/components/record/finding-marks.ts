/**
 * Where a finding touches what the page prints: each finding gets an anchor on the page (`finding-3`), and
 * a figure or paragraph read from a line an error or warning is about is marked there, linking to it.
 */
import type { Finding } from '../../domain/schema/finding.ts';

/** Element id of a finding in the 数据核对 list: its position in the record's findings, from 1. */
export const findingId = (findings: readonly Finding[], finding: Finding): string => `finding-${findings.indexOf(finding) + 1}`;

/** Errors and warnings about a 1-based source line, with their anchors (infos are not marked). */
export function findingsAt(findings: readonly Finding[], line: number | null | undefined): Array<{ finding: Finding; id: string }> {
  if (line === null || line === undefined) return [];
  return findings
    .filter((f) => f.line === line && f.severity !== 'info')
    .map((finding) => ({ finding, id: findingId(findings, finding) }));
}
