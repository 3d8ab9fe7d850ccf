/**
 * 支出预算: the total, spending by function class (…支出X万元), the change and its 基本/项目 parts.
 */
import { AMOUNT_SRC, amounts, changes } from '../patterns.ts';
import { type ExtractContext, toChange, findPara, totalOf } from './context.ts';
import type { Change } from '../../../../src/domain/schema/change.ts';
import type { Expenditure } from '../../../../src/domain/schema/expenditure.ts';
import type { LineAmount } from '../../../../src/domain/schema/line-amount.ts';

export function extractExpenditure(ctx: ExtractContext): Expenditure {
  const p = findPara(ctx, ['expenditure', 'overview'], /支出预算|支出总(?:预算|计)/, /一般公共预算财政拨款收入|^(?!.*支出预算).*收入预算/, true, true);
  const empty: Expenditure = { total: null, byFunction: [], change: null, basicChange: null, projectChange: null, line: null };
  if (!p) return empty;
  ctx.usePara(p);
  const total = totalOf(p);
  ctx.prov('expenditure.total', p.line);
  const allChanges = changes(p.text);
  const changeAt = allChanges[0]?.start ?? p.text.length;
  const byFunction: LineAmount[] = [];
  const qizhong = p.text.search(/其中/);
  const region = p.text.slice(qizhong >= 0 ? qizhong : (total?.end ?? 0), changeAt);
  const regionOffset = qizhong >= 0 ? qizhong : (total?.end ?? 0);
  // "一般公共服务支出预算1301.88万元", "卫生健康支出116.26万元": a class name ends with 支出.
  const re = new RegExp(String.raw`([\u4e00-\u9fa5()（）、]{2,20}?支出)(?:预算|为|是|:)*\s*${AMOUNT_SRC}`, 'g');
  for (let m = re.exec(region); m; m = re.exec(region)) {
    let label = m[1]!.replace(/^(?:其中|:|、|,)+/, '');
    // 基本/项目 and funding sources are not function classes.
    if (/^(基本|项目)支出$|财政拨款|一般公共预算|政府性基金|国有资本/.test(label)) continue;
    const a = amounts(m[0])[0];
    if (!a) continue;
    const start = regionOffset + m.index + (m[1]!.length - label.length);
    label = p.display.slice(start, start + label.length);
    byFunction.push({ key: null, label, amount: a.yuan, line: p.line });
  }
  byFunction.forEach((f, i) => ctx.prov(`expenditure.byFunction.${i}`, p.line));
  const change = toChange(p, allChanges[0] ?? null, allChanges[0] ? p.text.search(/主要是|主要原因/) >= 0 ? p.text.length : undefined : undefined);
  if (change) ctx.prov('expenditure.change', p.line);
  // "主要是基本支出预算增加97.02万元，项目支出预算增加35万元"
  const part = (label: string): Change | null => {
    const m = new RegExp(`${label}(?:预算|经费)?(?:拨款)?\\s*(增加|增长|减少|下降|持平)\\s*(?:${AMOUNT_SRC})?`).exec(p.text.slice(changeAt));
    if (!m) return null;
    const n = m[2] ? amounts(`${m[2]}${m[3]}`)[0]?.yuan ?? null : 0;
    return { amount: n === null ? null : /减少|下降/.test(m[1]!) && n !== 0 ? -n : n, comparedYear: allChanges[0]?.comparedYear ?? null, reason: null, line: p.line };
  };
  return { total: total?.yuan ?? null, byFunction, change, basicChange: part('基本支出'), projectChange: part('项目支出'), line: p.line };
}
