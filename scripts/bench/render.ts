/**
 * Renders one unit-year disclosure as plain text, in one of the shapes the seeds show: with or without the
 * notice header (文号/签发人/公示/公告), 第一部分/第二部分 or not, numbering 1、/1./（1）/full-width, sections
 * absent or reordered, a department covering its subordinate units with staffing (seed 003), attached
 * tab-separated tables (seed 004). An optional injected error misprints one figure the way real documents do.
 */
import { formatWan } from '../../src/domain/money.ts';
import {
  BASIC_DOWN_REASONS, BASIC_PURPOSES, BASIC_UP_REASONS, CN_DIGITS, DUTY_TEMPLATES, FUNCTION_CLASSES, INCOME_REASONS,
  OPERATING_PURPOSES, PROJECT_DOWN_REASONS, PROJECT_PURPOSES, PROJECT_UP_REASONS, THREE_PUBLIC_DOWN_REASONS,
  THREE_PUBLIC_UP_REASONS, type FunctionKey,
} from './vocabulary.ts';
import {
  functionName, generalBudgetOf, incomeTotalOf, procurementTotalOf, threePublicTotalOf, type UnitPlan, type YearFigures,
} from './model.ts';
import type { Rng } from './random.ts';

export type ItemStyle = 'dun' | 'dot' | 'paren' | 'fullDun' | 'fullDot';

/** Typical errors a document may carry, with the finding code the ingest reports for each. */
export const INJECTED_ERRORS = {
  incomeSourcesSum: 'income.sources-sum',
  functionSum: 'expenditure.function-sum',
  basicProjectSum: 'expenditure.basic-project-sum',
  threePublicSum: 'threePublic.items-sum',
  procurementSum: 'procurement.parts-sum',
  incomeExpenditureBalance: 'balance.income-expenditure',
  impossibleYear: 'change.impossible-year',
  strayDigit: 'figure.stray-characters',
  tableFunction: 'table.narrative-function',
} as const;

export type InjectedError = keyof typeof INJECTED_ERRORS;

/** How one document is laid out. */
export interface Shape {
  header: 'notice' | 'preamble' | 'plain';
  noticeKind: '公示' | '公告';
  /** 部门预算 or 单位预算 in titles and headings. */
  budgetWord: '部门' | '单位';
  /** 第一部分 / 第二部分 lines. */
  parts: boolean;
  /** Numbering of list items (duties, other matters). */
  items: ItemStyle;
  /** Other matters as numbered items (1、…) or as （一） sub-sections. */
  otherMattersAsSubsections: boolean;
  /** Blank line between paragraphs. */
  spacing: boolean;
  /** “三公” section placed after 其他重要事项 (out of the usual order). */
  threePublicLast: boolean;
  /** Glossary entries printed (empty: no glossary section). */
  glossary: { term: string; definition: string }[];
  /** Glossary numbered （一） (else 1.). */
  glossaryParen: boolean;
  /** Other-matters items left out. */
  absent: { operating: boolean; procurement: boolean; performance: boolean; assets: boolean };
  /** Attached tables after the narrative (seed 004). */
  tables: boolean;
  /** A department document covering its subordinate units (seed 003). */
  consolidated: boolean;
  /** Internal divisions as a numbered list (seed 004) instead of one sentence. */
  divisionsAsList: boolean;
  /** “较去年” instead of “较2025年” in the overview. */
  lastYearWording: boolean;
  /** Print 万元 with two decimals always (else trailing zeros dropped, as most seeds do). */
  fixedDecimals: boolean;
  /** Changes stated per “三公” item. */
  threePublicItemChanges: boolean;
  /** The 因四舍五入 sentence (seed 002). */
  roundingNote: boolean;
  /** Date line at the end. */
  date: boolean;
  /** 上年结转 after each income source (seed 002). */
  carriedForward: boolean;
}

/** A document and the error it carries. */
export interface RenderInput {
  unit: UnitPlan;
  figures: YearFigures;
  previous: YearFigures;
  shape: Shape;
  error: InjectedError | null;
  /** Size of the misprint for injected errors (元, ≥ 1 万元). */
  errorDelta: number;
  rng: Rng;
}

const FULL_DIGITS = '０１２３４５６７８９';
const fullWidth = (s: string): string => s.replace(/\d/g, (d) => FULL_DIGITS[Number(d)]!);

/** 1 → 一, 12 → 十二, 20 → 二十. */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** The number of list item `n` in a style. */
export function itemNumber(style: ItemStyle, n: number): string {
  switch (style) {
    case 'dun': return `${n}、`;
    case 'dot': return `${n}.`;
    case 'paren': return `（${n}）`;
    case 'fullDun': return `${fullWidth(String(n))}、`;
    case 'fullDot': return `${fullWidth(String(n))}．`;
  }
}

/** Renders a document; returns its lines. */
export function renderDocument(input: RenderInput): string {
  const { unit, figures: f, previous: p, shape, error, errorDelta, rng } = input;
  const year = f.year;
  const py = year - 1;
  const w = (yuan: number): string => {
    const s = formatWan(yuan, { grouping: false });
    return shape.fixedDecimals ? s : s.replace(/\.?0+$/, '');
  };
  const amount = (yuan: number): string => `${w(yuan)}万元`;
  const cmp = `${rng.pick(['比', '较'])}${py}年`;
  const change = (delta: number, word = cmp): string =>
    delta === 0 && rng.chance(0.5) ? `与${py}年持平` : `${word}${delta < 0 ? '减少' : '增加'}${amount(Math.abs(delta))}`;
  const up = (delta: number): string => (delta < 0 ? '减少' : '增加');
  const field = (s: string): string => s.replace(/\{f\}/g, unit.topic.field).replace(/\{u\}/g, unit.short);
  const bw = shape.budgetWord;
  const out: string[] = [];
  const para = (text: string): void => {
    out.push(text);
    if (shape.spacing) out.push('');
  };

  // ── header ──
  const title = `${year}年${bw}预算情况说明`;
  if (shape.header === 'plain') {
    out.push(unit.name, '', title, '');
  } else {
    out.push('', ` ${unit.name}`);
    if (shape.header === 'notice') {
      out.push(`${unit.district.abbr}${unit.short.slice(0, 2)}发〔${year}〕${rng.int(1, 30)}号               签发人：${unit.signer}`, unit.name);
    } else out.push('');
    out.push(`关于${year}年${bw}预算情况公开的${shape.noticeKind}`, '');
    out.push(`按照有关财政预算公开的部署和要求，依据《中华人民共和国政府信息公开条例》（国务院令第492号）和${unit.district.city}${unit.district.name}财政局《关于批复${year}年${bw}预算的通知》（${unit.district.abbr}财行发〔${year}〕${rng.int(10, 40)}号）,现将${unit.name}${year}年${bw}预算批复情况公开如下：`);
  }
  if (shape.parts) out.push(` 第一部分：${year}年${bw}预算情况说明`);

  let top = 0;
  const heading = (t: string): void => { out.push(`${cnNumber(++top)}、${t}`); };

  // ── 一、基本情况 ──
  heading('单位基本情况');
  if (shape.spacing) out.push('');
  const dot = shape.consolidated ? '。' : '';
  out.push(`（一）职能职责${dot}`);
  if (shape.spacing) out.push('');
  if (shape.consolidated) {
    unit.consolidated.forEach((s, i) => {
      para(`${i + 1}.${s.name}`);
      s.duties.forEach((d, k) => para(`（${k + 1}）${field(DUTY_TEMPLATES[d]!)}`));
    });
  } else {
    if (rng.chance(0.6)) para(`${unit.name}主要职责：`);
    unit.duties.forEach((d, k) => para(`${itemNumber(shape.items, k + 1)}${field(DUTY_TEMPLATES[d]!)}`));
  }
  out.push(`（二）单位构成${dot}`);
  if (shape.spacing) out.push('');
  if (shape.consolidated) {
    for (const s of unit.consolidated) {
      const staff = s.kind === '行政单位' ? '行政编制员' : '事业编制数';
      const managed = s.kind === '行政单位' ? '' : `${unit.name}管理的`;
      para(`${s.name}为${managed}${s.kind}，机构规格为${s.rank}，经费渠道为财政全额拨款，现有${staff}${s.authorisedStaff}人，实有${s.actualStaff}人，聘用人员${s.contractStaff}人。`);
    }
  } else if (shape.divisionsAsList) {
    para(`${unit.short}下设${cnNumber(unit.divisions.length)}个职能科：`);
    unit.divisions.forEach((d, k) => para(`${itemNumber('dot', k + 1)}${d}：负责${unit.topic.field}领域相关业务工作的组织实施和日常管理。`));
  } else if (unit.parent) {
    para(`${unit.name}为${unit.parent}管理的事业单位，内设${unit.divisions.length}个科室，分别是${unit.divisions.join('、')}。`);
  } else {
    para(`${unit.name}下设${unit.divisions.length}个内设机构，分别是${unit.divisions.join('、')}。`);
  }

  // ── 二、收支总体情况 ──
  const total = incomeTotalOf(f);
  const totalChange = total - incomeTotalOf(p);
  const gb = generalBudgetOf(f);
  const printedGb = error === 'incomeSourcesSum' ? gb + errorDelta : gb;
  heading(`${bw}收支总体情况`);
  const lastYear = shape.lastYearWording ? '较去年' : `较${py}年`;
  const cf = shape.carriedForward ? '，上年结转0万元' : '';
  const sources = [
    `一般公共预算拨款${shape.carriedForward ? '收入' : ''}${amount(printedGb)}${cf}`,
    `政府性基金预算拨款${shape.carriedForward ? '收入' : ''}${amount(f.governmentFund)}${cf}`,
    `国有资本经营预算收入0万元${cf}`,
    `事业收入${amount(f.institutionIncome)}`,
    '事业单位经营收入0万元',
    `其他收入${amount(f.otherIncome)}${error === 'strayDigit' ? '0' : ''}`,
  ];
  const incomeReason = rng.pick(INCOME_REASONS);
  out.push(`（一）收入预算：${year}年年初预算数${amount(total)}${shape.carriedForward ? '，上年结转0万元' : ''}，其中：${sources.join('，')}。`
    + `收入${totalChange === 0 ? `与${py}年持平` : `${lastYear}${up(totalChange)}${amount(Math.abs(totalChange))}，主要是${incomeReason}${up(totalChange)}${amount(Math.abs(totalChange))}`}。`
    + (shape.roundingNote ? '因四舍五入原因，上述明细直接加总与汇总不等（下同）。' : ''));
  if (shape.spacing) out.push('');
  const printedTotal = error === 'incomeExpenditureBalance' ? total + errorDelta : total;
  const printedFunctions = f.byFunction.map((x, i) => ({
    key: x.key, amount: error === 'functionSum' && i === 0 ? x.amount + errorDelta : x.amount,
  }));
  const basicChange = f.basic - p.basic;
  const projectChange = f.project - p.project;
  const expYear = error === 'impossibleYear' ? `较${year}年` : lastYear;
  const yusuan = rng.chance(0.7) ? '预算' : '';
  out.push(`（二）支出预算：${year}年年初预算数${amount(printedTotal)}，其中：`
    + printedFunctions.map((x) => `${functionName(x.key)}${yusuan}${amount(x.amount)}`).join('，')
    + `。支出预算${totalChange === 0 && error !== 'impossibleYear' ? `与${py}年持平` : `${expYear}${up(totalChange)}${amount(Math.abs(totalChange))}`}`
    + `，主要是基本支出预算${up(basicChange)}${amount(Math.abs(basicChange))}，项目支出预算${up(projectChange)}${amount(Math.abs(projectChange))}。`);
  if (shape.spacing) out.push('');

  // ── 三、预算情况说明 ──
  heading(`${bw}预算情况说明`);
  if (shape.spacing) out.push('');
  const printedBasic = error === 'basicProjectSum' ? f.basic + errorDelta : f.basic;
  const reason = (delta: number, upList: string[], downList: string[]): string =>
    delta === 0 ? '' : `，主要原因是${rng.pick(delta > 0 ? upList : downList)}`;
  para(`${year}年一般公共预算财政拨款收入${amount(gb)}，一般公共预算财政拨款支出${amount(gb)}，${change(gb - generalBudgetOf(p))}。`
    + `其中：基本支出${amount(printedBasic)}，${change(basicChange)}${reason(basicChange, BASIC_UP_REASONS, BASIC_DOWN_REASONS)}，主要用于${rng.pick(BASIC_PURPOSES)}；`
    + `项目支出${amount(f.project)}，${change(projectChange)}${reason(projectChange, PROJECT_UP_REASONS, PROJECT_DOWN_REASONS)}，主要用于${field(rng.pick(PROJECT_PURPOSES))}。`);
  if (f.governmentFund > 0) {
    para(`${year}年政府性基金预算收入${amount(f.governmentFund)}，政府性基金预算支出${amount(f.governmentFund)}，与${py}年持平，主要用于${unit.topic.field}领域基础设施建设。`);
  } else {
    para(rng.pick([
      `${year}年政府性基金预算收入0万元，政府性基金预算支出0  万元，较${py}年无增加，${unit.name}${year}年无使用政府性基金预算拨款安排的支出。`,
      `${unit.short}${year}年无使用政府性基金预算拨款安排的支出。`,
      `${year}年无使用政府性基金预算拨款安排的支出，与${py}年持平。`,
    ]));
  }

  // ── 四、“三公” / 五、其他重要事项 (either order) ──
  const threePublic = (): void => {
    heading('“三公”经费情况说明');
    const t = f.threePublic;
    const q = p.threePublic;
    const tTotal = threePublicTotalOf(f);
    const tChange = tTotal - threePublicTotalOf(p);
    const reception = error === 'threePublicSum' ? t.reception + errorDelta : t.reception;
    const items: [string, number, number][] = [
      ['因公出国（境）费用', t.outboundTravel, t.outboundTravel - q.outboundTravel],
      ['公务接待费', reception, t.reception - q.reception],
      ['公务用车运行维护费', t.vehicleOperation, t.vehicleOperation - q.vehicleOperation],
      ['公务用车购置费', t.vehiclePurchase, t.vehiclePurchase - q.vehiclePurchase],
    ];
    const head = `${year}年“三公”经费预算${amount(tTotal)}，${tChange === 0 ? `与${py}年保持一致` : change(tChange)}。其中：`;
    if (shape.threePublicItemChanges) {
      out.push(head + items.map(([label, v, d]) => `${label}${amount(v)}，${change(d)}${d === 0 ? '' : `，主要原因是${rng.pick(d > 0 ? THREE_PUBLIC_UP_REASONS : THREE_PUBLIC_DOWN_REASONS)}`}`).join('；') + '。');
    } else {
      out.push(head + items.map(([label, v]) => `${label}${amount(v)}`).join('，') + '。');
    }
    if (shape.spacing) out.push('');
  };
  const otherMatters = (): void => {
    heading('其他重要事项的情况说明');
    if (shape.spacing) out.push('');
    let k = 0;
    const item = (label: string, text: string): void => {
      k++;
      para(shape.otherMattersAsSubsections ? `（${cnNumber(k)}）${label}。${text}` : `${itemNumber(shape.items, k)}${label === '机关运行经费' ? '' : `${label}。`}${text}`);
    };
    if (!shape.absent.operating) {
      if (f.operating === null) item('机关运行经费', '我单位不在机关运行经费统计范围之内。');
      else {
        const d = f.operating - (p.operating ?? 0);
        item('机关运行经费', `${year}年一般公共预算财政拨款运行经费${amount(f.operating)}，比上年${up(d)}${amount(Math.abs(d))}，主要用于${OPERATING_PURPOSES}。`);
      }
    }
    if (!shape.absent.procurement) {
      const pr = f.procurement;
      const goods = error === 'procurementSum' ? pr.goods + errorDelta : pr.goods;
      const parts = (g: number): string => `政府采购货物预算${amount(g)}、政府采购工程预算${amount(pr.works)}、政府采购服务预算${amount(pr.services)}`;
      const who = rng.pick(['本单位', '所属各预算单位', '']);
      item('政府采购情况', `${year}年${who}政府采购预算总额${amount(procurementTotalOf(f))}：${parts(goods)}；其中一般公共预算拨款政府采购${amount(procurementTotalOf(f))}：${parts(pr.goods)}。`);
    }
    if (!shape.absent.performance) {
      item('绩效目标设置情况', `${year}年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款${amount(f.project)}。`);
    }
    if (!shape.absent.assets) {
      const held = f.vehicles === 0 && rng.chance(0.5)
        ? `截至${py}年12月，本单位无车辆。`
        : `截至${py}年12月，本单位共有车辆${f.vehicles}辆，其中一般公务用车${f.vehicles}辆、执勤执法用车0辆。${year}年一般公共预算安排购置车辆${f.plannedVehicles}辆，其中一般公务用车${f.plannedVehicles}辆、执勤执法用车0辆。`;
      item('国有资产占有使用情况', held);
    }
  };
  if (shape.threePublicLast) { otherMatters(); threePublic(); } else { threePublic(); otherMatters(); }

  // ── 六、名词解释 ──
  if (shape.glossary.length) {
    heading('专业性名词解释');
    if (shape.spacing) out.push('');
    shape.glossary.forEach((g, i) => para(`${shape.glossaryParen ? `（${cnNumber(i + 1)}）` : `${i + 1}.`}${g.term}：${g.definition}`));
  }

  // ── closing: report reference, contact, signature, attached tables ──
  const contactLabel = `${rng.pick([`${bw}预算公开`, ''])}联系人`;
  const contact = `${contactLabel}：${unit.contact.name}${rng.pick(['  ', '；', '    '])}联系方式：${unit.contact.phone}`;
  const tableTitle = (name: string): string => `${year}年${unit.district.name}${unit.short}${name}`;
  if (shape.tables) {
    out.push(contact);
    const tables = attachedTables(input, tableTitle);
    out.push(`附表：${tables.map((t, i) => `${i + 1}.${t.title}`).join('\n\n')}`);
    for (const t of tables) out.push(...t.lines);
    return out.join('\n') + '\n';
  }
  if (shape.parts) out.push('', `第二部分：${year}年${bw}预算公开报表`, '');
  out.push(`${year}年${bw}预算公开报表（详见附表${unit.name}${year}年${bw}预算公开报表）`, '', contact);
  if (shape.header !== 'plain') out.push('', unit.name);
  if (shape.date) out.push('', `${year}年${rng.int(1, 3)}月${rng.int(1, 28)}日`);
  return out.join('\n') + '\n';
}

// ───────────────────────────── attached tables (seed 004) ─────────────────────────────

interface TableText {
  title: string;
  lines: string[];
}

/** One row of cells, each a TAB line, then a blank line. */
const row = (...cells: string[]): string[] => [...cells.map((c) => `\t${c}`), ''];
const cell = (yuan: number): string => (yuan === 0 ? '' : formatWan(yuan));

/** A coded function-class row set: class → section → item, with 小计/基本支出/项目支出. */
interface CodedRow {
  code: string;
  name: string;
  depth: number;
  basic: number;
  project: number;
}

/** Splits an amount (元, multiple of 100) into `n` parts that add up exactly, all multiples of 100. */
function splitAmount(amount: number, weights: number[]): number[] {
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((wt) => Math.floor((amount * wt) / totalWeight / 100) * 100);
  parts[0]! += amount - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** The 类/款/项 rows of the general budget: basic spending spread over items, project spending on one item. */
function functionRows(byFunction: { key: FunctionKey; amount: number }[], basic: number, project: number): CodedRow[] {
  const rows: CodedRow[] = [];
  const nonMainBasic = byFunction.slice(1).reduce((a, x) => a + x.amount, 0);
  byFunction.forEach((fc, i) => {
    if (fc.amount === 0) return;
    const cls = FUNCTION_CLASSES[fc.key]!;
    const isMain = i === 0;
    const b = isMain ? basic - nonMainBasic : fc.amount;
    const pr = isMain ? project : 0;
    const section = cls.sections[0]!;
    const items = section.items;
    const itemRows: CodedRow[] = [];
    if (isMain) {
      const last = items.length > 1 ? items.length - 1 : 0;
      items.forEach((it, k) => {
        const ib = k === 0 ? b : 0;
        const ip = k === last ? pr : 0;
        if (ib || ip) itemRows.push({ code: it.code, name: it.name, depth: 2, basic: ib, project: ip });
      });
    } else {
      const parts = splitAmount(b, items.map((_, k) => (k === 0 ? 2 : 1)));
      items.forEach((it, k) => { if (parts[k]) itemRows.push({ code: it.code, name: it.name, depth: 2, basic: parts[k]!, project: 0 }); });
    }
    rows.push({ code: cls.code, name: cls.name, depth: 0, basic: b, project: pr });
    rows.push({ code: section.code, name: section.name, depth: 1, basic: b, project: pr });
    rows.push(...itemRows);
  });
  return rows;
}

function attachedTables(input: RenderInput, title: (name: string) => string): TableText[] {
  const { figures: f, error, errorDelta, rng } = input;
  const gb = generalBudgetOf(f);
  const coded = functionRows(f.byFunction, f.basic, f.project);
  const pad = (r: CodedRow): string => ' '.repeat(r.depth);
  const codedLines = (misprint: boolean): string[] => coded.flatMap((r, i) => {
    const sub = r.basic + r.project + (misprint && i === 0 ? errorDelta : 0);
    return row(`${pad(r)}${r.code}`, `${pad(r)}${r.name}`, cell(sub), cell(r.basic), cell(r.project));
  });
  const unitLine = ['', '单位：万元'];
  const tables: TableText[] = [];

  const fiscal = title('财政拨款收支总表');
  const sources = ['一般公共预算资金', '政府性基金预算资金', '国有资本经营预算资金'];
  const classes = f.byFunction.filter((x) => x.amount > 0);
  const fiscalRows: string[] = [];
  for (let i = 0; i < Math.max(sources.length, classes.length); i++) {
    const c = classes[i];
    fiscalRows.push(...row(sources[i] ?? '', i === 0 ? cell(gb) : '', c ? functionName(c.key) : '', c ? cell(c.amount) : '', c ? cell(c.amount) : '', '', ''));
  }
  tables.push({
    title: fiscal,
    lines: [` ${fiscal}`, '', ...unitLine,
      ...row('收入', '支出'),
      ...row('项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'),
      ...row('一、本年收入', cell(gb), '一、本年支出', cell(gb), cell(gb), '', ''),
      ...fiscalRows,
      ...row('收入合计', cell(gb), '支出合计', cell(gb), cell(gb)),
    ],
  });

  const general = title('一般公共预算财政拨款支出预算表');
  tables.push({
    title: general,
    lines: [` ${general}`, '', '', ...unitLine,
      ...row('功能分类科目', `${f.year}年预算数`),
      ...row(' 科目编码', '科目名称', '小计', '基本支出 ', '项目支出 '),
      ...row('合计', cell(gb), cell(f.basic), cell(f.project)),
      ...codedLines(false),
    ],
  });

  const department = title('部门支出总表');
  tables.push({
    title: department,
    lines: [` ${department}`, '', ...unitLine,
      ...row('科目编码', '科目名称', '总计', '基本支出', '项目支出'),
      ...row('合计', cell(gb), cell(f.basic), cell(f.project)),
      ...codedLines(error === 'tableFunction'),
    ],
  });

  if (rng.chance(0.5)) {
    const perf = title('项目绩效目标表');
    tables.push({
      title: perf,
      lines: ['', '金额单位：万元', `附件${tables.length + 1}`, perf, '',
        ...row('项目名称：', `${input.unit.topic.field}专项工作经费`, '项目总额（元）：', String(f.project)),
        ...row('整体目标：', `保障${input.unit.topic.field}重点工作顺利开展。`),
        ...row('一级指标', '二级指标', '三级指标', '指标性质', '历史参考值', '指标值', '度量单位', '权重（%）'),
        ...row('产出指标', '数量指标', `完成${input.unit.topic.field}重点任务`, '＝', '', String(rng.int(3, 30)), '项', '30'),
        ...row('产出指标', '质量指标', '任务完成合格率', '≥', '', '95', '%', '30'),
        ...row('效益指标', '社会效益', `提升${input.unit.topic.field}服务水平`, '定性', '', '有所提升', '', '20'),
        ...row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥', '', '90', '%', '20'),
      ],
    });
  }
  if (rng.chance(0.3)) tables.forEach((t, i) => { if (i > 0) t.lines.unshift(`— ${i + 9} —`, ''); });
  return tables;
}
