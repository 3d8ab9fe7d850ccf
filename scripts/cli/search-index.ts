/**
 * `npm run search-index [-- OUT_DIR]` (default `dist`) — run at the end of every `astro build` by the
 * gongkai:search-index integration (src/integrations/search-index.ts): indexes the built site's search regions
 * with Pagefind (Chinese segmentation) into OUT_DIR/pagefind/ (in a shard of a sharded build: its part,
 * OUT_DIR/_shard/search-part.jsonl; in the merge: the parts combined with the merge's own pages). Pages
 * carrying the preview banner are refused and listed. Exit 1 on any Pagefind error.
 */
import { join } from 'node:path';
import { indexSite, writeSearchPart } from '../search/index-site.ts';
import { shardInputs, shardJob } from '../../src/domain/shard.ts';

const outDir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
try {
  // Sharded builds (GONGKAI_SHARD, set by build.ts): a shard writes its part, the merge combines the parts.
  const job = shardJob();
  const { indexed, refused, written } = job.kind === 'shard' ? await writeSearchPart(outDir)
    : await indexSite(outDir, job.kind === 'merge' ? { shards: shardInputs() } : {});
  console.log(`search-index: ${indexed.length} 个页面已编入 ${job.kind === 'shard' ? join(outDir, written[0]!) : `${outDir}/pagefind/`}`);
  if (refused.length) {
    console.log(`search-index: ${refused.length} 个页面带有“预览稿”标记，未编入索引（预览稿不进入搜索）：${refused.slice(0, 5).join('、')}${refused.length > 5 ? ' 等' : ''}`);
  }
} catch (e) {
  console.error(`search-index: ${(e as Error).message}`);
  process.exit(1);
}
