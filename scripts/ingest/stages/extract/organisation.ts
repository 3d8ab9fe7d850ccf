/**
 * Organisation: 职能职责 (duties, per unit when a department lists its units) and 单位构成 (internal
 * divisions, subordinate units with their staff numbers).
 */
import { parasOf } from '../sections.ts';
import type { ExtractContext } from './context.ts';
import type { Duties } from '../../../../src/domain/schema/duties.ts';
import type { Structure } from '../../../../src/domain/schema/structure.ts';
import type { SubordinateUnit } from '../../../../src/domain/schema/subordinate-unit.ts';

export function extractDuties(ctx: ExtractContext): Duties[] {
  const groups: Duties[] = [];
  ctx.sections.forEach((s) => {
    if (s.kind !== 'duties') return;
    const parentIsDuties = s.parent >= 0 && ctx.sections[s.parent]!.kind === 'duties';
    const group: Duties = { unit: parentIsDuties ? s.title.trim() : null, intro: null, items: [] };
    for (const p of s.paras) {
      ctx.usePara(p);
      if (!p.number && /[:：]$/.test(p.display) && group.items.length === 0) { group.intro = p.display; continue; }
      group.items.push({ text: p.display, line: p.line });
    }
    if (group.items.length || group.intro) groups.push(group);
  });
  return groups;
}

export function extractStructure(ctx: ExtractContext): Structure {
  const paras = parasOf(ctx.sections, 'structure');
  const internalDivisions: string[] = [];
  const subordinateUnits: SubordinateUnit[] = [];
  const text: Structure['text'] = [];
  for (const p of paras) {
    ctx.usePara(p);
    text.push({ text: (p.number ? `${p.number}` : '') + p.display, line: p.line });
    const list = /(?:分别是|分别为|包括|即)\s*:?\s*([^。]+)/.exec(p.text);
    if (list && /(内设|下设|设有|科室|处室|机构)/.test(p.text)) {
      const start = list.index + list[0].length - list[1]!.length;
      internalDivisions.push(...p.display.slice(start, start + list[1]!.length).split(/[、,，;；]/).map((x) => x.trim()).filter(Boolean));
    } else if (p.inlineTitle && /(科|室|处|部|股|队|所|中心)$/.test(p.inlineTitle)) {
      internalDivisions.push(p.inlineTitle.trim());
    }
    if (/编制|实有|聘用|机构规格|经费渠道/.test(p.text)) {
      const flat = p.text;
      const name = /^(.+?)为/.exec(flat)?.[1] ?? null;
      const num = (re: RegExp) => { const m = re.exec(flat); return m ? Number(m[1]) : null; };
      const grab = (re: RegExp) => { const m = re.exec(flat); return m ? p.display.slice(m.index + m[0].length - m[1]!.length, m.index + m[0].length).trim() : null; };
      subordinateUnits.push({
        name: name ? p.display.slice(0, name.length).replace(/\s+/g, '') : p.display.slice(0, 20),
        kind: grab(/(?:为|是)(?:[^,，。]*?管理的)?([^,，。]*?(?:行政单位|事业单位|参公单位|企业))/),
        rank: grab(/机构规格(?:为|是)?\s*([^,，。;；]+)/),
        fundingChannel: grab(/经费渠道(?:为|是)?\s*([^,，。;；]+)/),
        authorisedStaff: num(/编制(?:员|数|人数)?(?:为)?\s*(\d+)\s*(?:人|名)/),
        actualStaff: num(/实有(?:人数|人员)?(?:为)?\s*(\d+)\s*(?:人|名)/),
        contractStaff: num(/聘用(?:人员|人数)?(?:为)?\s*(\d+)\s*(?:人|名)/),
        text: p.display,
        line: p.line,
      });
    }
  }
  return { text, internalDivisions, subordinateUnits };
}
