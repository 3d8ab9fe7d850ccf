import { describe, expect, it } from 'vitest';
import { extractDuties, extractStructure } from '../organisation.ts';
import { contextOf } from './doc.ts';

describe('organisation', () => {
  it('reads duties as items under their intro', () => {
    const duties = extractDuties(contextOf('一、基本情况\n（一）职能职责\n主要职责是：\n1.负责示例服务工作。\n2.完成交办的其他工作。\n'));
    expect(duties).toEqual([{ unit: null, intro: '主要职责是：', items: [{ text: '负责示例服务工作。', line: 4 }, { text: '完成交办的其他工作。', line: 5 }] }]);
  });

  it('reads internal divisions and a subordinate unit with its staff', () => {
    const s = extractStructure(contextOf('（二）机构设置\n本单位内设机构分别是：办公室、业务科。\n示例中心为区财政局管理的公益一类事业单位，编制10人，实有8人。\n'));
    expect(s.internalDivisions).toEqual(['办公室', '业务科']);
    expect(s.subordinateUnits.map((u) => [u.name, u.authorisedStaff, u.actualStaff])).toEqual([['示例中心', 10, 8]]);
  });
});
