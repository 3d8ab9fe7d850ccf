/**
 * `npm run search-index [-- OUT_DIR] [--cache DIR | --no-cache]` (default `dist`) — run at the end of every `astro build` by the
 * gongkai:search-index integration (src/integrations/search-index.ts): indexes the built site's search regions
 * with Pagefind (Chinese segmentation) into OUT_DIR/pagefind/ (in a shard of a sharded build: its part,
 * OUT_DIR/_shard/search-part.jsonl; in the merge: the parts combined with the merge's own pages). Pages
 * carrying the preview banner are refused and listed. Exit 1 on any Pagefind error.
 * Pages whose URL and HTML are unchanged since the last run take their analysed entry from the cache
 * (scripts/search/entry-cache.ts; default node_modules/.astro/search-index/, Astro's cache folder): the
 * same index, without segmenting every page again.
 */
import { join } from 'node:path';
import { indexSite, writeSearchPart } from '../search/index-site.ts';
import { shardInputs, shardJob } from '../../src/domain/shard.ts';

const args = process.argv.slice(2);
const cacheAt = args.indexOf('--cache');
const cacheArg = cacheAt >= 0 ? args[cacheAt + 1] : undefined;
const outDir = args.find((a, i) => !a.startsWith('--') && (cacheAt < 0 || i !== cacheAt + 1)) ?? 'dist';
const cache = args.includes('--no-cache') ? undefined : cacheArg ?? join(import.meta.dirname, '../../node_modules/.astro/search-index');
try {
  // Sharded builds (GONGKAI_SHARD, set by build.ts): a shard writes its part, the merge combines the parts.
  const job = shardJob();
  const { indexed, refused, written, cache: reuse } = job.kind === 'shard' ? await writeSearchPart(outDir, { cache })
    : await indexSite(outDir, { cache, ...(job.kind === 'merge' ? { shards: shardInputs() } : {}) });
  const cached = reuse ? `（${reuse.reused} 个未变，沿用上次的分词；${reuse.analysed} 个重新分词）` : '';
  const update = reuse?.unread === undefined ? ''
    : `；${reuse.unread} 个文件未改动、未读；${reuse.spliced ? '只更新了变动页面的词条' : '词条全部重排（页面有增减）'}`;
  console.log(`search-index: ${indexed.length} 个页面已编入 ${job.kind === 'shard' ? join(outDir, written[0]!) : `${outDir}/pagefind/`}${cached}${update}`);
  if (refused.length) {
    console.log(`search-index: ${refused.length} 个页面带有“预览稿”标记，未编入索引（预览稿不进入搜索）：${refused.slice(0, 5).join('、')}${refused.length > 5 ? ' 等' : ''}`);
  }
} catch (e) {
  console.error(`search-index: ${(e as Error).message}`);
  process.exit(1);
}
