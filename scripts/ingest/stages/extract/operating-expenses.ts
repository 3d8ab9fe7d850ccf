/**
 * 机关运行经费: the amount, or the statement that the unit is not in its scope.
 */
import { firstAmount, firstChange, labelAmount, purposeSpan } from '../patterns.ts';
import { type ExtractContext, slice, toChange, findPara } from './context.ts';
import type { OperatingExpenses } from '../../../../src/domain/schema/operating-expenses.ts';

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
