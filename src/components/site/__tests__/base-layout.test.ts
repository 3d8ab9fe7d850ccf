import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import Base from '../../../layouts/Base.astro';
import { LOCAL_SITE } from '../../../domain/site-config.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create({ astroConfig: { site: 'https://example.gov.cn', trailingSlash: 'always' } });
});

/** Renders the layout with an <h1> as its content (without the dev server's source-location attributes). */
async function render(props: Record<string, unknown>, path = '/kaizhou/'): Promise<string> {
  const html = await container.renderToString(Base, {
    props: { title: '开州区', ...props },
    slots: { default: '<h1>开州区</h1><p>正文</p>' },
    request: new Request(`https://example.gov.cn${path}`),
  });
  return html.replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, '');
}

const count = (html: string, re: RegExp): number => html.match(re)?.length ?? 0;

describe('Base layout', () => {
  test('declares Simplified Chinese, viewport and a title with the site name', async () => {
    const html = await render({ preview: false });
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>开州区 - 公开 · 预算公开</title>');
  });

  test('the page content supplies the only h1, inside main#main', async () => {
    const html = await render({ preview: false });
    expect(count(html, /<h1[\s>]/g)).toBe(1);
    expect(html).toMatch(/<main id="main"[^>]*>\s*<h1>开州区<\/h1>/);
  });

  test('the first focusable element is the skip link to #main', async () => {
    const html = await render({ preview: false });
    const body = html.slice(html.indexOf('<body'));
    expect(body).toMatch(/^<body>\s*<a class="skip-link" href="#main">跳到正文<\/a>/);
  });

  test('navigation links every section', async () => {
    const html = await render({ preview: false });
    for (const [href, label] of [['/', '首页'], ['/years/', '按年份'], ['/glossary/', '名词解释'], ['/search/', '搜索'], ['/data/', '开放数据']]) {
      expect(html).toMatch(new RegExp(`<a href="${href}"[^>]*>${label}</a>`));
    }
  });

  test('marks the current section in the navigation', async () => {
    const html = await render({ preview: false }, '/years/2026/');
    expect(html).toMatch(/<a href="\/years\/" aria-current="true">按年份<\/a>/);
    expect(html).not.toMatch(/<a href="\/" aria-current/);
  });

  test('noindex adds robots noindex; default pages are indexable', async () => {
    expect(await render({ preview: false, noindex: true })).toContain('<meta name="robots" content="noindex">');
    expect(await render({ preview: false })).not.toContain('name="robots"');
  });

  test('the sample site (demo: true) says 示例站点 in header and footer; built without an address it is never indexed', async () => {
    const html = await render({ preview: false });
    expect(html).toMatch(/<header class="site-header">[\s\S]*<span class="site-demo">示例站点<\/span>[\s\S]*<\/header>/);
    expect(html).toMatch(/<footer class="site-footer">[\s\S]*示例站点[\s\S]*<\/footer>/);
    const local = await AstroContainer.create({ astroConfig: { site: LOCAL_SITE, trailingSlash: 'always' } });
    const unaddressed = await local.renderToString(Base, {
      props: { title: '开州区', preview: false }, slots: { default: '<h1>开州区</h1>' }, request: new Request(`${LOCAL_SITE}kaizhou/`),
    });
    expect(unaddressed).toContain('<meta name="robots" content="noindex">');
    expect(unaddressed).toContain(`<link rel="canonical" href="${LOCAL_SITE}kaizhou/">`);
  });

  test('preview is never indexed; the banner is only on a record that is not published, and says which state', async () => {
    const preview = await render({ preview: true });
    expect(preview).toContain('<meta name="robots" content="noindex">');
    expect(preview, 'a preview page of a published record has no banner').not.toContain('banner-preview');
    const draft = await render({ preview: true, unpublished: { state: { kind: 'draft' } } });
    expect(draft).toMatch(/<aside class="banner-preview"[^>]*data-state="draft"/);
    expect(draft).toContain('预览稿 · 草稿');
    expect(await render({ preview: true, unpublished: { state: { kind: 'embargoed', publishAt: '2026-06-01' } } })).toContain('预览稿 · 定于 2026-06-01 发布');
    const correction = await render({ preview: true, unpublished: { state: { kind: 'correction', publishAt: null }, publishedHref: '/a/b/2026/v1/' } });
    expect(correction).toContain('预览稿 · 更正稿（将替换已发布版本）');
    expect(correction).toContain('<a href="/a/b/2026/v1/">查看已发布版本</a>');
    expect(await render({ preview: false, unpublished: { state: { kind: 'draft' } } })).not.toContain('预览稿');
  });

  test('canonical and og:url are absolute on the site; og:title and description are set', async () => {
    const html = await render({ preview: false, description: '开州区各单位' });
    expect(html).toContain('<link rel="canonical" href="https://example.gov.cn/kaizhou/">');
    expect(html).toContain('<meta property="og:url" content="https://example.gov.cn/kaizhou/">');
    expect(html).toContain('<meta property="og:title" content="开州区 - 公开 · 预算公开">');
    expect(html).toContain('<meta property="og:description" content="开州区各单位">');
  });

  test('has no inline script or style', async () => {
    const html = await render({ preview: true });
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });
});
