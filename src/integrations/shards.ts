/**
 * Build integration for sharded builds (src/domain/shard.ts). After `astro build` has written the pages:
 * - in a shard (`GONGKAI_SHARD=I/N`), writes `_shard/shard.json`: the districts it built, the release date
 *   and base it built for, and its pages (for the merge's sitemap);
 * - in the merge (`GONGKAI_SHARD=merge`, shard output folders in `GONGKAI_SHARD_INPUTS` as a JSON array),
 *   checks that the shards are exactly 1…N of one split of this content/, built for the same date and base
 *   from the same sources (their site-wide files, such as the bundled CSS and scripts, equal the merge's),
 *   and copies each shard's district files (`<district>/…`, `data/<district>/…`) into the output. The search
 *   index is merged afterwards from the shards' parts (scripts/search/index-site.ts).
 * A failed check stops the build with what to do.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { districtOfFile, SHARD_MANIFEST, SHARD_META_DIR, shardInputs, shardJob, type ShardManifest } from '../domain/shard.ts';
import { releaseToday } from '../domain/release.ts';
import { districtShards } from '../lib/shard-filter.ts';

/** Every file under `dir`, relative `/`-separated paths. */
function filesUnder(dir: string, root = dir, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, root, out);
    else out.push(relative(root, p).split(sep).join('/'));
  }
  return out;
}

/** Reads and checks the shards' manifests against this content/ and build; throws a message saying what to do. */
export function readShardManifests(inputs: readonly string[], base: string): { dir: string; manifest: ShardManifest }[] {
  const shards = inputs.map((dir) => {
    const file = join(dir, SHARD_META_DIR, SHARD_MANIFEST);
    if (!existsSync(file)) throw new Error(`${file}: missing — ${dir} is not the output of \`npm run build -- --shard I/N\``);
    return { dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as ShardManifest };
  });
  if (!shards.length) throw new Error('build:merge: no shard folder given');
  const count = shards[0]!.manifest.count;
  const found = shards.map((s) => s.manifest.index).sort((a, b) => a - b);
  const expected = Array.from({ length: count }, (_, i) => i + 1);
  if (shards.some((s) => s.manifest.count !== count) || found.join() !== expected.join()) {
    throw new Error(`build:merge: the shards must be 1…N of one split; found ${shards.map((s) => `${s.manifest.index}/${s.manifest.count}`).join(', ')}`);
  }
  const today = releaseToday();
  for (const { dir, manifest } of shards) {
    if (manifest.today !== today) throw new Error(`${dir}: built for ${manifest.today}, the merge for ${today}; set GONGKAI_TODAY to one date for every job`);
    if (manifest.base !== base) throw new Error(`${dir}: built for base ${manifest.base}, the merge for ${base}; give every job the same --base`);
  }
  const assigned = districtShards(count);
  const listed = new Map(shards.flatMap((s) => s.manifest.districts.map((d) => [d, s.manifest.index] as const)));
  const mismatch = [...new Set([...assigned.keys(), ...listed.keys()])].filter((d) => assigned.get(d) !== listed.get(d));
  if (mismatch.length) {
    throw new Error(`build:merge: the shards were built from other content/ than the merge (districts ${mismatch.slice(0, 5).join(', ')}); build every job from the same commit`);
  }
  return shards;
}

/** Copies each shard's district files into `outDir`, after checking its other files equal the merge's own. */
export function combineShards(outDir: string, shards: readonly { dir: string; manifest: ShardManifest }[]): number {
  let copied = 0;
  for (const { dir, manifest } of shards) {
    const districts = new Set(manifest.districts);
    for (const path of filesUnder(dir)) {
      if (path.startsWith(`${SHARD_META_DIR}/`)) continue;
      const target = join(outDir, path);
      if (districtOfFile(path, districts) === null) {
        // A site-wide file (bundled CSS and scripts, public/): the merge wrote its own, which must be the same.
        if (!existsSync(target) || !readFileSync(target).equals(readFileSync(join(dir, path)))) {
          throw new Error(`build:merge: ${join(dir, path)} differs from the merge's own ${path}; build every job from the same commit and options`);
        }
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(dir, path), target);
      copied++;
    }
  }
  return copied;
}

export default function shards(): AstroIntegration {
  let base = '/';
  return {
    name: 'gongkai:shards',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const job = shardJob();
        const outDir = fileURLToPath(dir);
        if (job.kind === 'shard') {
          const all = districtShards(job.count);
          const districts = [...all].filter(([, i]) => i === job.index).map(([d]) => d).sort();
          const own = new Set(districts);
          const manifest: ShardManifest = {
            index: job.index, count: job.count, today: releaseToday(), base, districts,
            pages: pages.map((p) => p.pathname).filter((p) => districtOfFile(p, own) !== null),
          };
          mkdirSync(join(outDir, SHARD_META_DIR), { recursive: true });
          writeFileSync(join(outDir, SHARD_META_DIR, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
          logger.info(`shard ${job.index}/${job.count}: ${districts.length} of ${all.size} districts`);
        } else if (job.kind === 'merge') {
          const inputs = readShardManifests(shardInputs(), base);
          const copied = combineShards(outDir, inputs);
          logger.info(`merged ${inputs.length} shards: ${copied} files`);
        }
      },
    },
  };
}
