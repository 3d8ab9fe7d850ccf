/**
 * 收入预算: the total, 上年结转, the income sources (一般公共预算拨款, 政府性基金, 事业收入…) and the change.
 */
import { changes, firstAmount, labelAmount } from '../patterns.ts';
import { figureStrayCharacters } from '../../checks/figure-stray-characters.ts';
import { type ExtractContext, toChange, findPara, totalOf } from './context.ts';
import type { Income } from '../../../../src/domain/schema/income.ts';
import type { LineAmount } from '../../../../src/domain/schema/line-amount.ts';

/** Income sources: identifier → label pattern (regex source on the matching form). */
const INCOME_SOURCES: [string, string][] = [
  ['generalBudget', '一般公共预算(?:财政)?拨款(?:收入)?'],
  ['governmentFund', '政府性基金(?:预算)?(?:财政)?拨款(?:收入)?'],
  ['stateCapitalBudget', '国有资本经营预算(?:财政)?(?:拨款)?(?:收入)?'],
  ['institutionIncome', '(?<!单位经营|经营)事业收入'],
  ['institutionBusinessIncome', '事业单位经营收入|经营收入'],
  ['otherIncome', '其他收入'],
];

export function extractIncome(ctx: ExtractContext): Income {
  const p = findPara(ctx, ['income', 'overview'], /收入预算|收入总(?:预算|计)|年初预算数/, /支出预算/, true, true);
  if (!p) return { total: null, carriedForward: null, sources: [], change: null, line: null };
  ctx.usePara(p);
  const total = totalOf(p);
  ctx.prov('income.total', p.line);
  const sources: LineAmount[] = [];
  const qizhong = p.text.search(/其中/);
  const from = qizhong >= 0 ? qizhong : (total?.end ?? 0);
  // A comparison may precede 其中 ("收入预算总额X万元，比上年增长5.1%，其中：…"); only one after the
  // sources ends them.
  const allChanges = changes(p.text);
  const changeAt = allChanges.find((c) => c.start > from)?.start ?? p.text.length;
  for (const [key, label] of INCOME_SOURCES) {
    const a = labelAmount(p.text, label, from, true);
    if (!a || a.labelStart >= changeAt) continue;
    const cf = /^[,，、]?\s*上年结转\s*/.exec(p.text.slice(a.end));
    const carried = cf ? firstAmount(p.text, a.end, a.end + cf[0].length + 20) : null;
    sources.push({ key, label: p.display.slice(a.labelStart, a.start).replace(/\s+$/, ''), amount: a.yuan, carriedForward: carried?.yuan ?? null, line: p.line });
    ctx.prov(`income.sources.${key}`, p.line);
  }
  sources.sort((a, b) => p.text.indexOf(a.label) - p.text.indexOf(b.label));
  // 上年结转 of the total: right after the total ("年初预算数609.35万元，上年结转0万元").
  let carriedForward: number | null = null;
  if (total) {
    const cf = /^[,，]?\s*(?:其中[:：]?\s*)?上年结转/.exec(p.text.slice(total.end));
    if (cf) carriedForward = firstAmount(p.text, total.end)?.yuan ?? null;
  }
  ctx.findings.push(...figureStrayCharacters.run({ text: p.text, line: p.line }));
  const change = toChange(p, allChanges[0] ?? null);
  if (change) ctx.prov('income.change', p.line);
  return { total: total?.yuan ?? null, carriedForward, sources, change, line: p.line };
}
