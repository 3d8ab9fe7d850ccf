/**
 * Jiangsu provincial 部门预算公开 (2017–2019): a four-part document — 第一部分 部门概况 / 第二部分 …预算表 /
 * 第三部分 …预算情况说明 / 第四部分 名词解释 — whose 情况说明 explains the tables one by one
 * ("一、收支预算总表情况说明", "二、收入预算情况说明" … "十二、政府采购支出预算情况说明"), in 万元, with a third
 * kind of spending (单位预留机动经费) and pre-2019 class names (文化体育与传媒支出, 医疗卫生与计划生育支出).
 * The tables may be a second file (…公开表); their figures come from the tables stage.
 *
 * Its sentences: "此外，基本支出预算数为 15,844.04 万元", "一般公共预算收入预算 24,169.74 万元，与上年相比增加
 * 2228.78 万元", "1．公共安全（类）支出 16,593.12 万元", "机关运行经费预算支出 2391.92 万元", "政府采购支出预算
 * 总额 2744.84 万元，其中：拟采购货物支出 303.4 万元、拟购买服务支出 2441.44 万元". Text is justified in the
 * PDFs ("江 苏 省 人 民 检 察 院"), so every pattern reads the paragraph without spaces.
 */
import type { Template } from './types.ts';
import {
  AMOUNT, fillOperatingExpenses, findAcross, findSentence, signedChange, yuanOf,
  type FamilyDocument, type FamilyIdentity, type FamilyPara, type FamilyParts, type FamilyTrace,
} from './hooks.ts';
import { isFunctionClass } from '../../../src/domain/terms/function-classes.ts';

const A = AMOUNT;

/** The four parts, and the vocabulary only this family has. */
function detect(doc: FamilyDocument): boolean {
  return doc.lines.some((l) => /^第四部分名词解释$/.test(l)) && doc.lines.some((l) => /单位预留机动经费/.test(l));
}

/** A unit's name ends like one. */
const UNIT_END = /(?:厅|院|会|局|委|办公室|部|署|馆|中心|所|社|校)$/;

/**
 * The cover title ("江苏省人大常委会办公厅2018年度部门" / "预算公开", "2018 年度江苏省高级" / "人民法院预算公开"),
 * else the first sentence of 第三部分 ("江苏省政协办公厅 2019 年度收入、支出预算总计 …"): a cover printed as an
 * image leaves only that.
 */
function identity(doc: FamilyDocument): FamilyIdentity | null {
  const head = doc.paras.slice(0, 12);
  for (let i = 0; i < head.length; i++) {
    const one = head[i]!;
    const two = head[i + 1];
    const joined = two && two.line <= one.lines[one.lines.length - 1]! + 6 ? one.text + two.text : one.text;
    const lines = two && joined !== one.text ? [...one.lines, ...two.lines] : one.lines;
    let m = /^(.{3,30}?)(\d{4})年度?(?:部门)?预算(?:公开)?$/.exec(joined);
    if (m && UNIT_END.test(m[1]!)) return { unit: m[1]!, year: Number(m[2]), lines };
    m = /^(\d{4})年度?(.{3,30}?)(?:部门)?预算(?:公开)?$/.exec(joined);
    if (m && UNIT_END.test(m[2]!)) return { unit: m[2]!, year: Number(m[1]), lines };
  }
  for (const [i, p] of doc.paras.entries()) {
    // The sentence may be cut after "收入、" (a short first line is not joined to the next).
    const m = /^(.{3,30}?)(\d{4})年度?收入、支出预算总计/.exec(p.text + (doc.paras[i + 1]?.text ?? ''));
    if (m && UNIT_END.test(m[1]!)) return { unit: m[1]!, year: Number(m[2]), lines: [p.line] };
  }
  return null;
}

const inSections = (doc: FamilyDocument, ...kinds: FamilyPara['section'][]) => doc.paras.filter((p) => kinds.includes(p.section));

/**
 * Every statement of `re` in the paragraphs, as 元 with its line. A figure is taken only when all its
 * statements agree: two different figures for one thing (a typo) leave it to the tables and the checks.
 */
function agreed(paras: readonly FamilyPara[], re: RegExp): { yuan: number; line: number } | null {
  const found: { yuan: number; line: number }[] = [];
  const g = new RegExp(re.source, 'g');
  for (const p of paras) {
    g.lastIndex = 0;
    for (let m = g.exec(p.text); m; m = g.exec(p.text)) {
      const y = yuanOf(m[1]!, m[2]!);
      if (y !== null) found.push({ yuan: y, line: p.line });
    }
  }
  if (found.length === 0 || found.some((f) => f.yuan !== found[0]!.yuan)) return null;
  return found[0]!;
}

function refine(doc: FamilyDocument, r: FamilyParts, t: FamilyTrace): void {
  const overview = inSections(doc, 'overview');
  const spending = inSections(doc, 'overview', 'expenditure');

  // 基本支出 / 项目支出 / 单位预留机动经费 of the whole budget (一、收支预算总表 and 三、支出预算 explanations).
  if (!r.expenditure.byKind) {
    const basic = agreed(spending, new RegExp(`(?<!拨款|财政)基本支出(?:预算)?(?:数)?(?:为)?${A}`));
    const project = agreed(spending, new RegExp(`(?<!拨款|财政)项目支出(?:预算)?(?:数)?(?:为)?${A}`));
    const reserve = agreed(spending, new RegExp(`单位预留机动经费(?:预算)?(?:数)?(?:为)?${A}`));
    if (basic || project || reserve) {
      r.expenditure.byKind = { basic: basic?.yuan ?? null, project: project?.yuan ?? null, reserve: reserve?.yuan ?? null };
      for (const [k, v] of [['basic', basic], ['project', project], ['reserve', reserve]] as const) {
        if (v) { t.use(v.line); t.prov(`expenditure.byKind.${k}`, v.line); }
      }
    }
  }

  // 一般公共预算收入 (the only source these departments' budgets mostly have).
  if (!r.income.sources.some((s) => s.key === 'generalBudget')) {
    const gb = agreed(inSections(doc, 'overview', 'income'), new RegExp(`一般公共预算收入(?:预算)?${A}`));
    if (gb) {
      r.income.sources.push({ key: 'generalBudget', label: '一般公共预算收入', amount: gb.yuan, line: gb.line });
      t.use(gb.line);
      t.prov('income.sources.generalBudget', gb.line);
    }
  }

  // Change of 一般公共预算拨款: "一般公共预算收入预算 X 万元，与上年相比增加 Y 万元" or the 一般公共预算支出 explanation.
  const gba = r.generalBudgetAppropriation;
  if (!gba.change) {
    const said = findSentence(overview, new RegExp(`一般公共预算收入(?:预算)?${A},?与上年相比,?(增加|减少|持平|一致)(?:${A})?`))
      ?? findSentence(inSections(doc, 'budgetExplanation'), new RegExp(`一般公共预算财政拨款支出预算${A},?(?:占本年支出合计的[\\d.]+%。?)?与上年相比,?(?:财政拨款支出)?(增加|减少|持平|一致)(?:${A})?`));
    if (said) {
      const amount = signedChange(said.m[3], said.m[4], said.m[5]);
      if (amount !== null) {
        gba.change = { amount, comparedYear: null, reason: null, line: said.p.line };
        t.use(said.p.line);
        t.prov('generalBudgetAppropriation.change', said.p.line);
      }
    }
  }

  // 政府性基金: "政府性基金收入预算0万元", "无政府性基金预算…", "本表数为零" under its own heading.
  if (!r.governmentFund || (r.governmentFund.income === null && r.governmentFund.expenditure === null)) {
    const zero = findSentence(doc.paras, new RegExp(`政府性基金(?:预算)?(?:收入|支出)(?:预算)?(?:支出)?0(?:\\.0+)?万元`))
      ?? findSentence(doc.paras, /无政府性基金/)
      ?? findSentence(doc.paras.filter((p) => /政府性基金/.test(p.heading)), /^本表数为零/);
    if (zero) {
      r.governmentFund = { income: 0, expenditure: 0, change: null, none: true, text: zero.p.display, line: zero.p.line };
      t.use(zero.p.line);
      t.prov('governmentFund', zero.p.line);
    }
  }

  // Function classes, listed under "（二）支出预算总计 … 包括：" — taken only when the list is the whole total.
  if (r.expenditure.byFunction.length === 0 && r.expenditure.total !== null) {
    const start = overview.findIndex((p) => /支出预算总计/.test(p.text));
    const classes: { label: string; amount: number; line: number }[] = [];
    for (const p of start >= 0 ? overview.slice(start + 1) : []) {
      if (/^此外/.test(p.text)) break;
      const m = new RegExp(`^(?:\\d+[.、])?(.{2,14}?)(?:\\(类\\))?支出${A}`).exec(p.text);
      if (!m || !p.number && !/^\d+[.、]/.test(p.text)) continue;
      const label = `${m[1]!.replace(/\(类\)$/, '')}支出`;
      const yuan = yuanOf(m[2]!, m[3]!);
      if (yuan === null || !isFunctionClass(label)) continue;
      classes.push({ label, amount: yuan, line: p.line });
    }
    if (classes.length && classes.reduce((s, c) => s + c.amount, 0) === r.expenditure.total) {
      r.expenditure.byFunction = classes.map((c) => ({ key: null, label: c.label, amount: c.amount, line: c.line }));
      for (const c of classes) t.use(c.line);
    }
  }

  // “三公” items as the 三公 explanation words them (its total is only in the table).
  const tp = inSections(doc, 'threePublic');
  const item = (key: 'outboundTravel' | 'reception' | 'vehicleOperation' | 'vehiclePurchase', re: RegExp) => {
    if (r.threePublic[key].amount !== null) return;
    const v = agreed(tp, re);
    if (!v) return;
    r.threePublic[key] = { amount: v.yuan, change: null, inferred: false, line: v.line };
    t.use(v.line);
    t.prov(`threePublic.${key}.amount`, v.line);
  };
  item('outboundTravel', new RegExp(`因公出国\\(境\\)费(?:用)?(?:预算)?支出${A}`));
  item('reception', new RegExp(`公务接待费(?:预算)?支出${A}`));
  item('vehicleOperation', new RegExp(`(?:\\(2\\)|;|^)公务用车运行维护费(?:预算支出)?${A}`));
  item('vehiclePurchase', new RegExp(`公务用车购置(?:预算支出|费)(?:数)?${A}`));

  // 机关运行经费 under its own heading.
  fillOperatingExpenses(r, t, findAcross(inSections(doc, 'operatingExpenses'), new RegExp(`机关运行经费(?:预算)?支出(?:预算)?${A}`)));

  // 政府采购: the total and its parts in one sentence.
  if (!r.procurement || r.procurement.total === null) {
    // "其中：拟采" / (page break) / "购货物支出303.4万元…": the parts may run on past a page break.
    const pr = findAcross(inSections(doc, 'procurement'), new RegExp(`政府采购(?:支出)?预算总(?:金)?额(?:为)?${A}(.*)$`));
    const total = pr ? yuanOf(pr.m[1]!, pr.m[2]!) : null;
    if (pr && total !== null) {
      const rest = pr.m[3]!;
      const part = (word: string) => {
        const m = new RegExp(`(?:采购|购买)?${word}(?:类政府采购)?(?:支出)?(?:预算)?${A}`).exec(rest);
        return m ? yuanOf(m[1]!, m[2]!) : null;
      };
      const parts = { goods: part('货物'), works: part('工程'), services: part('服务') };
      const sum = (parts.goods ?? 0) + (parts.works ?? 0) + (parts.services ?? 0);
      // Parts that do not add up to the total are not taken (the tables stage reads them).
      const ok = sum === total;
      r.procurement = {
        total, goods: ok ? parts.goods : null, works: ok ? parts.works : null, services: ok ? parts.services : null,
        generalBudget: null, text: pr.p.display, line: pr.p.line,
      };
      t.use(pr.p.line);
      t.prov('procurement', pr.p.line);
    }
  }
}

export const jiangsu: Template = {
  id: 'jiangsu',
  description: 'Jiangsu provincial 部门预算公开 (2017–2019): 部门概况 / 预算表 / 预算情况说明 / 名词解释, one explanation per table.',
  headingStyles: [],
  sections: [
    // "一、收支预算总表情况说明" explains the whole budget.
    { kind: 'overview', re: /收支预算总表情况说明|收支预算总体情况说明/ },
  ],
  tableTitles: [],
  detect,
  identity,
  refine,
};
