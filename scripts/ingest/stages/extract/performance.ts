/**
 * 绩效目标: the amount the performance targets cover.
 */
import { firstAmount } from '../patterns.ts';
import { type ExtractContext, findPara } from './context.ts';
import type { Performance } from '../../../../src/domain/schema/performance.ts';

export function extractPerformance(ctx: ExtractContext): Performance | null {
  const p = findPara(ctx, ['performance', 'otherMatters'], /绩效目标/, /^指/);
  if (!p) return null;
  ctx.usePara(p);
  ctx.prov('performance', p.line);
  return { coverageAmount: firstAmount(p.text)?.yuan ?? null, text: p.display, line: p.line };
}
