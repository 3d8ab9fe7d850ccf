/**
 * The boundary rules of ARCHITECTURE.md (.dependency-cruiser.cjs) catch a bad import: each case builds a
 * tiny project in a temporary folder with one forbidden import and expects exactly that rule to fire, and
 * the same project without it to pass. (`npm run lint:arch` runs the same rules on the real tree.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cruise, type IConfiguration } from 'dependency-cruiser';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** The rules that fire on a project made of `files` (path → source). */
async function violations(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-arch-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const { tsConfig: _ts, ...options } = config.options ?? {};
    const result = await cruise(['src', 'scripts'], { ...options, validate: true, ruleSet: { forbidden: config.forbidden } });
    const output = result.output as { summary: { violations: { rule: { name: string } }[] } };
    return [...new Set(output.summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    process.chdir(cwd);
  }
}

const base = {
  'src/domain/money.ts': 'export const sum = (a: number, b: number): number => a + b;\n',
  'src/lib/records.ts': "import { sum } from '../domain/money.ts';\nexport const total = sum(1, 2);\n",
  'src/components/Amount.ts': "import { total } from '../lib/records.ts';\nexport const shown = String(total);\n",
  'src/pages/index.ts': "import { shown } from '../components/Amount.ts';\nexport const page = shown;\n",
  'scripts/ingest/stages/write.ts': "import { sum } from '../../../src/domain/money.ts';\nexport const written = sum(3, 4);\n",
  'scripts/ingest/run/corpus.ts': "import { written } from '../stages/write.ts';\nexport const done = written;\n",
};

describe('dependency rules', () => {
  it('pass a project that keeps to them', async () => {
    expect(await violations(base)).toEqual([]);
  });

  const cases: [string, string, string][] = [
    ['scripts-only-via-domain', 'scripts/ingest/stages/bad.ts', "import { total } from '../../../src/lib/records.ts';\nexport const x = total;\n"],
    ['src-never-imports-scripts', 'src/lib/bad.ts', "import { done } from '../../scripts/ingest/run/corpus.ts';\nexport const x = done;\n"],
    ['components-never-import-pages', 'src/components/Bad.ts', "import { page } from '../pages/index.ts';\nexport const x = page;\n"],
    ['lib-never-imports-components', 'src/lib/bad.ts', "import { shown } from '../components/Amount.ts';\nexport const x = shown;\n"],
    ['stages-never-import-run', 'scripts/ingest/stages/bad.ts', "import { done } from '../run/corpus.ts';\nexport const x = done;\n"],
    ['domain-is-the-bottom', 'src/domain/bad.ts', "import { total } from '../lib/records.ts';\nexport const x = total;\n"],
  ];
  for (const [rule, file, text] of cases) {
    it(`${rule}: fails on ${file}`, async () => {
      expect(await violations({ ...base, [file]: text })).toEqual([rule]);
    });
  }

  it('no-cycles: fails on two modules importing each other', async () => {
    expect(await violations({
      ...base,
      'src/lib/a.ts': "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n",
      'src/lib/b.ts': "import { a } from './a.ts';\nexport const b = (): number => a() - 1;\n",
    })).toEqual(['no-cycles']);
  });
});
