/**
 * `npm run ingest [-- SEEDS_DIR [CONTENT_DIR]] [--quiet] [--no-cache | --cache DIR]` — reads every
 * disclosure under seeds/ and writes content/ atomically. Prints one line per file (unit, year, findings)
 * and the diagnostics of files that could not be read; exits 1 when any file could not be ingested (the
 * others are still written). Seeds unchanged since an earlier run are not parsed again: their outcomes come
 * from the parse cache (scripts/ingest/run/parse-cache.ts; by default in
 * node_modules/.cache/gongkai/ingest/<digest of CONTENT_DIR>/ when run from a folder with node_modules/;
 * `--cache DIR` another folder, `--no-cache` none); content/ and the output are the same either way.
 */
import { enableCompileCache } from 'node:module';

// Node strips the types of every module it loads (≈ 0.3 s of the ingest's start-up); its compile cache
// keeps the result on disk, as the parse workers do (parse-worker.ts). Before the imports below.
enableCompileCache();
const { ingest } = await import('../ingest/run/corpus.ts');
const { defaultParseCache, openParseCache } = await import('../ingest/run/parse-cache.ts');
const { formatDiagnostic, IngestError } = await import('../ingest/errors.ts');

const args = process.argv.slice(2);
const cacheAt = args.indexOf('--cache');
const [seedsDir = 'seeds', contentDir = 'content'] = args.filter((a, k) => !a.startsWith('--') && !(cacheAt >= 0 && k === cacheAt + 1));
const quiet = args.includes('--quiet');
const cacheDir = cacheAt >= 0 ? args[cacheAt + 1] : undefined;
const cache = args.includes('--no-cache') ? null : cacheDir ? openParseCache(cacheDir) : defaultParseCache(contentDir);
let result: Awaited<ReturnType<typeof ingest>>;
try {
  result = await ingest(seedsDir, contentDir, { cache, lock: { onWait: (pid) => console.error(`ingest: 另一个导入（进程 ${pid}）正在写入 ${contentDir}/，等待它结束…`) } });
} catch (e) {
  if (!(e instanceof IngestError)) throw e;
  console.error(formatDiagnostic(e.diagnostic));
  process.exit(1);
}
const { outcomes, published } = result;

let bad = 0;
for (const o of outcomes) {
  if (o.record) {
    const f = o.record.findings;
    if (!quiet) {
      console.log(`${o.file}\t${o.record.unit}\t${o.record.year}\t发现 ${f.error + f.warning + f.info} 项（错误 ${f.error}，提示 ${f.warning}，说明 ${f.info}）\t未识别 ${o.record.unrecognised} 行`);
    }
    for (const d of o.diagnostics) console.log(`  ${formatDiagnostic(d)}`);
  } else {
    bad++;
    for (const d of o.diagnostics) console.error(formatDiagnostic(d));
  }
}
console.log(`ingest: ${published.length} 份记录已写入 ${contentDir}/，${bad} 个文件未能导入`);
process.exit(bad ? 1 : 0);
