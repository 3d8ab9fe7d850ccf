/**
 * Structural checks of a whole document, before and beside extraction: is it a disclosure at all, is it
 * two documents in one file, are sections missing, duplicated, out of order, is it cut off?
 * Fatal problems (no record can be made) are diagnostics; the others are findings on the record.
 */
import type { Line } from './normalize.ts';
import type { ParsedSection } from './sections.ts';
import type { Diagnostic } from './errors.ts';
import type { Finding } from '../../src/domain/schema/finding.ts';

export interface StructureResult {
  fatal: boolean;
  diagnostics: Diagnostic[];
  findings: Finding[];
}

/** The order sections usually come in (a subset may be present). */
const CANONICAL = ['basicInfo', 'overview', 'budgetExplanation', 'threePublic', 'otherMatters', 'glossary', 'tables'] as const;
const NAMES: Record<string, string> = {
  basicInfo: '单位基本情况', overview: '收支总体情况', budgetExplanation: '预算情况说明', threePublic: '“三公”经费情况说明',
  otherMatters: '其他重要事项的情况说明', glossary: '专业性名词解释', tables: '公开报表',
  income: '收入预算', expenditure: '支出预算',
};

const DOC_START = /(?:关于)?\s*\d{4}\s*年(?:度)?\s*(?:区级)?(?:部门|单位)预算(?:情况)?(?:公开|说明)/;

export function checkStructure(file: string, lines: Line[], sections: ParsedSection[], year: number, unit: string): StructureResult {
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  const firstText = lines.find((l) => l.text.trim());
  const budgetWords = lines.filter((l) => /预算|三公|财政拨款|收入|支出/.test(l.text)).length;

  if (!year || !unit || budgetWords < 2) {
    const missing = [!unit && '单位名称', !year && '预算年度（如“2026年部门预算”）', budgetWords < 2 && '预算收支内容'].filter(Boolean).join('、');
    diagnostics.push({
      file, line: firstText?.n ?? 1, kind: 'not-a-disclosure',
      message: `不是可识别的部门/单位预算公开文本：缺少${missing}。应以单位名称和“YYYY年部门预算情况说明”等标题开头`,
    });
    return { fatal: true, diagnostics, findings };
  }

  // Two documents in one file: a second document title after the first document's body started.
  const topLevel = sections.filter((s) => s.depth === 1);
  const firstBody = topLevel[0]?.line ?? Infinity;
  const firstBasic = topLevel.find((s) => s.kind === 'basicInfo');
  const secondBasic = topLevel.filter((s) => s.kind === 'basicInfo')[1];
  const secondTitle = lines.find((l) => l.n > firstBody && DOC_START.test(l.text) && l.text.trim().length <= 40 && !/报表|详见/.test(l.text)
    && !sections.some((s) => s.line === l.n && s.depth === 0));
  if (secondBasic && firstBasic && (secondTitle ? secondTitle.n < secondBasic.line : true)) {
    const at = secondTitle && secondTitle.n < secondBasic.line ? secondTitle.n : secondBasic.line;
    diagnostics.push({
      file, line: at, kind: 'concatenated',
      message: `第${at}行起是另一份公开文件（第${firstBasic.line}行已有“${firstBasic.title}”）；一个文件只应包含一份公开说明，请拆成两个文件`,
    });
    return { fatal: true, diagnostics, findings };
  }

  // Duplicated top-level sections: the same heading, at the same level, twice. (Different headings of one
  // topic, e.g. several budget units' 三公 sections in a department document, are not duplicates.)
  const seen = new Map<string, ParsedSection>();
  for (const s of topLevel) {
    if (s.kind === 'unknown' || s.kind === 'part' || s.kind === 'tables') continue;
    const key = `${s.kind}:${s.title.replace(/\s+/g, '')}`;
    const prev = seen.get(key);
    if (prev) {
      findings.push({ severity: 'error', code: 'section.duplicate', message: `“${s.title}”重复出现（第${prev.line}行已有“${prev.title}”）`, line: s.line });
      diagnostics.push({ file, line: s.line, kind: 'duplicate-section', message: `“${s.title}”重复出现（第${prev.line}行已有），应只出现一次` });
    } else seen.set(key, s);
  }
  // Order.
  let last = -1;
  let lastSection: ParsedSection | null = null;
  for (const s of topLevel) {
    const idx = (CANONICAL as readonly string[]).indexOf(s.kind);
    if (idx < 0) continue;
    if (idx < last && lastSection) {
      findings.push({ severity: 'warning', code: 'section.order', message: `“${s.title}”出现在“${lastSection.title}”之后，通常应在其前`, line: s.line });
      diagnostics.push({ file, line: s.line, kind: 'section-order', message: `“${s.title}”出现在“${lastSection.title}”之后；预期顺序为${CANONICAL.map((k) => NAMES[k]).join('、')}` });
    }
    if (idx > last) { last = idx; lastSection = s; }
  }
  // Missing core topics (searched by vocabulary anywhere, so only truly absent ones are reported).
  const text = lines.map((l) => l.text).join('\n');
  const core: [string, RegExp][] = [
    ['income', /收入预算|收入总预算|财政拨款收入/],
    ['expenditure', /支出预算|支出总预算|财政拨款支出/],
    ['threePublic', /三公/],
  ];
  for (const [kind, re] of core) {
    if (!re.test(text)) {
      findings.push({ severity: 'error', code: 'section.missing', message: `未找到“${NAMES[kind]}”的内容；部门预算公开应说明${NAMES[kind]}`, line: null });
      diagnostics.push({ file, line: lines.length || 1, kind: 'missing-section', message: `缺少“${NAMES[kind]}”部分：全文未出现相关说明` });
    }
  }
  // Truncated: the narrative stops mid-sentence.
  const lastLine = [...lines].reverse().find((l) => l.text.trim() && !l.text.startsWith('\t') && !/^[—\-\s\d]+$/.test(l.text.trim()));
  if (lastLine) {
    const t = lastLine.text.trim();
    const endsOpen = t.length > 30 && !/[。.;；:：)）”"」》\d日号表]$/.test(t);
    if (endsOpen) {
      findings.push({ severity: 'error', code: 'document.truncated', message: '全文在句子中间结束，文件可能不完整（被截断）', line: lastLine.n });
      diagnostics.push({ file, line: lastLine.n, kind: 'truncated', message: '文本在句子中间结束，可能被截断；预期以句号结束，并有联系人等结尾内容' });
    }
  }
  return { fatal: false, diagnostics, findings };
}
