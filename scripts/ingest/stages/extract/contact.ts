/**
 * The 联系人 / 联系电话 line.
 */
import { allParas } from '../sections.ts';
import type { ExtractContext } from './context.ts';

/** Who answers questions about the disclosure, and the line that says so. */
export interface Contact { name: string | null; phone: string | null; line: number | null }

export function extractContact(ctx: ExtractContext): Contact {
  for (const p of allParas(ctx.sections)) {
    const m = /联系人\s*:\s*([\u4e00-\u9fa5·]{2,8}|[^\s;；,，:]{2,12})[\s;；,，]*(?:联系(?:方式|电话)|电话)\s*:\s*([\d\-—－()\s]{7,20}\d)/.exec(p.text);
    if (m) {
      ctx.usePara(p);
      ctx.prov('contact', p.line);
      const phoneStart = p.text.indexOf(m[2]!, m.index + m[0].length - m[2]!.length);
      return { name: m[1]!.trim(), phone: p.text.slice(phoneStart, phoneStart + m[2]!.length).replace(/\s+/g, ''), line: p.line };
    }
    const n = /联系人\s*:\s*([\u4e00-\u9fa5·]{2,8})/.exec(p.text);
    if (n) {
      ctx.usePara(p);
      ctx.prov('contact', p.line);
      const ph = /(?:联系(?:方式|电话)|电话)\s*:\s*([\d\-()]{7,20})/.exec(p.text);
      return { name: n[1]!, phone: ph?.[1] ?? null, line: p.line };
    }
  }
  return { name: null, phone: null, line: null };
}
