/**
 * Shanghai district 部门预算 and 单位预算 (上海市普陀区2025年区级部门预算): a cover naming the
 * 预算主管部门 (or 预算单位), then unnumbered section titles — …主要职能 / …机构设置 / 名词解释 /
 * 2025年部门预算编制说明 / the tables (in 元, with 分; the 三公 table in 万元) / 其他相关情况说明 /
 * 项目经费情况说明. A department may cover several budget units (本部 + 下属单位) and state figures only for
 * the whole department.
 *
 * Its sentences: "一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元", "政府性基金拨款支出预算0万元",
 * "…机关运行经费预算为213.28万元", "公务用车购置费0万元，与2024年预算持平".
 */
import type { Template } from './types.ts';
import {
  AMOUNT, fillOperatingExpenses, findSentence, signedChange, yuanOf,
  type FamilyDocument, type FamilyParts, type FamilyTrace,
} from './hooks.ts';

const A = AMOUNT;

/** Its own section titles: "2025年部门预算编制说明" (or 单位预算编制说明) and "其他相关情况说明". */
function detect(doc: FamilyDocument): boolean {
  return doc.lines.some((l) => /^\d{4}年(?:部门|单位)预算编制说明$/.test(l)) && doc.lines.some((l) => /^其他相关情况说明$/.test(l));
}

function refine(doc: FamilyDocument, r: FamilyParts, t: FamilyTrace): void {
  const explanation = doc.paras.filter((p) => p.section === 'budgetExplanation');
  const gba = r.generalBudgetAppropriation;

  // "一般公共预算拨款支出预算X万元，比2024年预算减少Y万元" (持平 → 0).
  const said = findSentence(explanation, new RegExp(`一般公共预算拨款支出预算${A},?比(\\d{4})年预算(增加|减少|持平)(?:${A})?`));
  if (said) {
    const spent = yuanOf(said.m[1]!, said.m[2]!);
    if (gba.expenditure === null && spent !== null) {
      gba.expenditure = spent;
      t.prov('generalBudgetAppropriation.expenditure', said.p.line);
    }
    const amount = signedChange(said.m[4], said.m[5], said.m[6]);
    if (!gba.change && amount !== null) {
      gba.change = { amount, comparedYear: Number(said.m[3]), reason: null, line: said.p.line };
      t.prov('generalBudgetAppropriation.change', said.p.line);
    }
    t.use(said.p.line);
  }

  // "政府性基金拨款支出预算0万元" (or the empty table's note "本部门2025年无政府性基金预算财政拨款安排的预算").
  if (!r.governmentFund || (r.governmentFund.income === null && r.governmentFund.expenditure === null)) {
    const gf = findSentence(explanation, new RegExp(`政府性基金拨款支出预算${A}`));
    const yuan = gf ? yuanOf(gf.m[1]!, gf.m[2]!) : null;
    if (gf && yuan !== null) {
      r.governmentFund = { income: null, expenditure: yuan, change: null, none: yuan === 0, text: gf.p.display, line: gf.p.line };
      if (yuan === 0) r.governmentFund.income = 0;
      t.use(gf.p.line);
      t.prov('governmentFund', gf.p.line);
    }
  }

  // "…财政拨款的机关运行经费预算为213.28万元" under 其他相关情况说明.
  fillOperatingExpenses(r, t, findSentence(doc.paras.filter((p) => p.section === 'operatingExpenses'), new RegExp(`机关运行经费预算为${A}`)));
}

export const shanghai: Template = {
  id: 'shanghai',
  description: 'Shanghai district 部门预算 / 单位预算: unnumbered section titles, tables in 元, 其他相关情况说明.',
  headingStyles: [],
  sections: [],
  tableTitles: [],
  detect,
  refine,
};
