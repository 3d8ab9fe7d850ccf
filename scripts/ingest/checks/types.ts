/**
 * A check is a small self-describing unit, as a remark-lint rule is: the codes it reports (from the term
 * table, src/domain/terms/findings.ts, where their severities and Chinese meanings are written once), what
 * it checks, the pure function, and examples that pass and fail. `__tests__/checks.test.ts` runs every
 * registered check on its own examples, so a check added with examples is a check tested.
 */
import type { Finding } from '../../../src/domain/schema/finding.ts';
import type { FindingCode } from '../../../src/domain/terms/findings.ts';

/** A finding whose code is one of the term table's. */
export type CodedFinding = Finding & { code: FindingCode };

/** An input the check finds nothing in. */
export interface PassingExample<I> {
  /** What the example shows, in English. */
  name: string;
  input: I;
}

/** An input the check reports, with exactly the findings it reports (message included: the Chinese a reader sees). */
export interface FailingExample<I, F extends CodedFinding = CodedFinding> extends PassingExample<I> {
  findings: readonly F[];
}

/** A check of inputs `I` reporting findings `F` (a structure check's carry the diagnostic printed for them). */
export interface Check<I, F extends CodedFinding = CodedFinding> {
  /** The codes it may report (a sum check: its own and its `.rounding` twin). */
  codes: readonly FindingCode[];
  /** What it checks, in English. */
  description: string;
  /** Pure: the findings for one input, in a stable order. */
  run: (input: I) => F[];
  pass: readonly PassingExample<I>[];
  fail: readonly FailingExample<I, F>[];
}
