import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import Base from '../../../layouts/Base.astro';
import { searchMeta } from '../../../lib/search-meta.ts';
import { hasSearchBody, isPreviewPage } from '../../../../scripts/search/index-site.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create({ astroConfig: { site: 'https://example.gov.cn', trailingSlash: 'always' } });
});

const record = {
  identity: { unit: '重庆市开州区政务信息中心 "<b>', city: '重庆市', district: '开州区', year: 2026 },
  slug: { district: 'kaizhou', unit: 'zhengwuxinxizhongxin' },
} as Parameters<typeof searchMeta>[0];

async function render(props: Record<string, unknown>): Promise<string> {
  const html = await container.renderToString(Base, {
    props: { title: 't', ...props },
    slots: { default: '<h1>t</h1>' },
    request: new Request('https://example.gov.cn/kaizhou/zhengwuxinxizhongxin/2026/'),
  });
  return html.replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, '');
}

describe('Base layout search prop', () => {
  test('marks <main> as the search body and writes metadata and filters into <head>, escaped', async () => {
    const html = await render({ preview: false, search: searchMeta(record) });
    expect(html).toMatch(/<main id="main"[^>]* data-pagefind-body(="")?[ >]/);
    expect(hasSearchBody(html)).toBe(true);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<meta data-pagefind-meta="unit[content]" content="重庆市开州区政务信息中心 &quot;<b>">');
    expect(head).toContain('<meta data-pagefind-meta="district[content]" content="开州区">');
    expect(head).toContain('<meta data-pagefind-meta="year[content]" content="2026">');
    expect(head).toContain('<meta data-pagefind-filter="district[content]" content="kaizhou">');
    expect(head).toContain('<meta data-pagefind-filter="year[content]" content="2026">');
    expect(head).toMatch(/<meta data-pagefind-meta="names\[content\]" content="zhengwuxinxizhongxin[^"]* zwxxzx[^"]* chongqingshikaizhouquzhengwuxinxizhongxin/);
  });

  test('pages without the prop are not searchable', async () => {
    const html = await render({ preview: false });
    expect(hasSearchBody(html)).toBe(false);
    expect(html).not.toContain('data-pagefind');
  });

  test('a preview page is never searchable and is recognised as preview', async () => {
    const html = await render({ preview: true, search: searchMeta(record) });
    expect(hasSearchBody(html)).toBe(false);
    expect(html).not.toContain('data-pagefind');
    expect(isPreviewPage(html)).toBe(true);
    expect(isPreviewPage(await render({ preview: false }))).toBe(false);
  });
});
