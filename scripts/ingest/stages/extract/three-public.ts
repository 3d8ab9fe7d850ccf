/**
 * “三公”经费: the total and its four items, with their changes, from the 三公 section only.
 */
import { parasOf } from '../sections.ts';
import { firstChange, hasAmount, labelAmount } from '../patterns.ts';
import { type ExtractContext, toChange } from './context.ts';
import type { ThreePublic } from '../../../../src/domain/schema/three-public.ts';
import type { ThreePublicItem } from '../../../../src/domain/schema/three-public-item.ts';

const THREE_PUBLIC_ITEMS: [keyof Omit<ThreePublic, 'total'>, string][] = [
  ['outboundTravel', '因公出国\\s*\\(\\s*境\\s*\\)\\s*费(?:用)?|因公出国(?:境)?费(?:用)?'],
  ['reception', '公务接待费(?:用)?'],
  ['vehicleOperation', '公务用车运行(?:维护)?费(?:用)?'],
  ['vehiclePurchase', '公务用车购置费(?:用)?'],
];

export function extractThreePublic(ctx: ExtractContext): ThreePublic {
  const blank = (): ThreePublicItem => ({ amount: null, change: null, inferred: false, line: null });
  const result: ThreePublic = { total: blank(), outboundTravel: blank(), reception: blank(), vehicleOperation: blank(), vehiclePurchase: blank() };
  // Only the sections that own the figures: the 三公 section, else a paragraph of 其他重要事项 itself that
  // states them. A paragraph elsewhere that mentions 三公 in passing ("项目支出20万元，含“三公”经费2万元")
  // is never read: the figures are then missing, never borrowed.
  const paras = parasOf(ctx.sections, 'threePublic');
  const candidates = paras.length ? paras : ctx.sections
    .filter((s) => s.kind === 'otherMatters')
    .flatMap((s) => s.paras.filter((p) => !p.toc && /三公/.test(p.text) && hasAmount(p.text)));
  const itemLabels = THREE_PUBLIC_ITEMS.map(([, l]) => l).join('|');
  for (const p of candidates) {
    if (/^指|名词/.test(p.text)) continue;
    let any = false;
    if (result.total.amount === null) {
      const t = labelAmount(p.text, '三公\\S?\\s*经费(?:支出)?(?:预算)?(?:总额)?(?:合计)?', 0, true);
      if (t) {
        const firstItem = p.text.slice(t.end).search(new RegExp(itemLabels));
        const end = firstItem >= 0 ? t.end + firstItem : p.text.length;
        const c = firstChange(p.text, t.end, end);
        result.total = { amount: t.yuan, change: c ? toChange(p, c, end) : null, inferred: false, line: p.line };
        ctx.prov('threePublic.total.amount', p.line);
        any = true;
      }
    }
    // Each item's clause runs to the next item's label.
    const positions = THREE_PUBLIC_ITEMS.map(([key, label]) => {
      const a = labelAmount(p.text, label, 0, true);
      return { key, a };
    }).filter((x) => x.a).sort((x, y) => x.a!.labelStart - y.a!.labelStart);
    positions.forEach(({ key, a }, i) => {
      const end = positions[i + 1]?.a!.labelStart ?? p.text.length;
      const c = firstChange(p.text, a!.end, end);
      result[key] = { amount: a!.yuan, change: c ? toChange(p, c, end) : null, inferred: false, line: p.line };
      ctx.prov(`threePublic.${key}.amount`, p.line);
      any = true;
    });
    if (any) ctx.usePara(p);
  }
  // One item unreadable but determined by the total and the others: infer it (marked `inferred`; the record
  // check threePublic.inferred, checks/three-public-inferred.ts, says so).
  const missing = THREE_PUBLIC_ITEMS.filter(([k]) => result[k].amount === null);
  if (result.total.amount !== null && missing.length === 1) {
    const [key] = missing[0]!;
    const others = THREE_PUBLIC_ITEMS.filter(([k]) => k !== key).reduce((s, [k]) => s + (result[k].amount ?? 0), 0);
    const line = result.total.line;
    result[key] = { amount: result.total.amount - others, change: null, inferred: true, line };
  }
  return result;
}
