/**
 * `npm run ingest [-- SEEDS_DIR [CONTENT_DIR]]` — reads every disclosure under seeds/ and writes content/
 * atomically. Prints one line per file (unit, year, findings) and the diagnostics of files that could not
 * be read; exits 1 when any file could not be ingested (the others are still written).
 */
import { ingest } from '../ingest/corpus.ts';
import { formatDiagnostic, IngestError } from '../ingest/errors.ts';

const [seedsDir = 'seeds', contentDir = 'content'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quiet = process.argv.includes('--quiet');
let result: ReturnType<typeof ingest>;
try {
  result = ingest(seedsDir, contentDir);
} catch (e) {
  if (!(e instanceof IngestError)) throw e;
  console.error(formatDiagnostic(e.diagnostic));
  process.exit(1);
}
const { outcomes, content } = result;

let bad = 0;
for (const o of outcomes) {
  if (o.record) {
    const f = o.record.findings;
    const count = (s: string) => f.filter((x) => x.severity === s).length;
    if (!quiet) {
      console.log(`${o.file}\t${o.record.identity.unit}\t${o.record.identity.year}\t发现 ${f.length} 项（错误 ${count('error')}，提示 ${count('warning')}，说明 ${count('info')}）\t未识别 ${o.record.coverage.unrecognised.length} 行`);
    }
    for (const d of o.diagnostics) console.log(`  ${formatDiagnostic(d)}`);
  } else {
    bad++;
    for (const d of o.diagnostics) console.error(formatDiagnostic(d));
  }
}
console.log(`ingest: ${content.records.length} 份记录已写入 ${contentDir}/，${bad} 个文件未能导入`);
process.exit(bad ? 1 : 0);
