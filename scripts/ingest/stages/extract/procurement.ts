/**
 * 政府采购: the total and its 货物/工程/服务 parts (and those of 一般公共预算 when stated).
 */
import { firstAmount, labelAmount } from '../patterns.ts';
import { type ExtractContext, findPara } from './context.ts';
import type { Procurement } from '../../../../src/domain/schema/procurement.ts';

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
