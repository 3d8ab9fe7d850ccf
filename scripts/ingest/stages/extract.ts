/**
 * Stage 3 — extract: sections and paragraphs → structured fields.
 *
 * Each extractor looks for its topic first in the sections whose heading names it, then (when the
 * document numbers or names sections differently) in every paragraph, by the sentence's own vocabulary.
 * Extractors record the source line of every value in `provenance` and mark the lines they used in `used`.
 */
import type { Line } from './normalize.ts';
import { allParas, parasOf, type Para, type ParsedSection } from './sections.ts';
import {
  AMOUNT_SRC, amounts, changes, firstAmount, firstChange, hasAmount, labelAmount, purposeSpan, reasonSpan,
  strayAfterAmount, type FoundChange,
} from './patterns.ts';
import type { Change } from '../../../src/domain/schema/change.ts';
import type { Finding } from '../../../src/domain/schema/finding.ts';
import type { Assets } from '../../../src/domain/schema/assets.ts';
import type { Expenditure } from '../../../src/domain/schema/expenditure.ts';
import type { GeneralBudgetAppropriation } from '../../../src/domain/schema/general-budget-appropriation.ts';
import type { GovernmentFund } from '../../../src/domain/schema/government-fund.ts';
import type { Income } from '../../../src/domain/schema/income.ts';
import type { LineAmount } from '../../../src/domain/schema/line-amount.ts';
import type { OperatingExpenses } from '../../../src/domain/schema/operating-expenses.ts';
import type { Performance } from '../../../src/domain/schema/performance.ts';
import type { Procurement } from '../../../src/domain/schema/procurement.ts';
import type { SpendingPart } from '../../../src/domain/schema/spending-part.ts';
import type { ThreePublic } from '../../../src/domain/schema/three-public.ts';
import type { ThreePublicItem } from '../../../src/domain/schema/three-public-item.ts';
import type { Identity } from '../../../src/domain/schema/identity.ts';
import type { Duties } from '../../../src/domain/schema/duties.ts';
import type { Structure } from '../../../src/domain/schema/structure.ts';
import type { SubordinateUnit } from '../../../src/domain/schema/subordinate-unit.ts';
import type { GlossaryEntry } from '../../../src/domain/schema/glossary-entry.ts';

/** What extractors share while they work on one document. */
export class ExtractContext {
  readonly used = new Set<number>();
  readonly provenance: Record<string, number> = {};
  readonly findings: Finding[] = [];
  readonly lines: Line[];
  readonly sections: ParsedSection[];
  constructor(lines: Line[], sections: ParsedSection[]) {
    this.lines = lines;
    this.sections = sections;
  }
  use(line: number | null | undefined): void { if (line) this.used.add(line); }
  /** Marks every source line of a paragraph (a wrapped paragraph spans several) as used. */
  usePara(p: Para): void {
    this.used.add(p.line);
    for (const n of p.more ?? []) this.used.add(n);
  }
  prov(path: string, line: number | null | undefined): void { if (line) this.provenance[path] = line; }
  find(severity: Finding['severity'], code: string, message: string, line: number | null): void {
    this.findings.push({ severity, code, message, line });
  }
}

const slice = (p: Para, s: { start: number; end: number } | null): string | null =>
  s ? p.display.slice(s.start, s.end).trim() || null : null;

function toChange(p: Para, c: FoundChange | null, reasonTo?: number): Change | null {
  if (!c) return null;
  const reason = reasonSpan(p.text, c.end, reasonTo ?? p.text.length);
  return { amount: c.amount, comparedYear: c.comparedYear, reason: slice(p, reason), line: p.line };
}

// ───────────────────────────── identity ─────────────────────────────

const UNIT_SUFFIX = /(中心|局|办公室|委员会|院|所|站|队|馆|会|处|办|部|厅|街道办事处|街道|镇|乡|政府|学校|医院|大学|学院|公司|室|署|社|台|团|园|场)$/;
const DOC_NUMBER = /([\u4e00-\u9fa5A-Za-z]{1,20}[〔\[【(]\s*\d{4}\s*[〕\]】)]\s*\d+\s*号)/;
const YEAR_BUDGET = /(\d{4})\s*年(?:度)?\s*(?:区级|市级|县级|省级)?\s*(部门|单位)?\s*预算/;

/** Splits 重庆市开州区政务信息中心 into city 重庆市 and district 开州区. */
export function splitPlace(unit: string): { city: string | null; district: string | null } {
  const m = /^((?:[\u4e00-\u9fa5]{2,7}?(?:省|自治区))?[\u4e00-\u9fa5]{2,6}?市)?([\u4e00-\u9fa5]{1,6}?(?:自治县|区|县|旗))?/.exec(unit);
  // A provincial unit (江苏省人民检察院) has no city: its province stands in for it.
  const city = m?.[1] ?? /^[\u4e00-\u9fa5]{2,7}?(?:省|自治区)/.exec(unit)?.[0] ?? null;
  let district = m?.[2] ?? null;
  // "区政府办公室" etc. are not districts; a district is followed by more of the name.
  if (district && (unit.length <= (city?.length ?? 0) + district.length || /^(区|县)/.test(district))) district = null;
  return { city, district };
}

export interface IdentityResult extends Identity { contact: { name: string | null; phone: string | null; line: number | null } }

export function extractIdentity(ctx: ExtractContext): IdentityResult {
  const preamble = ctx.sections[0]!.paras;
  const paras = allParas(ctx.sections);
  let unit: string | null = null;
  let unitLine: number | null = null;
  // 1. "现将重庆市开州区政务信息中心2026年部门预算…公开如下"
  for (const p of preamble) {
    const m = /现将(.+?)\s*\d{4}\s*年(?:度)?\s*(?:区级)?(?:部门|单位)?预算/.exec(p.text);
    if (m) { unit = p.display.slice(m.index + 2, m.index + 2 + m[1]!.length).trim(); unitLine = p.line; break; }
  }
  // 2. "预算主管部门：…" / "单位名称：…"
  if (!unit) for (const p of paras.slice(0, 40)) {
    const m = /(?:预算主管部门|主管部门|单位名称|部门名称|预算单位)\s*:\s*(.+)$/.exec(p.text);
    if (m && m[1]!.trim().length >= 3) { unit = p.display.slice(p.text.length - m[1]!.length).trim(); unitLine = p.line; break; }
  }
  // 3. The first short line that reads like a unit name.
  if (!unit) for (const p of preamble) {
    if (p.text.length <= 40 && !/\d/.test(p.text) && UNIT_SUFFIX.test(p.text) && !/[,，。:]/.test(p.text)) {
      unit = p.display.replace(/\s+/g, ''); unitLine = p.line; break;
    }
  }
  // 4. A title "2025年重庆市綦江区财政局部门预算情况说明", possibly wrapped over two lines
  //    ("2018 年度江苏省高级" / "人民法院预算公开").
  if (!unit) {
    const titles: { text: string; display: string; lines: number[] }[] = [];
    const head = paras.slice(0, 20);
    head.forEach((p, i) => {
      titles.push({ text: p.text, display: p.display, lines: [p.line] });
      const next = head[i + 1];
      if (next && next.line === p.line + 1 && p.text.length <= 24 && next.text.length <= 24) {
        titles.push({ text: p.text + next.text, display: p.display + next.display, lines: [p.line, next.line] });
      }
    });
    for (const t of titles) {
      const m = /^\d{4}\s*年(?:度)?\s*(.{3,40}?)\s*(?:区级|市级|县级)?(?:部门|单位)?预算/.exec(t.text);
      if (m && UNIT_SUFFIX.test(m[1]!)) {
        const at = t.text.indexOf(m[1]!);
        unit = t.display.slice(at, at + m[1]!.length).trim();
        unitLine = t.lines[0]!;
        for (const n of t.lines) ctx.use(n);
        break;
      }
    }
  }
  // 5. A title "江苏省人民检察院2019年度部门预算公开".
  if (!unit) for (const p of paras.slice(0, 20)) {
    const m = /^(.{3,40}?)\s*\d{4}\s*年(?:度)?/.exec(p.text);
    if (m && YEAR_BUDGET.test(p.text) && UNIT_SUFFIX.test(m[1]!)) { unit = p.display.slice(0, m[1]!.length).trim(); unitLine = p.line; break; }
  }
  if (unit) unit = unit.replace(/\s+/g, '');
  // Lines that repeat the unit name (letterhead, signature) belong to identity.
  for (const p of paras) if (unit && p.text.replace(/\s+/g, '') === unit) ctx.usePara(p);
  ctx.use(unitLine);
  ctx.prov('identity.unit', unitLine);

  // Year and budget kind: from the title-like lines first, then any "YYYY年部门预算".
  let year: number | null = null;
  let budgetKind: Identity['budgetKind'] = 'departmentBudget';
  let title: string | null = null;
  let noticeKind: Identity['noticeKind'] = null;
  const titleCandidates = [
    ...preamble,
    ...ctx.sections.filter((s) => s.depth <= 1 && s.kind !== 'preamble').map((s) => ({ line: s.line, text: s.title, display: s.title } as Para)),
  ];
  for (const p of titleCandidates) {
    const m = YEAR_BUDGET.exec(p.text);
    if (!m) continue;
    if (p.text.length > 60) continue;
    year ??= Number(m[1]);
    if (m[2] === '单位' && !title) budgetKind = 'unitBudget';
    if (!title && /公开|说明|预算/.test(p.text) && !/现将|按照/.test(p.text)) {
      title = p.display.trim();
      ctx.usePara(p);
      ctx.prov('identity.title', p.line);
      const nk = /(公示|公告)\s*$/.exec(p.text);
      if (nk) noticeKind = nk[1] as '公示' | '公告';
    }
  }
  if (year === null) {
    for (const p of paras) {
      const m = YEAR_BUDGET.exec(p.text);
      if (m) { year = Number(m[1]); break; }
    }
  }
  ctx.prov('identity.year', titleCandidates.find((p) => YEAR_BUDGET.test(p.text))?.line);

  let documentNumber: string | null = null;
  let signer: string | null = null;
  for (const p of preamble) {
    const dn = DOC_NUMBER.exec(p.text);
    const sg = /签发人\s*:\s*(\S+)/.exec(p.text);
    if (dn && !/《/.test(p.text)) { documentNumber = p.display.slice(dn.index, dn.index + dn[1]!.length).replace(/\s+/g, ''); ctx.usePara(p); ctx.prov('identity.documentNumber', p.line); }
    if (sg) { signer = p.display.slice(sg.index + sg[0].length - sg[1]!.length, sg.index + sg[0].length); ctx.usePara(p); ctx.prov('identity.signer', p.line); }
  }

  let approvalDocument: Identity['approvalDocument'] = null;
  for (const p of preamble) {
    const m = /《([^》]*批复[^》]*)》\s*(?:\(\s*([^)]*?)\s*\))?/.exec(p.text);
    if (m) {
      const numStart = m[2] ? p.text.indexOf(m[2], m.index + m[1]!.length) : -1;
      approvalDocument = {
        title: p.display.slice(m.index + 1, m.index + 1 + m[1]!.length),
        number: m[2] ? p.display.slice(numStart, numStart + m[2].length) : null,
      };
      ctx.usePara(p);
      ctx.prov('identity.approvalDocument', p.line);
      break;
    }
  }
  // The opening sentence ("按照有关财政预算公开的部署和要求…") is identity text too.
  for (const p of preamble) if (/公开如下|现将|按照.*要求/.test(p.text)) ctx.usePara(p);

  let publicationDate: string | null = null;
  for (const p of paras.slice(-8)) {
    const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(p.text);
    if (m) {
      publicationDate = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      ctx.usePara(p);
      ctx.prov('identity.publicationDate', p.line);
    }
  }

  const contact = extractContact(ctx);
  const place = splitPlace(unit ?? '');

  let parentDepartment: string | null = null;
  for (const p of parasOf(ctx.sections, 'structure', 'basicInfo')) {
    const m = /为(.{2,40}?)(?:管理|主管|领导|直属|下属|所属)的/.exec(p.text.replace(/\s+/g, ''));
    const subject = p.text.replace(/\s+/g, '').split(/为/)[0] ?? '';
    if (m && unit && (subject.startsWith(unit) || unit.startsWith(subject.replace(/\(.*\)$/, '')))) {
      parentDepartment = p.display.replace(/\s+/g, '').slice(m.index + 1, m.index + 1 + m[1]!.length);
      ctx.prov('identity.parentDepartment', p.line);
      break;
    }
  }

  return {
    unit: unit ?? '',
    city: place.city,
    district: place.district,
    parentDepartment,
    budgetKind,
    year: year ?? 0,
    documentNumber,
    signer,
    noticeKind,
    title,
    approvalDocument,
    publicationDate,
    contact,
  };
}

function extractContact(ctx: ExtractContext): IdentityResult['contact'] {
  for (const p of allParas(ctx.sections)) {
    const m = /联系人\s*:\s*([\u4e00-\u9fa5·]{2,8}|[^\s;；,，:]{2,12})[\s;；,，]*(?:联系(?:方式|电话)|电话)\s*:\s*([\d\-—－()\s]{7,20}\d)/.exec(p.text);
    if (m) {
      ctx.usePara(p);
      ctx.prov('contact', p.line);
      const phoneStart = p.text.indexOf(m[2]!, m.index + m[0].length - m[2]!.length);
      return { name: m[1]!.trim(), phone: p.text.slice(phoneStart, phoneStart + m[2]!.length).replace(/\s+/g, ''), line: p.line };
    }
    const n = /联系人\s*:\s*([\u4e00-\u9fa5·]{2,8})/.exec(p.text);
    if (n) {
      ctx.usePara(p);
      ctx.prov('contact', p.line);
      const ph = /(?:联系(?:方式|电话)|电话)\s*:\s*([\d\-()]{7,20})/.exec(p.text);
      return { name: n[1]!, phone: ph?.[1] ?? null, line: p.line };
    }
  }
  return { name: null, phone: null, line: null };
}

// ───────────────────────────── organisation ─────────────────────────────

export function extractDuties(ctx: ExtractContext): Duties[] {
  const groups: Duties[] = [];
  ctx.sections.forEach((s) => {
    if (s.kind !== 'duties') return;
    const parentIsDuties = s.parent >= 0 && ctx.sections[s.parent]!.kind === 'duties';
    const group: Duties = { unit: parentIsDuties ? s.title.trim() : null, intro: null, items: [] };
    for (const p of s.paras) {
      ctx.usePara(p);
      if (!p.number && /[:：]$/.test(p.display) && group.items.length === 0) { group.intro = p.display; continue; }
      group.items.push({ text: p.display, line: p.line });
    }
    if (group.items.length || group.intro) groups.push(group);
  });
  return groups;
}

export function extractStructure(ctx: ExtractContext): Structure {
  const paras = parasOf(ctx.sections, 'structure');
  const internalDivisions: string[] = [];
  const subordinateUnits: SubordinateUnit[] = [];
  const text: Structure['text'] = [];
  for (const p of paras) {
    ctx.usePara(p);
    text.push({ text: (p.number ? `${p.number}` : '') + p.display, line: p.line });
    const list = /(?:分别是|分别为|包括|即)\s*:?\s*([^。]+)/.exec(p.text);
    if (list && /(内设|下设|设有|科室|处室|机构)/.test(p.text)) {
      const start = list.index + list[0].length - list[1]!.length;
      internalDivisions.push(...p.display.slice(start, start + list[1]!.length).split(/[、,，;；]/).map((x) => x.trim()).filter(Boolean));
    } else if (p.inlineTitle && /(科|室|处|部|股|队|所|中心)$/.test(p.inlineTitle)) {
      internalDivisions.push(p.inlineTitle.trim());
    }
    if (/编制|实有|聘用|机构规格|经费渠道/.test(p.text)) {
      const flat = p.text;
      const name = /^(.+?)为/.exec(flat)?.[1] ?? null;
      const num = (re: RegExp) => { const m = re.exec(flat); return m ? Number(m[1]) : null; };
      const grab = (re: RegExp) => { const m = re.exec(flat); return m ? p.display.slice(m.index + m[0].length - m[1]!.length, m.index + m[0].length).trim() : null; };
      subordinateUnits.push({
        name: name ? p.display.slice(0, name.length).replace(/\s+/g, '') : p.display.slice(0, 20),
        kind: grab(/(?:为|是)(?:[^,，。]*?管理的)?([^,，。]*?(?:行政单位|事业单位|参公单位|企业))/),
        rank: grab(/机构规格(?:为|是)?\s*([^,，。;；]+)/),
        fundingChannel: grab(/经费渠道(?:为|是)?\s*([^,，。;；]+)/),
        authorisedStaff: num(/编制(?:员|数|人数)?(?:为)?\s*(\d+)\s*(?:人|名)/),
        actualStaff: num(/实有(?:人数|人员)?(?:为)?\s*(\d+)\s*(?:人|名)/),
        contractStaff: num(/聘用(?:人员|人数)?(?:为)?\s*(\d+)\s*(?:人|名)/),
        text: p.display,
        line: p.line,
      });
    }
  }
  return { text, internalDivisions, subordinateUnits };
}

// ───────────────────────────── income & expenditure ─────────────────────────────

/** Income sources: identifier → label pattern (regex source on the matching form). */
const INCOME_SOURCES: [string, string][] = [
  ['generalBudget', '一般公共预算(?:财政)?拨款(?:收入)?'],
  ['governmentFund', '政府性基金(?:预算)?(?:财政)?拨款(?:收入)?'],
  ['stateCapitalBudget', '国有资本经营预算(?:财政)?(?:拨款)?(?:收入)?'],
  ['institutionIncome', '(?<!单位经营|经营)事业收入'],
  ['institutionBusinessIncome', '事业单位经营收入|经营收入'],
  ['otherIncome', '其他收入'],
];

/**
 * Finds the paragraph of a topic: the first paragraph of a section named for it (whatever its wording:
 * "（二）支出预算：2026年年初预算数…" has the topic only in its heading), else a paragraph of the related
 * sections with the topic's vocabulary, else any paragraph with it.
 */
function findPara(ctx: ExtractContext, kinds: ParsedSection['kind'][], test: RegExp, exclude?: RegExp, topicSection = true, needAmount = false): Para | null {
  const ok = (p: Para) => !(exclude?.test(p.text)) && (!needAmount || hasAmount(p.text));
  const named = topicSection && parasOf(ctx.sections, kinds[0]!).find(ok);
  if (named) return named;
  // Among candidates, the paragraph that opens with the topic ("支出预算合计…") beats one that mentions it
  // in passing ("…收入、支出预算总计…").
  const best = (paras: Para[]) => paras
    .map((p, i) => ({ p, i, at: p.text.search(test) }))
    .filter(({ p, at }) => at >= 0 && ok(p))
    .sort((a, b) => Math.min(a.at, 12) - Math.min(b.at, 12) || a.i - b.i)[0]?.p ?? null;
  // Only the sections that own the figure: a paragraph elsewhere (政府采购, 名词解释…) that mentions the topic
  // in passing is never borrowed; the figure is then missing.
  return best(parasOf(ctx.sections, ...kinds));
}

/** The 年初预算数 total: the first amount after 预算数/预算总额/收入预算, else the first amount. */
function totalOf(p: Para): ReturnType<typeof firstAmount> {
  return labelAmount(p.text, '(?:年初预算数|预算总额|预算数|收入预算|支出预算|合计|总计)', 0, true) ?? firstAmount(p.text);
}

export function extractIncome(ctx: ExtractContext): Income {
  const p = findPara(ctx, ['income', 'overview'], /收入预算|收入总(?:预算|计)|年初预算数/, /支出预算/, true, true);
  if (!p) return { total: null, carriedForward: null, sources: [], change: null, line: null };
  ctx.usePara(p);
  const total = totalOf(p);
  ctx.prov('income.total', p.line);
  const sources: LineAmount[] = [];
  const qizhong = p.text.search(/其中/);
  const from = qizhong >= 0 ? qizhong : (total?.end ?? 0);
  // A comparison may precede 其中 ("收入预算总额X万元，比上年增长5.1%，其中：…"); only one after the
  // sources ends them.
  const allChanges = changes(p.text);
  const changeAt = allChanges.find((c) => c.start > from)?.start ?? p.text.length;
  for (const [key, label] of INCOME_SOURCES) {
    const a = labelAmount(p.text, label, from, true);
    if (!a || a.labelStart >= changeAt) continue;
    const cf = /^[,，、]?\s*上年结转\s*/.exec(p.text.slice(a.end));
    const carried = cf ? firstAmount(p.text, a.end, a.end + cf[0].length + 20) : null;
    sources.push({ key, label: p.display.slice(a.labelStart, a.start).replace(/\s+$/, ''), amount: a.yuan, carriedForward: carried?.yuan ?? null, line: p.line });
    ctx.prov(`income.sources.${key}`, p.line);
  }
  sources.sort((a, b) => p.text.indexOf(a.label) - p.text.indexOf(b.label));
  // 上年结转 of the total: right after the total ("年初预算数609.35万元，上年结转0万元").
  let carriedForward: number | null = null;
  if (total) {
    const cf = /^[,，]?\s*(?:其中[:：]?\s*)?上年结转/.exec(p.text.slice(total.end));
    if (cf) carriedForward = firstAmount(p.text, total.end)?.yuan ?? null;
  }
  for (const s of strayAfterAmount(p.text)) {
    ctx.find('warning', 'figure.stray-characters', `金额后有多余字符「${s.snippet}」，已按「${s.snippet.replace(/\d+$/, '')}」读取`, p.line);
  }
  const change = toChange(p, allChanges[0] ?? null);
  if (change) ctx.prov('income.change', p.line);
  return { total: total?.yuan ?? null, carriedForward, sources, change, line: p.line };
}

export function extractExpenditure(ctx: ExtractContext): Expenditure {
  const p = findPara(ctx, ['expenditure', 'overview'], /支出预算|支出总(?:预算|计)/, /一般公共预算财政拨款收入|^(?!.*支出预算).*收入预算/, true, true);
  const empty: Expenditure = { total: null, byFunction: [], change: null, basicChange: null, projectChange: null, line: null };
  if (!p) return empty;
  ctx.usePara(p);
  const total = totalOf(p);
  ctx.prov('expenditure.total', p.line);
  const allChanges = changes(p.text);
  const changeAt = allChanges[0]?.start ?? p.text.length;
  const byFunction: LineAmount[] = [];
  const qizhong = p.text.search(/其中/);
  const region = p.text.slice(qizhong >= 0 ? qizhong : (total?.end ?? 0), changeAt);
  const regionOffset = qizhong >= 0 ? qizhong : (total?.end ?? 0);
  // "一般公共服务支出预算1301.88万元", "卫生健康支出116.26万元": a class name ends with 支出.
  const re = new RegExp(String.raw`([\u4e00-\u9fa5()（）、]{2,20}?支出)(?:预算|为|是|:)*\s*${AMOUNT_SRC}`, 'g');
  for (let m = re.exec(region); m; m = re.exec(region)) {
    let label = m[1]!.replace(/^(?:其中|:|、|,)+/, '');
    // 基本/项目 and funding sources are not function classes.
    if (/^(基本|项目)支出$|财政拨款|一般公共预算|政府性基金|国有资本/.test(label)) continue;
    const a = amounts(m[0])[0];
    if (!a) continue;
    const start = regionOffset + m.index + (m[1]!.length - label.length);
    label = p.display.slice(start, start + label.length);
    byFunction.push({ key: null, label, amount: a.yuan, line: p.line });
  }
  byFunction.forEach((f, i) => ctx.prov(`expenditure.byFunction.${i}`, p.line));
  const change = toChange(p, allChanges[0] ?? null, allChanges[0] ? p.text.search(/主要是|主要原因/) >= 0 ? p.text.length : undefined : undefined);
  if (change) ctx.prov('expenditure.change', p.line);
  // "主要是基本支出预算增加97.02万元，项目支出预算增加35万元"
  const part = (label: string): Change | null => {
    const m = new RegExp(`${label}(?:预算|经费)?(?:拨款)?\\s*(增加|增长|减少|下降|持平)\\s*(?:${AMOUNT_SRC})?`).exec(p.text.slice(changeAt));
    if (!m) return null;
    const n = m[2] ? amounts(`${m[2]}${m[3]}`)[0]?.yuan ?? null : 0;
    return { amount: n === null ? null : /减少|下降/.test(m[1]!) && n !== 0 ? -n : n, comparedYear: allChanges[0]?.comparedYear ?? null, reason: null, line: p.line };
  };
  return { total: total?.yuan ?? null, byFunction, change, basicChange: part('基本支出'), projectChange: part('项目支出'), line: p.line };
}

/** 一般公共预算财政拨款 explanation with 基本支出 and 项目支出. */
export function extractGeneralBudgetAppropriation(ctx: ExtractContext): GeneralBudgetAppropriation {
  // Prefer the paragraph that explains 一般公共预算 spending with its 基本/项目 parts; a combined
  // 财政拨款 paragraph (一般公共预算 + 政府性基金) comes only after it.
  const p = findPara(ctx, ['budgetExplanation'], /一般公共预算(?:财政)?拨款(?:收入|支出).*基本支出.*项目支出/, /政府性基金预算收入/, false)
    ?? findPara(ctx, ['budgetExplanation'], /(?:一般公共预算)?(?:财政)?拨款(?:收入|支出)/, /政府性基金预算收入/, false)
    ?? findPara(ctx, ['budgetExplanation'], /基本支出.*项目支出/, undefined, false);
  const emptyPart: SpendingPart = { amount: null, change: null, purpose: null, line: null };
  const basicBreakdown = extractBasicBreakdown(ctx);
  if (!p) return { income: null, expenditure: null, change: null, basic: emptyPart, project: { ...emptyPart }, basicBreakdown, line: null };
  ctx.usePara(p);
  const income = labelAmount(p.text, '(?:财政拨款|一般公共预算拨款)收入', 0, true);
  const expenditure = labelAmount(p.text, '(?:财政拨款|一般公共预算拨款)支出', 0, true);
  const basicAt = p.text.search(/基本支出/);
  const projectAt = p.text.search(/项目支出/);
  const headEnd = Math.min(...[basicAt, projectAt].filter((x) => x >= 0), p.text.length);
  const change = toChange(p, firstChange(p.text, expenditure?.end ?? 0, headEnd), headEnd);
  const part = (at: number, end: number, last: boolean): SpendingPart => {
    if (at < 0) return { ...emptyPart };
    const a = firstAmount(p.text, at, end);
    const c = firstChange(p.text, a?.end ?? at, end);
    const purpose = purposeSpan(p.text, at, end, !last);
    const reasonEnd = purpose ? p.text.lastIndexOf('主要用于', purpose.start) : end;
    return {
      amount: a?.yuan ?? null,
      change: c ? { amount: c.amount, comparedYear: c.comparedYear, reason: slice(p, reasonSpan(p.text, c.end, reasonEnd)), line: p.line } : null,
      purpose: slice(p, purpose),
      line: p.line,
    };
  };
  const basicEnd = projectAt > basicAt ? projectAt : p.text.length;
  const basic = part(basicAt, basicEnd, false);
  const project = part(projectAt, projectAt > basicAt || basicAt < 0 ? p.text.length : basicAt, true);
  for (const [k, v] of Object.entries({ income, expenditure })) if (v) ctx.prov(`generalBudgetAppropriation.${k}`, p.line);
  if (basic.amount !== null) ctx.prov('generalBudgetAppropriation.basic', p.line);
  if (project.amount !== null) ctx.prov('generalBudgetAppropriation.project', p.line);
  return { income: income?.yuan ?? null, expenditure: expenditure?.yuan ?? null, change, basic, project, basicBreakdown, line: p.line };
}

/** "基本支出X万元，其中：人员经费X万元，…；公用经费X万元" */
function extractBasicBreakdown(ctx: ExtractContext): GeneralBudgetAppropriation['basicBreakdown'] {
  const p = findPara(ctx, ['budgetExplanation'], /人员经费.*公用经费/, undefined, false, true);
  if (!p) return null;
  const personnel = labelAmount(p.text, '人员经费', 0);
  const office = labelAmount(p.text, '(?:日常)?公用经费', 0, true);
  if (!personnel && !office) return null;
  ctx.usePara(p);
  ctx.prov('generalBudgetAppropriation.basicBreakdown', p.line);
  return { personnelCosts: personnel?.yuan ?? null, officeCosts: office?.yuan ?? null, line: p.line };
}

export function extractGovernmentFund(ctx: ExtractContext): GovernmentFund | null {
  const p = findPara(ctx, ['budgetExplanation'], /政府性基金/, /年初预算数|其中[:：]?一般公共预算拨款/, false);
  if (!p) return null;
  ctx.usePara(p);
  const income = labelAmount(p.text, '政府性基金预算(?:财政拨款)?收入', 0, true);
  const expenditure = labelAmount(p.text, '政府性基金预算(?:财政拨款)?支出', 0, true);
  const none = /无(?:使用)?政府性基金|没有(?:使用)?政府性基金|不涉及政府性基金/.test(p.text);
  ctx.prov('governmentFund', p.line);
  return {
    income: income?.yuan ?? (none ? 0 : null),
    expenditure: expenditure?.yuan ?? (none ? 0 : null),
    change: toChange(p, firstChange(p.text)),
    none,
    text: p.display,
    line: p.line,
  };
}

// ───────────────────────────── 三公 ─────────────────────────────

const THREE_PUBLIC_ITEMS: [keyof Omit<ThreePublic, 'total'>, string][] = [
  ['outboundTravel', '因公出国\\s*\\(\\s*境\\s*\\)\\s*费(?:用)?|因公出国(?:境)?费(?:用)?'],
  ['reception', '公务接待费(?:用)?'],
  ['vehicleOperation', '公务用车运行(?:维护)?费(?:用)?'],
  ['vehiclePurchase', '公务用车购置费(?:用)?'],
];

export function extractThreePublic(ctx: ExtractContext): ThreePublic {
  const blank = (): ThreePublicItem => ({ amount: null, change: null, inferred: false, line: null });
  const result: ThreePublic = { total: blank(), outboundTravel: blank(), reception: blank(), vehicleOperation: blank(), vehiclePurchase: blank() };
  // Only the sections that own the figures: the 三公 section, else a paragraph of 其他重要事项 itself that
  // states them. A paragraph elsewhere that mentions 三公 in passing ("项目支出20万元，含“三公”经费2万元")
  // is never read: the figures are then missing, never borrowed.
  const paras = parasOf(ctx.sections, 'threePublic');
  const candidates = paras.length ? paras : ctx.sections
    .filter((s) => s.kind === 'otherMatters')
    .flatMap((s) => s.paras.filter((p) => !p.toc && /三公/.test(p.text) && hasAmount(p.text)));
  const itemLabels = THREE_PUBLIC_ITEMS.map(([, l]) => l).join('|');
  for (const p of candidates) {
    if (/^指|名词/.test(p.text)) continue;
    let any = false;
    if (result.total.amount === null) {
      const t = labelAmount(p.text, '三公\\S?\\s*经费(?:支出)?(?:预算)?(?:总额)?(?:合计)?', 0, true);
      if (t) {
        const firstItem = p.text.slice(t.end).search(new RegExp(itemLabels));
        const end = firstItem >= 0 ? t.end + firstItem : p.text.length;
        const c = firstChange(p.text, t.end, end);
        result.total = { amount: t.yuan, change: c ? toChange(p, c, end) : null, inferred: false, line: p.line };
        ctx.prov('threePublic.total.amount', p.line);
        any = true;
      }
    }
    // Each item's clause runs to the next item's label.
    const positions = THREE_PUBLIC_ITEMS.map(([key, label]) => {
      const a = labelAmount(p.text, label, 0, true);
      return { key, a };
    }).filter((x) => x.a).sort((x, y) => x.a!.labelStart - y.a!.labelStart);
    positions.forEach(({ key, a }, i) => {
      const end = positions[i + 1]?.a!.labelStart ?? p.text.length;
      const c = firstChange(p.text, a!.end, end);
      result[key] = { amount: a!.yuan, change: c ? toChange(p, c, end) : null, inferred: false, line: p.line };
      ctx.prov(`threePublic.${key}.amount`, p.line);
      any = true;
    });
    if (any) ctx.usePara(p);
  }
  // One item unreadable but determined by the total and the others: infer it.
  const missing = THREE_PUBLIC_ITEMS.filter(([k]) => result[k].amount === null);
  if (result.total.amount !== null && missing.length === 1) {
    const [key] = missing[0]!;
    const others = THREE_PUBLIC_ITEMS.filter(([k]) => k !== key).reduce((s, [k]) => s + (result[k].amount ?? 0), 0);
    const line = result.total.line;
    result[key] = { amount: result.total.amount - others, change: null, inferred: true, line };
    ctx.find('warning', 'threePublic.inferred', `“三公”经费中有一项未能读出，已按总额减去其他各项推算为 ${(result.total.amount - others) / 10000} 万元`, line);
  }
  return result;
}

// ───────────────────────────── other matters ─────────────────────────────

export function extractOperatingExpenses(ctx: ExtractContext): OperatingExpenses | null {
  const p = findPara(ctx, ['operatingExpenses', 'otherMatters'], /运行经费/, /^指|名词/);
  if (!p) return null;
  ctx.usePara(p);
  ctx.prov('operatingExpenses', p.line);
  const notInScope = /不在.{0,12}(?:统计)?范围|不属于.{0,12}范围|未纳入|不纳入|不涉及|无机关运行经费|没有机关运行经费|不适用/.test(p.text);
  const a = notInScope ? null : labelAmount(p.text, '运行经费', 0) ?? firstAmount(p.text);
  const c = a ? firstChange(p.text, a.end) : null;
  const purpose = purposeSpan(p.text, a?.end ?? 0, p.text.length, false);
  return {
    amount: a?.yuan ?? null,
    notInScope,
    change: c ? toChange(p, c, purpose ? p.text.lastIndexOf('主要用于', purpose.start) : undefined) : null,
    purpose: slice(p, purpose),
    text: p.display,
    line: p.line,
  };
}

export function extractProcurement(ctx: ExtractContext): Procurement | null {
  const p = findPara(ctx, ['procurement', 'otherMatters'], /政府采购.*\d\s*万?元/, /^指/);
  if (!p) return null;
  ctx.usePara(p);
  ctx.prov('procurement', p.line);
  const split = p.text.search(/其中[:：]?\s*(?:一般公共预算|财政拨款)/);
  const partsOf = (from: number, to: number) => {
    const seg = p.text.slice(from, to);
    const get = (label: string) => labelAmount(seg, label, 0, true)?.yuan ?? null;
    return {
      total: get('(?:政府采购(?:预算)?总额|采购(?:预算)?总额|政府采购预算|政府采购)') ?? firstAmount(seg)?.yuan ?? null,
      goods: get('货物'),
      works: get('工程'),
      services: get('服务'),
    };
  };
  const main = partsOf(0, split >= 0 ? split : p.text.length);
  const generalBudget = split >= 0 ? partsOf(split, p.text.length) : null;
  return { ...main, generalBudget, text: p.display, line: p.line };
}

export function extractPerformance(ctx: ExtractContext): Performance | null {
  const p = findPara(ctx, ['performance', 'otherMatters'], /绩效目标/, /^指/);
  if (!p) return null;
  ctx.usePara(p);
  ctx.prov('performance', p.line);
  return { coverageAmount: firstAmount(p.text)?.yuan ?? null, text: p.display, line: p.line };
}

export function extractAssets(ctx: ExtractContext): Assets | null {
  const p = findPara(ctx, ['assets', 'otherMatters'], /车辆|用车|国有资产/, /^指/);
  if (!p) return null;
  ctx.usePara(p);
  ctx.prov('assets', p.line);
  const date = /截[至止]\s*(\d{4})\s*年\s*(\d{1,2})\s*月/.exec(p.text);
  const purchaseAt = p.text.search(/安排购置|购置车辆|拟购置|计划购置/);
  const sentenceStart = purchaseAt >= 0 ? Math.max(p.text.lastIndexOf('。', purchaseAt) + 1, 0) : p.text.length;
  const counts = (seg: string, totalRe: RegExp) => {
    const none = /无(?:公务)?车辆|没有(?:公务)?车辆|无公务用车|没有公务用车|未配备/.test(seg);
    const t = totalRe.exec(seg);
    const byType: { type: string; count: number }[] = [];
    const re = /([\u4e00-\u9fa5]{2,8}?用车)\s*(\d+)\s*辆/g;
    for (let m = re.exec(seg); m; m = re.exec(seg)) {
      const type = m[1]!.replace(/^.*(?:其中|共有|现有|拥有|购置)/, '');
      if (type.length >= 2) byType.push({ type, count: Number(m[2]) });
    }
    return { total: t ? Number(t[1]) : none ? 0 : null, byType };
  };
  const held = counts(p.text.slice(0, sentenceStart), /(?:共有|现有|拥有|实有)(?:车辆)?\s*(\d+)\s*辆/);
  const planned = purchaseAt >= 0 ? counts(p.text.slice(sentenceStart), /购置(?:车辆)?\s*(\d+)\s*辆/) : null;
  return {
    referenceDate: date ? `${date[1]}-${date[2]!.padStart(2, '0')}` : null,
    vehicles: held,
    plannedPurchases: planned,
    text: p.display,
    line: p.line,
  };
}

// ───────────────────────────── glossary ─────────────────────────────

/** Labels of a table's heading lines ("部门：中国共产党江苏省委员会办公厅", "单位：万元"), never glossary terms. */
const TABLE_HEADER_LABEL = /^(?:编制|预算|填报)?(?:部门|单位)(?:名称)?$/;

export function extractGlossary(ctx: ExtractContext): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const p of parasOf(ctx.sections, 'glossary')) {
    if (/联系人|联系方式|公开报表|详见附表|^附件[:：]/.test(p.text)) continue;
    const colon = p.text.search(/[:：]/);
    // A table's own heading line (部门：…, 单位：万元) means the glossary is over: the tables of a second file follow.
    if (colon > 0 && TABLE_HEADER_LABEL.test(p.text.slice(0, colon).trim())) break;
    if (colon > 0 && colon <= 40) {
      out.push({ term: p.display.slice(0, colon).trim(), definition: p.display.slice(colon + 1).trim(), line: p.line });
      ctx.usePara(p);
      ctx.prov(`glossary.${out.length - 1}`, p.line);
    } else if (out.length && !p.number) {
      // A definition wrapped over several lines.
      const last = out[out.length - 1]!;
      last.definition += p.display.trim();
      ctx.usePara(p);
    }
  }
  return out;
}

/** Paragraphs that only point to the attached tables ("详见附表…", "附表：1.…"). */
export function markTableReferences(ctx: ExtractContext): void {
  const listed = new Set(parasOf(ctx.sections, 'tables'));
  for (const p of allParas(ctx.sections)) {
    if (/详见附表|公开报表|^附件[:：]/.test(p.text) || (listed.has(p) && /表/.test(p.text) && p.text.length <= 80)) ctx.usePara(p);
  }
}
