/**
 * `npm run diff -- <git-ref> [CONTENT_DIR]` — which figures changed in content/ since a git ref, per
 * unit-year; records added and removed. Always exit 0 on a successful comparison (2 on bad usage).
 */
import { diffRecords, formatDiff } from '../../src/domain/figure-diff.ts';
import { readRecordsAtRef, readRecordsFromDir } from '../../src/domain/record-files.ts';

const HELP = `用法：npm run diff -- <git-ref> [CONTENT_DIR]

比较 CONTENT_DIR（默认 content/）中现有的记录与 <git-ref>（如 HEAD、main、HEAD~3、某次提交）时的记录。
先运行 npm run ingest，content/ 才反映 seeds/ 的最新内容。

输出（按记录 id 排序）：
  ~ <id> (<单位> <年度>)          数字有变化的记录，其后每行一个变化的数字：
    <数字路径>: <原值> → <新值>
  + <id>                          新增的记录
  - <id>                          删除的记录
没有变化时不输出任何内容。

“数字”指：
  keyFigures 的全部字段，展开为路径，如 keyFigures.incomeTotal、keyFigures.threePublic.reception、
    keyFigures.expenditureByFunction.一般公共服务支出；金额以万元显示、保留两位小数（如 1,483.96），
    keyFigures.year、keyFigures.vehicles 为个数，单位名称、联系人、名词列表为文字；“—”表示未载明；
  findings.error、findings.warning、findings.info：数据核对发现的项数（错误、提示、说明）。
正文等其他内容的改动不在此列出（请看 git diff content/）。

退出码：0 比较完成；2 参数错误或 git 引用无效。`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const [ref, contentDir = 'content'] = args;
if (!ref || args.length > 2) {
  console.error(`diff: 需要一个 git 引用\n\n${HELP}`);
  process.exit(2);
}

let before;
try {
  before = readRecordsAtRef(ref, contentDir, process.cwd());
} catch (e) {
  console.error(`diff: ${(e as Error).message}`);
  process.exit(2);
}
const changes = diffRecords(before, readRecordsFromDir(contentDir));
for (const line of formatDiff(changes)) console.log(line);
process.exit(0);
