import { describe, expect, it } from 'vitest';
import { compileMatcher, findTerms } from '../glossary-matcher.ts';

const matcher = compileMatcher(['三公经费', '财政拨款', '一般公共预算财政拨款'], (term) => [term]);

/** Matches as [text as written, term]. */
const found = (text: string) => findTerms(text, matcher).map((m) => [text.slice(m.start, m.end), m.term]);

describe('findTerms', () => {
  it('returns leftmost-longest, non-overlapping matches with their original offsets', () => {
    expect(found('一般公共预算财政拨款与财政拨款')).toEqual([
      ['一般公共预算财政拨款', '一般公共预算财政拨款'],
      ['财政拨款', '财政拨款'],
    ]);
    expect(found('财政　拨款')).toEqual([['财政　拨款', '财政拨款']]);
  });

  it('takes a lone quote partner in, but never one that the previous match already took', () => {
    expect(found('“三公”经费')).toEqual([['“三公”经费', '三公经费']]);
    const text = '三公"经费"三公"经费';
    expect(findTerms(text, matcher).map((m) => [m.start, m.end])).toEqual([[0, 6], [6, 11]]);
  });

  it('keeps characters outside the Basic Multilingual Plane aligned', () => {
    expect(found('𠀀三公经费𠀀')).toEqual([['三公经费', '三公经费']]);
  });
});
