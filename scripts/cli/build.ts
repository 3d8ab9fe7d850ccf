/**
 * `npm run build [-- ASTRO_BUILD_OPTIONS…]` — ingest, `astro build` with the options given (`--base /sub/`,
 * `--outDir x`, `--site …`), then the search index into the same output folder. Before, npm appended the
 * options to the last command only (the indexer): pages were built for / and the index went astray.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { baseProblem, siteProblem } from '../../src/domain/deploy-urls.ts';

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
const outDir = at < 0 ? 'dist' : args[at]!.includes('=') ? args[at]!.split('=')[1]! : args[at + 1] ?? 'dist';
/** The value of `--name x` or `--name=x` among the options. */
const option = (name: string): string | undefined => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  return i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.slice(name.length + 1) : args[i + 1];
};
const base = option('--base');
const site = option('--site') ?? process.env.GONGKAI_SITE;
const problems = [base === undefined ? null : baseProblem(base), site === undefined ? null : siteProblem(site)].filter((p) => p !== null);
if (problems.length) {
  console.error(`build: 部署设置有误：${problems.join('；')}`);
  process.exit(2);
}
const bin = (name: string) => join(import.meta.dirname, '../../node_modules/.bin', name);

const steps: [string, string[]][] = [
  [process.execPath, [join(import.meta.dirname, 'ingest.ts')]],
  [bin('astro'), ['build', ...args]],
  [process.execPath, [join(import.meta.dirname, 'search-index.ts'), outDir]],
];
for (const [cmd, argv] of steps) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
