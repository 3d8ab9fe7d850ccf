/**
 * Every registered check, tested from its own examples (as remark-lint tests its rules): a passing example
 * gives no finding, a failing one exactly the findings it lists. Adding a check with examples adds its tests.
 * Also: each code is in the term table at a severity it allows, each code a check reports has a failing
 * example, no two checks report the same code, TERMS.md lists the term table, and every finding the
 * pipeline reports on the fixture documents has a code of the term table at a severity it allows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_TERMS, type FindingCode } from '../../../../src/domain/terms/findings.ts';
import { CROSS_YEAR_CHECKS, RECORD_CHECKS, STAGE_CHECKS, STRUCTURE_CHECKS } from '../index.ts';
import type { Check, CodedFinding } from '../types.ts';
import { parseDocument } from '../../index.ts';
import { FIXTURE_SEEDS_DIR } from '../../../../tests/fixtures.ts';

function testChecks<I, F extends CodedFinding>(kind: string, checks: readonly Check<I, F>[]): void {
  describe(kind, () => {
    for (const check of checks) {
      describe(check.codes[0], () => {
        for (const ex of check.pass) {
          it(`passes: ${ex.name}`, () => expect(check.run(ex.input)).toEqual([]));
        }
        for (const ex of check.fail) {
          it(`fails: ${ex.name}`, () => expect(check.run(ex.input)).toEqual(ex.findings));
        }
        it('has examples of both kinds, one failing with each of its codes, at severities the term table allows', () => {
          expect(check.pass.length).toBeGreaterThan(0);
          const reported = check.fail.flatMap((ex) => ex.findings);
          expect(new Set(reported.map((f) => f.code))).toEqual(new Set(check.codes));
          for (const f of reported) expect(FINDING_TERMS[f.code].severities).toContain(f.severity);
        });
      });
    }
  });
}

testChecks('structure checks', STRUCTURE_CHECKS);
testChecks('record checks', RECORD_CHECKS);
testChecks('checks across years', CROSS_YEAR_CHECKS);
testChecks('stage checks: paragraphs', [STAGE_CHECKS.figureStrayCharacters]);
testChecks('stage checks: table sums', [STAGE_CHECKS.tableSums]);
testChecks('stage checks: tables and text', [STAGE_CHECKS.tableTextDisagrees]);
testChecks('stage checks: tables and tables', [STAGE_CHECKS.tablesDisagree]);
testChecks('stage checks: sums of tables in columns', [STAGE_CHECKS.tableNotAddingUp]);

it('every stage check is tested from its examples above', () => {
  expect(Object.keys(STAGE_CHECKS).sort()).toEqual(['figureStrayCharacters', 'tableNotAddingUp', 'tableSums', 'tableTextDisagrees', 'tablesDisagree']);
});

describe('the registry and the term table', () => {
  it('no two checks report the same code', () => {
    const codes = [...STRUCTURE_CHECKS, ...RECORD_CHECKS, ...CROSS_YEAR_CHECKS, ...Object.values(STAGE_CHECKS)].flatMap((c) => c.codes);
    expect(codes.length).toBe(new Set(codes).size);
  });

  it('TERMS.md lists exactly the codes of the term table', () => {
    const terms = readFileSync(join(import.meta.dirname, '../../../../TERMS.md'), 'utf8');
    const table = terms.slice(terms.indexOf('### Finding codes'));
    const rows = table.slice(table.indexOf('|---'), table.indexOf('\n\n', table.indexOf('|---'))).split('\n').slice(1);
    const listed = new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([a-zA-Z]+\.[a-zA-Z.-]+)`/g)].map((m) => m[1]!)));
    const known = Object.keys(FINDING_TERMS) as FindingCode[];
    // A sum code's `.rounding` twin is listed with it (“error (`.rounding`: info/warning)”).
    expect([...listed].sort()).toEqual(known.filter((c) => !c.endsWith('-sum.rounding')).sort());
  });

  it('every finding on the fixture documents has a code of the term table, at a severity it allows', () => {
    const dirs = [FIXTURE_SEEDS_DIR, join(import.meta.dirname, '../../__tests__/fixtures/variants'), join(import.meta.dirname, '../../__tests__/fixtures/bad')];
    const findings = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt'))
      .flatMap((f) => parseDocument(readFileSync(join(dir, f)), f).record?.findings ?? []));
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      expect(Object.keys(FINDING_TERMS), f.code).toContain(f.code);
      expect(FINDING_TERMS[f.code as FindingCode].severities, f.code).toContain(f.severity);
    }
  });
});
