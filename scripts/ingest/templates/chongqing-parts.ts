/**
 * The Chongqing variant in parts: "第一部分 …概况 / 第二部分 …预算情况说明 / 第三部分 名词解释", with the
 * attached tables as a part of their own ("第二部分：2026年部门预算公开报表"). It adds only its numbering:
 * a part is the outermost heading, and its sections inside use the chongqing template's vocabulary.
 * (A variant as its own module: the stages do not change when it is added or removed.)
 */
import type { Template } from './types.ts';

export const chongqingParts: Template = {
  id: 'chongqing-parts',
  description: 'Chongqing disclosures divided into 第一部分/第二部分/… parts.',
  headingStyles: [{ depth: 0, re: /^(第[一二三四五六七八九十百零〇\d]+部分)\s*[:、.]?\s*(.*)$/ }],
  sections: [],
  tableTitles: [],
};
