/**
 * 国有资产占有使用: vehicles held and planned purchases.
 */
import { type ExtractContext, findPara } from './context.ts';
import type { Assets } from '../../../../src/domain/schema/assets.ts';

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
