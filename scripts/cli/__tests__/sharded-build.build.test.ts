/**
 * Sharded builds (issue 18): `npm run build -- --shard I/3` for I = 1…3, then `npm run build:merge`, give
 * the same files, byte for byte, as one `npm run build` — pages, downloads, sitemap and search index — on a
 * generated corpus of a few districts (the bench's generator).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../../bench/generate.ts';
import type { ShardManifest } from '../../../src/domain/shard.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-shards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `npm run build -- ARGS` as a clean production build (none of vitest's variables), on the generated corpus. */
function build(args: string[]): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = {
    GONGKAI_SEEDS_DIR: join(tmp, 'seeds'), GONGKAI_CONTENT_DIR: join(tmp, 'content'), GONGKAI_TODAY: '2026-12-01',
    ASTRO_TELEMETRY_DISABLED: '1',
    // The project's Node first, as `npm run` puts it (astro's launcher runs on the `node` of the PATH).
    PATH: [join(ROOT, 'node_modules/.bin'), process.env.PATH].join(delimiter),
  };
  for (const key of ['HOME', 'LANG', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key];
  const r = spawnSync(process.execPath, ['scripts/cli/build.ts', ...args, '--force'], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

function files(dir: string, root = dir, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, root, out);
    else out.push(relative(root, p).split(sep).join('/'));
  }
  return out.sort();
}

const shardsDir = join(tmp, 'shards');
const single = join(tmp, 'single');
const merged = join(tmp, 'merged');

beforeAll(() => {
  writeCorpus({ docs: 48, seed: 2, errorShare: 0.1 }, join(tmp, 'seeds'));
  for (const args of [['--outDir', single], ...[1, 2, 3].map((i) => ['--shard', `${i}/3`, '--outDir', join(shardsDir, `${i}-of-3`)])]) {
    const r = build(args);
    if (r.status !== 0) throw new Error(`build ${args.join(' ')} failed:\n${r.output.slice(-3000)}`);
  }
  const r = build(['--merge', '--shards', shardsDir, '--outDir', merged]);
  if (r.status !== 0) throw new Error(`build:merge failed:\n${r.output.slice(-3000)}`);
}, 900_000);

describe('npm run build -- --shard I/N, then npm run build:merge', () => {
  it('splits the districts among the shards, each building only its own', () => {
    const manifests = [1, 2, 3].map((i) => JSON.parse(readFileSync(join(shardsDir, `${i}-of-3`, '_shard/shard.json'), 'utf8')) as ShardManifest);
    const districts = manifests.flatMap((m) => m.districts);
    expect(new Set(districts).size).toBe(districts.length);
    expect(districts.length).toBeGreaterThanOrEqual(3);
    expect(manifests.filter((m) => m.districts.length > 0).length).toBeGreaterThanOrEqual(2);
    for (const [i, m] of manifests.entries()) {
      const own = files(join(shardsDir, `${i + 1}-of-3`));
      // No site-wide page in a shard, and no page of another shard's districts.
      expect(own).not.toContain('index.html');
      expect(own).not.toContain('glossary/index.html');
      const others = districts.filter((d) => !m.districts.includes(d));
      expect(own.filter((f) => others.some((d) => f.startsWith(`${d}/`) || f.startsWith(`data/${d}/`)))).toEqual([]);
      for (const d of m.districts) expect(own).toContain(`${d}/index.html`);
    }
  });

  it('merges into the same files, byte for byte, as one build', () => {
    const a = files(single);
    const b = files(merged);
    expect(a.length).toBeGreaterThan(100);
    expect(a).toContain('pagefind/pagefind-entry.json');
    expect(a.some((f) => f.endsWith('/record.json'))).toBe(true);
    expect(b).toEqual(a);
    const differing = a.filter((f) => !readFileSync(join(single, f)).equals(readFileSync(join(merged, f))));
    expect(differing).toEqual([]);
  });

  it('refuses to merge an incomplete set of shards, saying which it found', () => {
    renameSync(join(shardsDir, '2-of-3'), join(tmp, 'aside'));
    try {
      const r = build(['--merge', '--shards', shardsDir, '--outDir', join(tmp, 'incomplete')]);
      expect(r.status).not.toBe(0);
      expect(r.output).toContain('1…N');
      expect(r.output).toMatch(/1\/3, 3\/3/);
      expect(existsSync(join(tmp, 'incomplete', 'index.html'))).toBe(false);
    } finally {
      renameSync(join(tmp, 'aside'), join(shardsDir, '2-of-3'));
    }
  });
});
