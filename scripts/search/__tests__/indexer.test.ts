/**
 * The site's search indexer (scripts/search/): what it takes from a page, that its files are in the format
 * the search client reads (read back through src/client/search-engine.ts), deterministic, split into
 * bounded word chunks, and that previews and pages without a search body are never indexed.
 */
import { describe, expect, test } from 'vitest';
import { extractPage } from '../extract.ts';
import { indexPages } from '../index-site.ts';
import { byCodePoint, PagefindWriter, pack } from '../pagefind-writer.ts';
import { words } from '../tokenize.ts';
import { openIndex, search, type SearchIndex } from '../../../src/client/search-engine.ts';
import { parseWordChunk, unpack } from '../../../src/client/pagefind-format.ts';

const head = (unit: string, district: string, year: number, slug = `d${district.length}`) => `<head><title>${unit} - 公开</title>
<meta data-pagefind-meta="unit[content]" content="${unit}"><meta data-pagefind-meta="district[content]" content="${district}">
<meta data-pagefind-meta="year[content]" content="${year}"><meta data-pagefind-filter="district[content]" content="${slug}">
<meta data-pagefind-filter="year[content]" content="${year}"></head>`;

const open = (files: Map<string, Uint8Array>): Promise<SearchIndex> => openIndex(async (p) => {
  const b = files.get(p);
  if (!b) throw new Error(`missing ${p}`);
  return b;
});

describe('extractPage', () => {
  const html = `<!doctype html><html>${head('重庆市开州区财政局', '开州区', 2026)}<body><nav>导航文字</nav>
<main data-pagefind-body><h1>重庆市开州区财政局 <span>2026年部门预算</span></h1><p>一般公共预算&amp;拨款<b>主要</b>用于</p>
<script>var x = "脚本";</script><section data-pagefind-ignore><h2>原文</h2><div><p>原文第一行</p></div></section>
<table><tr><td>基本支出</td><td>1,422.80</td></tr></table><h2>三、“三公”经费</h2></main><footer>页脚</footer></body></html>`;
  const page = extractPage(html);

  test('reads only the body region, in blocks, without ignored, script or outside text', () => {
    expect(page.blocks).toEqual([
      { text: '重庆市开州区财政局 2026年部门预算', heading: 1 },
      { text: '一般公共预算&拨款主要用于', heading: 0 },
      { text: '基本支出', heading: 0 },
      { text: '1,422.80', heading: 0 },
      { text: '三、“三公”经费', heading: 2 },
    ]);
  });

  test('reads metadata and filters from <head>; the title is the first <h1>', () => {
    expect(page.meta).toEqual({ unit: '重庆市开州区财政局', district: '开州区', year: '2026', title: '重庆市开州区财政局 2026年部门预算' });
    expect(page.filters).toEqual({ district: ['d3'], year: ['2026'] });
  });

  test('anchors: elements with an id in the body, outside ignored ones, with the text they start with', () => {
    const anchored = extractPage(`<html><body><h2 id="outside">外</h2><main data-pagefind-body><h1 id="top">标题</h1>
<p>前文</p><section id="s"><h2 id="s1">一、<b>职责</b></h2><p>负责 <span id="n">管理</span> 工作</p></section>
<nav data-pagefind-ignore><a id="toc" href="#s1">目录</a></nav><p id="empty"></p></main></body></html>`);
    expect(anchored.anchors).toEqual([
      { element: 'h1', id: 'top', text: '标题', block: 0, offset: 0 },
      { element: 'section', id: 's', text: '', block: 2, offset: 0 },
      { element: 'h2', id: 's1', text: '一、职责', block: 2, offset: 0 },
      { element: 'span', id: 'n', text: '管理', block: 3, offset: 3 },
      { element: 'p', id: 'empty', text: '', block: 4, offset: 0 },
    ]);
    expect(anchored.blocks![3]!.text.slice(3)).toBe('管理 工作');
  });

  test('a page without a body region has no blocks', () => {
    expect(extractPage('<html><body><main><p>三公经费</p></main></body></html>').blocks).toBeNull();
  });
});

describe('tokenize', () => {
  test('splits like the client splits queries: Chinese words, lower-cased other words, NFKC', () => {
    expect(words('“三公”经费２０２６年 Alert 1,422.80')).toEqual(['三公', '经费', '2026', '年', 'alert', '1', '422.80']);
  });
});

describe('the written index', () => {
  const UNITS = ['财政局', '教育委员会', '卫生健康委员会', '政务服务中心', '图书馆', '医疗保障局'];
  const DISTRICTS = ['开州区', '渝中区', '巴南区'];
  const pages: [string, string][] = [];
  for (const [d, district] of DISTRICTS.entries()) {
    for (const [u, unit] of UNITS.entries()) {
      for (const year of [2024, 2025]) {
        const name = `重庆市${district}${unit}`;
        const body = `<main data-pagefind-body><h1>${name} ${year}年部门预算</h1>
<p>${year}年“三公”经费预算${u + d}.${year % 10}万元，比上年减少${u}万元。</p>
<p>${u % 2 ? '主要用于政务服务等重点工作。' : '负责政务信息的收集，为领导提供服务。'}编号Q${d}${u}${year}。</p></main>`;
        pages.push([`/d${d}/u${u}/${year}/`, `<!doctype html><html>${head(name, district, year, `d${d}`)}<body>${body}</body></html>`]);
      }
    }
  }
  pages.push(['/preview/', `<html>${head('预览单位', '开州区', 2026)}<body><aside class="banner-preview">预览稿</aside><main data-pagefind-body><p>三公经费 预览</p></main></body></html>`]);
  pages.push(['/about/', '<html><body><main><p>三公经费 关于</p></main></body></html>']);

  test('indexes exactly the pages with a body, refuses the preview', () => {
    const { report } = indexPages(pages);
    expect(report.refused).toEqual(['/preview/']);
    expect(report.indexed).toEqual(pages.slice(0, -2).map(([u]) => u));
  });

  test('is byte-for-byte deterministic', () => {
    const a = indexPages(pages).files;
    const b = indexPages(pages).files;
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(Buffer.compare(Buffer.from(v), Buffer.from(b.get(k)!)), k).toBe(0);
  });

  test('small chunks: words in code-point order, each chunk within its bounds, every query answered as with one chunk', async () => {
    const small = new Map<string, Uint8Array>();
    const writer = new PagefindWriter((p, c, packed) => small.set(p, packed ? pack(c) : c), { chunkBytes: 200 });
    for (const [url, html] of pages.slice(0, -2)) {
      const page = extractPage(html);
      writer.addPage(url, { ...page, blocks: page.blocks! });
    }
    writer.finish();
    const smallIndex = await open(small);
    const oneChunk = await open(indexPages(pages).files);
    expect(smallIndex.meta.chunks.length).toBeGreaterThan(10);
    expect(oneChunk.meta.chunks.length).toBeLessThan(smallIndex.meta.chunks.length);
    let previous = '';
    for (const c of smallIndex.meta.chunks) {
      const list = parseWordChunk(await unpack(small.get(`index/${c.hash}.pf_index`)!, c.hash));
      expect(list[0]!.word).toBe(c.from);
      expect(list[list.length - 1]!.word).toBe(c.to);
      for (const w of list) {
        expect(byCodePoint(previous, w.word)).toBeLessThan(0);
        previous = w.word;
      }
    }
    const urls = async (index: SearchIndex, q: string, f?: Record<string, string>) => {
      const { hits } = await search(index, q, f);
      return Promise.all(hits.map(async (h) => (await index.fragment(h.page)).url));
    };
    for (const q of ['三公经费', '政务服务', '重庆市巴南区图书馆', '减少', 'q1', '2025', '医疗保障', '不存在']) {
      expect(await urls(smallIndex, q), q).toEqual(await urls(oneChunk, q));
    }
    expect(await urls(smallIndex, '', { district: 'd0', year: '2025' })).toEqual(pages.filter(([u]) => u.startsWith('/d0/') && u.endsWith('/2025/')).map(([u]) => u));
  });

  test('a phrase from the narrative finds exactly the pages that contain it; unit names rank their pages first', async () => {
    const index = await open(indexPages(pages).files);
    const urls = async (q: string) => {
      const { hits } = await search(index, q);
      return Promise.all(hits.map(async (h) => (await index.fragment(h.page)).url));
    };
    const containing = (s: string) => pages.slice(0, -2).filter(([, h]) => h.replace(/<[^>]*>/g, '').includes(s)).map(([u]) => u).sort();
    expect((await urls('政务服务')).sort()).toEqual(containing('政务服务'));
    expect((await urls('为领导提供服务')).sort()).toEqual(containing('为领导提供服务'));
    expect((await urls('三公经费')).sort()).toEqual(pages.slice(0, -2).map(([u]) => u).sort());
    const found = await urls('重庆市渝中区卫生健康委员会');
    expect(found.slice(0, 2).sort()).toEqual(['/d1/u2/2024/', '/d1/u2/2025/']);
  });
});

describe('phrases and punctuation', () => {
  test('a punctuation mark takes a position, so a phrase does not skip words listed with 、', async () => {
    const html = `<html>${head('某单位', '开州区', 2026)}<body><main data-pagefind-body><p>统筹、指导、协调、监督全区电子政务工作。</p></main></body></html>`;
    const index = await open(indexPages([['/a/', html]]).files);
    expect((await search(index, '统筹协调全区电子政务')).hits).toEqual([]);
    expect((await search(index, '监督全区电子政务')).hits).toHaveLength(1);
    expect((await search(index, '“协调”监督')).hits).toHaveLength(1);
  });
});
