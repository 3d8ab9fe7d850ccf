/**
 * 一般公共预算财政拨款: income, spending, change, 基本支出 and 项目支出 with their purposes, and the
 * 人员经费/公用经费 breakdown of 基本支出.
 */
import { firstAmount, firstChange, labelAmount, purposeSpan, reasonSpan } from '../patterns.ts';
import { type ExtractContext, slice, toChange, findPara } from './context.ts';
import type { GeneralBudgetAppropriation } from '../../../../src/domain/schema/general-budget-appropriation.ts';
import type { SpendingPart } from '../../../../src/domain/schema/spending-part.ts';

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
