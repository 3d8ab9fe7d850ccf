/**
 * The shape of every sum check: parts against their total. The documents print 万元 to two decimals, so a
 * sum of n rounded parts may differ from the rounded total by up to n × 0.005 万元 (n × 100 元 here).
 * Inside that band the difference is `<code>.rounding` — info when the document admits rounding
 * (因四舍五入…), a warning otherwise; beyond it, an error `<code>`.
 */
import { sum } from '../../../src/domain/money.ts';
import { findingTitle, type SumCode } from '../../../src/domain/terms/findings.ts';
import type { CheckedRecord, RecordInput } from './record.ts';
import type { Check, CodedFinding, FailingExample, PassingExample } from './types.ts';
import { wan } from './words.ts';

/** A total, the parts it should be the sum of, and the line they are stated on. */
export interface Measured {
  total: number | null;
  parts: readonly (number | null)[];
  line: number | null;
}

/** Parts vs total, or nothing when the total or any part is missing. */
function compare(code: SumCode, { total, parts, line }: Measured, roundingAdmitted: boolean): CodedFinding[] {
  const known = parts.filter((p): p is number => p !== null);
  if (total === null || known.length === 0 || known.length < parts.length) return [];
  const s = sum(known);
  const diff = Math.abs(s - total);
  if (diff === 0) return [];
  const message = `${findingTitle(code)}：各项合计${wan(s)}，与总数${wan(total)}相差${wan(diff)}`;
  if (diff > known.length * 100) return [{ severity: 'error', code, message, line }];
  return [{
    severity: roundingAdmitted ? 'info' : 'warning', code: `${code}.rounding`,
    message: `${message}${roundingAdmitted ? '（文件已说明因四舍五入）' : '，可能是四舍五入所致，但文件未说明'}`, line,
  }];
}

/** A sum check: `measure` picks the total and parts from a record (null when the record has nothing to add up). */
export function sumCheck(spec: {
  code: SumCode;
  description: string;
  measure: (r: CheckedRecord) => Measured | null;
  pass: readonly PassingExample<RecordInput>[];
  fail: readonly FailingExample<RecordInput>[];
}): Check<RecordInput> {
  const { code, measure, ...rest } = spec;
  return {
    codes: [code, `${code}.rounding`],
    run: ({ record, roundingAdmitted }) => {
      const m = measure(record);
      return m ? compare(code, m, roundingAdmitted) : [];
    },
    ...rest,
  };
}
