import { describe, expect, test } from 'vitest';
import GlossaryEntry from '../GlossaryEntry.astro';
import { recentUsers } from '../users.ts';
import { count, render } from '../../record/__tests__/render.ts';
import type { GlossaryTerm } from '../../../domain/schema/glossary-term.ts';
import type { GlossaryUser } from '../../../domain/schema/glossary-user.ts';

const users = (n: number): GlossaryUser[] => Array.from({ length: n }, (_, i) => ({
  recordId: `d/u${i}/${2022 + (i % 5)}`, unit: `单位${i}`, year: 2022 + (i % 5),
}));

describe('recentUsers', () => {
  test('all of them when there are no more than the limit, in their order', () => {
    expect(recentUsers(users(3), 3)).toEqual({ shown: users(3), more: 0 });
  });

  test('the most recent years first, ties in their given order, and the count of the rest', () => {
    const { shown, more } = recentUsers(users(12), 4);
    expect(more).toBe(8);
    expect(shown.map((u) => u.unit)).toEqual(['单位4', '单位9', '单位3', '单位8']);
  });
});

describe('GlossaryEntry', () => {
  const term = (n: number): GlossaryTerm => ({
    key: '基本支出', slug: 'jibenzhichu', term: '基本支出', category: 'budget', code: null, codes: [],
    definitions: [{ text: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。', usedBy: users(n) }],
    usedBy: users(n),
  });

  test('a wording used by few disclosures links every one', async () => {
    const html = await render(GlossaryEntry, { term: term(3) });
    expect(count(html, /<a href="\/d\/u\d+\/\d{4}\/">/g)).toBe(3);
    expect(html).not.toContain('等，共');
  });

  test('a wording used by thousands links the most recent and counts the rest', async () => {
    const html = await render(GlossaryEntry, { term: term(5000), maxUsers: 20 });
    expect(count(html, /<a href="\/d\/u\d+\/\d{4}\/">/g)).toBe(20);
    expect(html).toContain('等，共 5000 份公开文件');
    expect(html).toContain('单位4 2026年');
    expect(html.length).toBeLessThan(6000);
  });
});

describe('GlossaryEntry with the site dictionary', () => {
  test('shows this site\'s plain definition first, then the documents\' wording', async () => {
    const html = await render(GlossaryEntry, { term: {
      key: '基本支出', slug: 'jibenzhichu', term: '基本支出', category: 'budget', code: null, codes: [],
      definitions: [{ text: '指为保障机构正常运转而发生的支出。', usedBy: users(1) }], usedBy: users(1),
    } });
    expect(html.indexOf('本站解释')).toBeGreaterThan(0);
    expect(html.indexOf('本站解释')).toBeLessThan(html.indexOf('公开文件中的解释'));
    expect(html).toContain('人员经费');
  });

  test('a site-only term says no document uses it yet, and links none', async () => {
    const html = await render(GlossaryEntry, { term: {
      key: '机关运行经费', slug: 'ji-guan-yun-xing-jing-fei', term: '机关运行经费', category: 'budget', code: null, codes: [], definitions: [], usedBy: [],
    } });
    expect(html).toContain('本站解释');
    expect(html).toContain('尚未使用这一名词');
    expect(html).not.toContain('出现于');
  });
});
