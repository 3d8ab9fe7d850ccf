/**
 * `npm run check [-- [SEEDS_DIR] [--strict] [--format text|json]]` — the data checks as a sign-off before
 * publishing. Ingests every seed in memory (content/ is not written) and prints the findings grouped by unit
 * and file as `file:line: [错误|提示|说明] message (code)`, or with `--format json` the same as one JSON
 * object (for CI annotations). Exit 1 when a record that a production build would publish
 * today has an unacknowledged error (`--strict`: or warning), or when a seed cannot be ingested at all.
 */
import { ingestFiles, listSeeds } from '../ingest/run/corpus.ts';
import { checkJson, checkOutcomes, formatCheck } from '../release/gate.ts';
import { releaseToday } from '../../src/domain/release.ts';

const HELP = `用法：npm run check [-- [SEEDS_DIR] [--strict] [--format text|json]]

读取 SEEDS_DIR（默认 seeds/）中的每份公开文件（不写 content/），按单位、按文件列出数据核对发现：
  ## 单位名称（N 份文件）
  == 文件 · 单位 年度 · 发布状态
  文件:行号: [错误|提示|说明] 说明文字 (代码)
单位已在 <文件名>.meta.yml 的 acknowledgements 中确认的发现标有〔已确认，单位说明：…〕。
--format json：同样的内容输出为一个 JSON 对象（units[].files[].items[]，供持续集成标注问题），退出码不变。

退出码：
  1  有文件无法导入，或将要发布的记录（非草稿、发布日期不晚于今天）有未确认的“错误”
     （--strict：“提示”也算）
  0  其他情况；草稿和尚未到发布日期的记录只列出，不影响退出码
今天的日期按北京时间计，可用环境变量 GONGKAI_TODAY=YYYY-MM-DD 指定。`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
/** `--format json`, `--format=json`; the value of `--format` is not a seeds folder. */
let format = 'text';
const rest: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--format') format = args[++i] ?? '';
  else if (a.startsWith('--format=')) format = a.slice('--format='.length);
  else rest.push(a);
}
const unknown = rest.filter((a) => a.startsWith('-') && a !== '--strict');
if (unknown.length || (format !== 'text' && format !== 'json')) {
  console.error(`check: ${unknown.length ? `未知选项 ${unknown.join(' ')}` : `--format 应为 text 或 json，而不是“${format}”`}\n\n${HELP}`);
  process.exit(2);
}
const strict = rest.includes('--strict');
const [seedsDir = 'seeds'] = rest.filter((a) => !a.startsWith('-'));

let today: string;
try {
  today = releaseToday();
} catch (e) {
  console.error(`check: ${(e as Error).message}`);
  process.exit(2);
}

const { outcomes } = await ingestFiles(listSeeds(seedsDir), seedsDir);
const options = { today, strict };
const { files, failed } = checkOutcomes(outcomes, options);
if (format === 'json') process.stdout.write(checkJson(files, options));
else for (const line of formatCheck(files, options)) console.log(line);
process.exit(failed ? 1 : 0);
