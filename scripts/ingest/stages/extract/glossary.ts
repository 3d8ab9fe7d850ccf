/**
 * 名词解释: term and definition pairs (a definition may wrap over several lines).
 */
import { parasOf } from '../sections.ts';
import type { ExtractContext } from './context.ts';
import type { GlossaryEntry } from '../../../../src/domain/schema/glossary-entry.ts';

/** Labels of a table's heading lines ("部门：中国共产党江苏省委员会办公厅", "单位：万元"), never glossary terms. */
const TABLE_HEADER_LABEL = /^(?:编制|预算|填报)?(?:部门|单位)(?:名称)?$/;

export function extractGlossary(ctx: ExtractContext): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const p of parasOf(ctx.sections, 'glossary')) {
    if (/联系人|联系方式|公开报表|详见附表|^附件[:：]/.test(p.text)) continue;
    const colon = p.text.search(/[:：]/);
    // A table's own heading line (部门：…, 单位：万元) means the glossary is over: the tables of a second file follow.
    if (colon > 0 && TABLE_HEADER_LABEL.test(p.text.slice(0, colon).trim())) break;
    if (colon > 0 && colon <= 40) {
      out.push({ term: p.display.slice(0, colon).trim(), definition: p.display.slice(colon + 1).trim(), line: p.line });
      ctx.usePara(p);
      ctx.prov(`glossary.${out.length - 1}`, p.line);
    } else if (out.length && !p.number) {
      // A definition wrapped over several lines.
      const last = out[out.length - 1]!;
      last.definition += p.display.trim();
      ctx.usePara(p);
    }
  }
  return out;
}
