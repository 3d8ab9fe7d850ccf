/**
 * 政府性基金预算: income and spending, or the statement that the unit has none.
 */
import { firstChange, labelAmount } from '../patterns.ts';
import { type ExtractContext, toChange, findPara } from './context.ts';
import type { GovernmentFund } from '../../../../src/domain/schema/government-fund.ts';

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
