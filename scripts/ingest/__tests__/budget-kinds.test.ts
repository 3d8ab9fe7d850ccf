/**
 * A department publishes its 部门预算 (the department consolidated) and, under the same name and year, its
 * own 单位预算 (issue 14): two records, not a duplicate. The one with the plain URL stays as it was; the
 * other is told apart by its name's digest, as other names sharing a slug are (src/domain/slug.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../run/corpus.ts';
import { REPO_ROOT, tempDir } from './helpers.ts';

const tmp = tempDir('budget-kinds');
afterAll(tmp.cleanup);

/** Fixture seed 004 is a 单位预算; the same text titled 部门预算 is the department's. */
const unitText = readFileSync(join(REPO_ROOT, 'tests/fixtures/seeds/004_4ff91bf0fb23a83f.txt'), 'utf8');
const unitFile = join(tmp.path, 'a-unit.txt');
const departmentFile = join(tmp.path, 'b-department.txt');
writeFileSync(unitFile, unitText);
writeFileSync(departmentFile, unitText.replaceAll('单位预算', '部门预算'));

const { outcomes, content } = await ingestFiles([unitFile, departmentFile], tmp.path);

describe('部门预算 and 单位预算 of one name and year', () => {

  it('are two records with different ids, not a duplicate', () => {
    expect(outcomes.map((o) => o.diagnostics.map((d) => d.kind))).not.toContainEqual(expect.arrayContaining(['duplicate-record']));
    const [unit, department] = outcomes.map((o) => o.record!);
    expect(unit.identity.budgetKind).toBe('unitBudget');
    expect(department.identity.budgetKind).toBe('departmentBudget');
    expect(unit.identity.unit).toBe(department.identity.unit);
    expect(unit.id).not.toBe(department.id);
    expect(content.records).toHaveLength(2);
  });

  it('the department keeps the plain URL; alone, a 单位预算 keeps it too', async () => {
    const [unit, department] = outcomes.map((o) => o.record!);
    expect(department.id).toBe('jiulongpo/dianzizhengwuzhongxin/2026');
    expect(unit.id).toMatch(/^jiulongpo\/dianzizhengwuzhongxin-[0-9a-z]+\/2026$/);
    const alone = (await ingestFiles([unitFile], tmp.path)).outcomes[0]!.record!;
    expect(alone.id).toBe('jiulongpo/dianzizhengwuzhongxin/2026');
  });
});
