/**
 * `node scripts/cli/search-index.ts [OUT_DIR]` (default `dist`) — run by `npm run build` after
 * `astro build`: indexes the built site's search regions with Pagefind (Chinese segmentation) into
 * OUT_DIR/pagefind/. Pages carrying the preview banner are refused and listed. Exit 1 on any Pagefind error.
 */
import { indexSite } from '../search/index-site.ts';

const outDir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
try {
  const { indexed, refused } = await indexSite(outDir);
  console.log(`search-index: ${indexed.length} 个页面已编入 ${outDir}/pagefind/`);
  if (refused.length) {
    console.log(`search-index: ${refused.length} 个页面带有“预览稿”标记，未编入索引（预览稿不进入搜索）：${refused.slice(0, 5).join('、')}${refused.length > 5 ? ' 等' : ''}`);
  }
} catch (e) {
  console.error(`search-index: ${(e as Error).message}`);
  process.exit(1);
}
