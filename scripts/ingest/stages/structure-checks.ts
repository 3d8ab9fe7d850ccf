/**
 * Structural checks of a whole document, before and beside extraction: is it a disclosure at all, is it
 * two documents in one file, are sections missing, duplicated, out of order, is it cut off?
 * Does a figure fail to read? Every problem is a diagnostic (`file:line: what, and what was expected`);
 * fatal ones (all but NON_FATAL_KINDS) leave no record, the others are also findings on the record.
 */
import type { Line } from './normalize.ts';
import type { ParsedSection } from './sections.ts';
import { UNIT_SRC } from './patterns.ts';
import { NON_FATAL_KINDS, type Diagnostic } from '../errors.ts';
import type { Finding } from '../../../src/domain/schema/finding.ts';
import { STRUCTURE_CHECKS } from '../checks/index.ts';
import { contentOf, FILLER, quote, topLevelWithContent, withoutDiagnostic } from '../checks/structure.ts';

export interface StructureResult {
  fatal: boolean;
  diagnostics: Diagnostic[];
  findings: Finding[];
}

/** A document title (关于2026年部门预算情况公开…); no leading `\s*`, which is quadratic on long runs of spaces. */
const DOC_START = /\d{4}\s*年(?:度)?\s*(?:区级)?(?:部门|单位)预算(?:情况)?(?:公开|说明)/;

/** `tablesRead`: standard tables read from the document (their lines are not in `lines`): budget content too. */
export function checkStructure(file: string, lines: Line[], sections: ParsedSection[], year: number, unit: string, tablesRead = 0): StructureResult {
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  const firstText = lines.find((l) => l.text.trim());
  const budgetWords = lines.filter((l) => /预算|三公|财政拨款|收入|支出/.test(l.text)).length + 2 * Math.min(tablesRead, 1);

  if (!year || !unit || budgetWords < 2) {
    const missing = [!unit && '单位名称', !year && '预算年度（如“2026年部门预算”）', budgetWords < 2 && '预算收支内容'].filter(Boolean).join('、');
    diagnostics.push({
      file, line: firstText?.n ?? 1, kind: 'not-a-disclosure',
      message: `不是可识别的部门/单位预算公开文本：缺少${missing}。应以单位名称和“YYYY年部门预算情况说明”等标题开头`,
    });
    return { fatal: true, diagnostics, findings };
  }

  // Table-of-contents entries name sections without content; they count for none of the checks below.
  const content = contentOf(sections);
  const topLevel = topLevelWithContent(sections, content);

  // Two documents in one file: a second document title after the first document's body started.
  const firstBody = topLevel[0]?.line ?? Infinity;
  const firstBasic = topLevel.find((s) => s.kind === 'basicInfo');
  const secondBasic = topLevel.filter((s) => s.kind === 'basicInfo')[1];
  const secondTitle = lines.find((l) => l.n > firstBody && l.text.trim().length <= 40 && DOC_START.test(l.text) && !/报表|详见/.test(l.text)
    && !sections.some((s) => s.line === l.n && s.depth === 0));
  if (secondBasic && firstBasic && (secondTitle ? secondTitle.n < secondBasic.line : true)) {
    const at = secondTitle && secondTitle.n < secondBasic.line ? secondTitle.n : secondBasic.line;
    diagnostics.push({
      file, line: at, kind: 'concatenated',
      message: `第${at}行起是另一份公开文件（第${firstBasic.line}行已有${quote(firstBasic.title)}）；一个文件只应包含一份公开说明，请拆成两个文件`,
    });
    return { fatal: true, diagnostics, findings };
  }

  for (const d of badFigures(file, lines)) diagnostics.push(d);

  // Duplicated sections: the same numbered top-level heading line, with content, twice — a section pasted
  // twice. (Different headings of one topic, e.g. several budget units' 三公 sections in a department
  // document, and unnumbered topic words or row labels that PDF tables repeat, are not duplicates.)
  const seen = new Map<string, ParsedSection>();
  for (const s of topLevel) {
    if (s.kind === 'unknown' || s.kind === 'part' || s.kind === 'tables' || !s.number) continue;
    const key = `${s.kind}|${lines[s.line - 1]?.text ?? s.title}`.replace(/\s+/g, '');
    const prev = seen.get(key);
    if (prev) {
      diagnostics.push({
        file, line: s.line, kind: 'duplicate-section',
        message: `${quote(s.number + s.title)}重复出现（第${prev.line}行已有同一节）；每一节应只出现一次，请删除重复粘贴的部分`,
      });
    } else seen.set(key, s);
  }
  // Order and missing topics: check units (scripts/ingest/checks/), each finding with its diagnostic.
  for (const f of STRUCTURE_CHECKS.flatMap((c) => c.run({ lines, sections }))) {
    findings.push(withoutDiagnostic(f));
    diagnostics.push({ file, line: f.diagnostic.line, kind: f.diagnostic.kind, message: f.diagnostic.message });
  }
  const cut = truncation(file, lines, sections, content);
  if (cut) diagnostics.push(cut);
  return { fatal: diagnostics.some((d) => !NON_FATAL_KINDS.has(d.kind)), diagnostics, findings };
}

/**
 * Truncated: the narrative stops mid-sentence (a long last line without closing punctuation, or a last
 * line ending in a comma or an opening bracket), or the text ends on a numbered heading with nothing under it.
 */
function truncation(file: string, lines: Line[], sections: ParsedSection[], content: boolean[]): Diagnostic | null {
  const lastLine = [...lines].reverse().find((l) => l.text.trim() && !l.text.startsWith('\t') && !FILLER.test(l.text.trim()));
  if (!lastLine) return null;
  const t = lastLine.text.trim();
  const open = /[,、(“‘《[{<]$/.test(t) || (t.length > 30 && !/[。.;；:：)）”"」》\]\d日号表!?]$/.test(t));
  const headingAt = sections.findIndex((s) => s.line === lastLine.n && s.number !== null && !/表$/.test(s.title));
  const emptyHeading = headingAt > 0 && !content[headingAt];
  if (!open && !emptyHeading) return null;
  const display = lastLine.display.trim();
  const what = emptyHeading ? `文本停在标题${quote(display)}，其下没有内容` : `文本在句子中间结束（“…${display.slice(-12)}”）`;
  return { file, line: lastLine.n, kind: 'truncated', message: `${what}，文件可能被截断；应为完整的文件，以完整的句子结束，并有联系人等结尾内容` };
}

/**
 * Figures before 万元/亿元/千元/元 that are not numbers: letters or stray dots inside ("1,48x.96万元",
 * "12..5万元"), misplaced thousands separators ("12,34万元"), or Chinese numerals after a budget label
 * ("拨款一百二十万元"). Extractors would read part of such a figure, or skip it, without a word, so it is
 * fatal. Runs on the matching form, where full-width digits and spaces inside figures are already normalised.
 */
const FIGURE = new RegExp(String.raw`(?<![\d.]|\d,)(\d[\dA-Za-z.,]*)\s*(?:${UNIT_SRC})(?![旦宇素件器数月年首])`, 'g');
const WELL_FORMED = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const CN_FIGURE = new RegExp(String.raw`(?<=预算|拨款|收入|支出|经费|合计|共计|总计|安排|增加|减少|增长|下降|费|数|为)\s*[零〇一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?\s*(?:${UNIT_SRC})`, 'g');

function badFigures(file: string, lines: Line[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (l: Line, index: number, length: number, why: string) => out.push({
    file, line: l.n, kind: 'bad-figure',
    message: `金额“${l.display.slice(index, index + length).trim()}”无法识别（${why}）；应为用阿拉伯数字写的金额，如“1,480.96万元”`,
  });
  for (const l of lines) {
    if (!l.text.includes('元')) continue;
    for (const m of l.text.matchAll(FIGURE)) {
      const figure = m[1]!;
      if (WELL_FORMED.test(figure)) continue;
      const letters = /[A-Za-z]+/.exec(figure);
      const why = letters ? `数字中夹有字母“${letters[0]}”` : /\.\d*\.|[.,]$|,\.|\.,/.test(figure) ? '小数点或逗号的位置不对' : '千分位逗号的位置不对';
      report(l, m.index, m[0].length, why);
    }
    for (const m of l.text.matchAll(CN_FIGURE)) report(l, m.index, m[0].length, '用汉字写的数字');
  }
  return out;
}
