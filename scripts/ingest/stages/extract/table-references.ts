/**
 * Paragraphs that only point to the attached tables ("详见附表…", "附表：1.…").
 */
import { allParas, parasOf } from '../sections.ts';
import type { ExtractContext } from './context.ts';

/** Paragraphs that only point to the attached tables ("详见附表…", "附表：1.…"). */
export function markTableReferences(ctx: ExtractContext): void {
  const listed = new Set(parasOf(ctx.sections, 'tables'));
  for (const p of allParas(ctx.sections)) {
    if (/详见附表|公开报表|^附件[:：]/.test(p.text) || (listed.has(p) && /表/.test(p.text) && p.text.length <= 80)) ctx.usePara(p);
  }
}
