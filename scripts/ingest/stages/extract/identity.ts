/**
 * Identity: the unit, its place (city, district), year, budget kind, title, document number, signer,
 * approval document, publication date and parent department, from the preamble and title lines.
 */
import { allParas, parasOf, type Para } from '../sections.ts';
import type { ExtractContext } from './context.ts';
import { extractContact, type Contact } from './contact.ts';
import type { Identity } from '../../../../src/domain/schema/identity.ts';

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

export interface IdentityResult extends Identity { contact: Contact }

/** A unit name found, with its line (as written, spaces kept until the end). */
type Found = { unit: string; line: number } | null;

/** 1. "现将重庆市开州区政务信息中心2026年部门预算…公开如下" */
function unitFromOpening(preamble: Para[]): Found {
  for (const p of preamble) {
    const m = /现将(.+?)\s*\d{4}\s*年(?:度)?\s*(?:区级)?(?:部门|单位)?预算/.exec(p.text);
    if (m) return { unit: p.display.slice(m.index + 2, m.index + 2 + m[1]!.length).trim(), line: p.line };
  }
  return null;
}

/** 2. "预算主管部门：…" / "单位名称：…" */
function unitFromLabel(paras: Para[]): Found {
  for (const p of paras.slice(0, 40)) {
    const m = /(?:预算主管部门|主管部门|单位名称|部门名称|预算单位)\s*:\s*(.+)$/.exec(p.text);
    if (m && m[1]!.trim().length >= 3) return { unit: p.display.slice(p.text.length - m[1]!.length).trim(), line: p.line };
  }
  return null;
}

/** 3. The first short line that reads like a unit name. */
function unitFromShortLine(preamble: Para[]): Found {
  for (const p of preamble) {
    if (p.text.length <= 40 && !/\d/.test(p.text) && UNIT_SUFFIX.test(p.text) && !/[,，。:]/.test(p.text)) {
      return { unit: p.display.replace(/\s+/g, ''), line: p.line };
    }
  }
  return null;
}

/**
 * 4. A title "2025年重庆市綦江区财政局部门预算情况说明", possibly wrapped over two lines
 *    ("2018 年度江苏省高级" / "人民法院预算公开"). The title's lines are used.
 */
function unitFromYearTitle(ctx: ExtractContext, paras: Para[]): Found {
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
      for (const n of t.lines) ctx.use(n);
      return { unit: t.display.slice(at, at + m[1]!.length).trim(), line: t.lines[0]! };
    }
  }
  return null;
}

/** 5. A title "江苏省人民检察院2019年度部门预算公开". */
function unitBeforeYear(paras: Para[]): Found {
  for (const p of paras.slice(0, 20)) {
    const m = /^(.{3,40}?)\s*\d{4}\s*年(?:度)?/.exec(p.text);
    if (m && YEAR_BUDGET.test(p.text) && UNIT_SUFFIX.test(m[1]!)) return { unit: p.display.slice(0, m[1]!.length).trim(), line: p.line };
  }
  return null;
}

/** The unit name, by the first of the five ways that finds one; its lines (and lines repeating it) are used. */
function findUnit(ctx: ExtractContext, preamble: Para[], paras: Para[]): string | null {
  const ways = [
    () => unitFromOpening(preamble), () => unitFromLabel(paras), () => unitFromShortLine(preamble),
    () => unitFromYearTitle(ctx, paras), () => unitBeforeYear(paras),
  ];
  // A way that finds only spaces gives way to the next (its line is kept when no other finds a name).
  let found: Found = null;
  for (const way of ways) {
    found = way() ?? found;
    if (found?.unit) break;
  }
  const unit = found?.unit ? found.unit.replace(/\s+/g, '') : found ? '' : null;
  // Lines that repeat the unit name (letterhead, signature) belong to identity.
  for (const p of paras) if (unit && p.text.replace(/\s+/g, '') === unit) ctx.usePara(p);
  ctx.use(found?.line);
  ctx.prov('identity.unit', found?.line);
  return unit;
}

type TitleFacts = Pick<Identity, 'year' | 'budgetKind' | 'title' | 'noticeKind'>;

/** Year and budget kind: from the title-like lines first, then any "YYYY年部门预算". */
function titleFacts(ctx: ExtractContext, preamble: Para[], paras: Para[]): Omit<TitleFacts, 'year'> & { year: number | null } {
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
  return { year, budgetKind, title, noticeKind };
}

/** 文号 (渝开政务〔2026〕3号) and 签发人 of the preamble. */
function documentNumberAndSigner(ctx: ExtractContext, preamble: Para[]): Pick<Identity, 'documentNumber' | 'signer'> {
  let documentNumber: string | null = null;
  let signer: string | null = null;
  for (const p of preamble) {
    const dn = DOC_NUMBER.exec(p.text);
    const sg = /签发人\s*:\s*(\S+)/.exec(p.text);
    if (dn && !/《/.test(p.text)) { documentNumber = p.display.slice(dn.index, dn.index + dn[1]!.length).replace(/\s+/g, ''); ctx.usePara(p); ctx.prov('identity.documentNumber', p.line); }
    if (sg) { signer = p.display.slice(sg.index + sg[0].length - sg[1]!.length, sg.index + sg[0].length); ctx.usePara(p); ctx.prov('identity.signer', p.line); }
  }
  return { documentNumber, signer };
}

/** 《…批复…》 (its number in brackets) named in the preamble. */
function approvalDocumentOf(ctx: ExtractContext, preamble: Para[]): Identity['approvalDocument'] {
  for (const p of preamble) {
    const m = /《([^》]*批复[^》]*)》\s*(?:\(\s*([^)]*?)\s*\))?/.exec(p.text);
    if (m) {
      const numStart = m[2] ? p.text.indexOf(m[2], m.index + m[1]!.length) : -1;
      ctx.usePara(p);
      ctx.prov('identity.approvalDocument', p.line);
      return {
        title: p.display.slice(m.index + 1, m.index + 1 + m[1]!.length),
        number: m[2] ? p.display.slice(numStart, numStart + m[2].length) : null,
      };
    }
  }
  return null;
}

/** The date line among the last lines ("2026年3月11日"), as YYYY-MM-DD. */
function publicationDateOf(ctx: ExtractContext, paras: Para[]): string | null {
  let publicationDate: string | null = null;
  for (const p of paras.slice(-8)) {
    const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(p.text);
    if (m) {
      publicationDate = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      ctx.usePara(p);
      ctx.prov('identity.publicationDate', p.line);
    }
  }
  return publicationDate;
}

/** "…为重庆市开州区人民政府办公室管理的…": the department the unit belongs to. */
function parentDepartmentOf(ctx: ExtractContext, unit: string | null): string | null {
  for (const p of parasOf(ctx.sections, 'structure', 'basicInfo')) {
    const m = /为(.{2,40}?)(?:管理|主管|领导|直属|下属|所属)的/.exec(p.text.replace(/\s+/g, ''));
    const subject = p.text.replace(/\s+/g, '').split(/为/)[0] ?? '';
    if (m && unit && (subject.startsWith(unit) || unit.startsWith(subject.replace(/\(.*\)$/, '')))) {
      ctx.prov('identity.parentDepartment', p.line);
      return p.display.replace(/\s+/g, '').slice(m.index + 1, m.index + 1 + m[1]!.length);
    }
  }
  return null;
}

export function extractIdentity(ctx: ExtractContext): IdentityResult {
  const preamble = ctx.sections[0]!.paras;
  const paras = allParas(ctx.sections);
  const unit = findUnit(ctx, preamble, paras);
  const { year, budgetKind, title, noticeKind } = titleFacts(ctx, preamble, paras);
  const { documentNumber, signer } = documentNumberAndSigner(ctx, preamble);
  const approvalDocument = approvalDocumentOf(ctx, preamble);
  // The opening sentence ("按照有关财政预算公开的部署和要求…") is identity text too.
  for (const p of preamble) if (/公开如下|现将|按照.*要求/.test(p.text)) ctx.usePara(p);
  const publicationDate = publicationDateOf(ctx, paras);
  const contact = extractContact(ctx);
  const place = splitPlace(unit ?? '');
  const parentDepartment = parentDepartmentOf(ctx, unit);
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
