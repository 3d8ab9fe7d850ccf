/**
 * `npm run build [-- ASTRO_BUILD_OPTIONS…]` — ingest, `astro build` with the options given (`--base /sub/`,
 * `--outDir x`, `--site …`); `astro build` writes the search index into the same output folder itself
 * (src/integrations/search-index.ts). Before, npm appended the
 * options to the last command only (the indexer): pages were built for / and the index went astray.
 *
 * Sharded (README "Building in parallel", src/domain/shard.ts):
 *   `npm run build -- --shard I/N [options]`  the pages, downloads and search part of the I-th of N shares of
 *                                              the districts, into `shards/I-of-N/` (unless --outDir)
 *   `npm run build:merge [-- [options] [--shards DIR]]`  the site-wide pages, and every shard found in DIR
 *                                              (default `shards/`: each subfolder holding a shard's output)
 *                                              combined into `dist/` (unless --outDir): the same bytes as one build
 * Each job is an ordinary `astro build`, told its share by GONGKAI_SHARD; the CI system runs the jobs.
 * GONGKAI_SEEDS_DIR and GONGKAI_CONTENT_DIR (default seeds/ and content/) say where the seeds and the content are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { baseProblem, siteProblem } from '../../src/domain/deploy-urls.ts';
import { contentDir } from '../../src/domain/content-dir.ts';
import { parseShard, SHARD_MANIFEST, SHARD_META_DIR, type ShardManifest } from '../../src/domain/shard.ts';

const args = process.argv.slice(2);
/** The value of `--name x` or `--name=x` among the options. */
const option = (name: string): string | undefined => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  return i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.slice(name.length + 1) : args[i + 1];
};
/** Removes `--name [value]` from the options passed on to astro build. */
const take = (name: string, hasValue: boolean): void => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i >= 0) args.splice(i, hasValue && !args[i]!.includes('=') ? 2 : 1);
};

const env: NodeJS.ProcessEnv = { ...process.env };
const shardText = option('--shard');
const merge = args.includes('--merge');
const shardsDir = resolve(option('--shards') ?? 'shards');
take('--shard', true);
take('--merge', false);
take('--shards', true);
if (shardText !== undefined && merge) {
  console.error('build: --shard and --merge are two different jobs; give one');
  process.exit(2);
}
if (shardText !== undefined) {
  const shard = parseShard(shardText);
  if (!shard) {
    console.error(`build: --shard ${shardText}: expected I/N with 1 ≤ I ≤ N (e.g. --shard 2/8)`);
    process.exit(2);
  }
  env.GONGKAI_SHARD = `${shard.index}/${shard.count}`;
  if (option('--outDir') === undefined) args.push('--outDir', `shards/${shard.index}-of-${shard.count}`);
}
if (merge) {
  const dirs = existsSync(shardsDir)
    ? readdirSync(shardsDir).sort().map((d) => join(shardsDir, d)).filter((d) => existsSync(join(d, SHARD_META_DIR, SHARD_MANIFEST)))
    : [];
  if (!dirs.length) {
    console.error(`build:merge: no shard output in ${shardsDir}/ (run \`npm run build -- --shard I/N\` for I = 1…N first, or give --shards DIR)`);
    process.exit(2);
  }
  const manifests = dirs.map((d) => JSON.parse(readFileSync(join(d, SHARD_META_DIR, SHARD_MANIFEST), 'utf8')) as ShardManifest);
  const count = manifests[0]!.count;
  const found = manifests.map((m) => `${m.index}/${m.count}`);
  if (manifests.some((m) => m.count !== count) || new Set(manifests.map((m) => m.index)).size !== count) {
    console.error(`build:merge: the shards must be 1…N of one split; found ${found.join(', ')} in ${shardsDir}/`);
    process.exit(2);
  }
  env.GONGKAI_SHARD = 'merge';
  env.GONGKAI_SHARD_INPUTS = JSON.stringify(dirs);
  // The merge publishes as of the date the shards were built for (a CI run may cross midnight).
  env.GONGKAI_TODAY ??= manifests[0]!.today;
}

const base = option('--base');
const site = option('--site') ?? process.env.GONGKAI_SITE;
const problems = [base === undefined ? null : baseProblem(base), site === undefined ? null : siteProblem(site)].filter((p) => p !== null);
if (problems.length) {
  console.error(`build: 部署设置有误：${problems.join('；')}`);
  process.exit(2);
}
const bin = (name: string) => join(import.meta.dirname, '../../node_modules/.bin', name);

const steps: [string, string[]][] = [
  // The seeds (GONGKAI_SEEDS_DIR, default seeds/) into the content folder the site is built from.
  [process.execPath, [join(import.meta.dirname, 'ingest.ts'), process.env.GONGKAI_SEEDS_DIR || 'seeds', contentDir()]],
  [bin('astro'), ['build', ...args]],
];
for (const [cmd, argv] of steps) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
