/**
 * The search engine against two indexes of the same small pages, read back through the Loader interface:
 * one written by the site's indexer (scripts/search/, what `npm run build` runs) and one written by
 * Pagefind 1.6 itself (its Node API: language zh-cn, body regions, metadata and filters in <head>). Both
 * must answer every query the same way, so the site's files stay in Pagefind's format and the reader
 * stays honest about that format.
 */
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chunksFor, compareCodePoints, excerpt, matchAt, openIndex, PHRASE_JOINER, queryParts, search, sectionAt, snippet, type SearchIndex } from '../search-engine.ts';
import { parseEntry, stripSignature, unpack } from '../pagefind-format.ts';
import { indexPages } from '../../../scripts/search/index-site.ts';

function page(opts: { unit: string; district: string; slug: string; year: number; body: string }): string {
  return `<!doctype html><html lang="zh-CN"><head><title>${opts.unit}</title>
<meta data-pagefind-meta="unit[content]" content="${opts.unit}">
<meta data-pagefind-meta="district[content]" content="${opts.district}">
<meta data-pagefind-meta="year[content]" content="${opts.year}">
<meta data-pagefind-filter="district[content]" content="${opts.slug}">
<meta data-pagefind-filter="year[content]" content="${opts.year}">
</head><body><nav>导航 搜索 三公经费</nav><main data-pagefind-body><h1>${opts.unit} ${opts.year}年部门预算</h1>${opts.body}</main></body></html>`;
}

const PAGES: Record<string, string> = {
  '/kaizhou/a/2026/': page({
    unit: '重庆市开州区政务信息中心', district: '开州区', slug: 'kaizhou', year: 2026,
    body: '<h2 id="s1">一、收支预算</h2><p>2026年“三公”经费预算1.6万元。主要用于政务服务等重点工作。</p>'
      + '<section id="part-2"><h2 id="s2">二、部门职责</h2><p>负责区政务服务中心日常运行<span id="n1">管理</span>工作。</p></section>'
      + '<div data-pagefind-ignore><h2 id="hidden">目录</h2></div>',
  }),
  '/kaizhou/a/2024/': page({
    unit: '重庆市开州区政务信息中心', district: '开州区', slug: 'kaizhou', year: 2024,
    body: '<p>2024年“三公”经费预算1.7万元。</p>',
  }),
  '/yuzhong/b/2026/': page({
    unit: '重庆市渝中区人民政府办公室', district: '渝中区', slug: 'yuzhong', year: 2026,
    body: '<p>负责政务信息的收集，为领导提供服务。机关运行经费12万元。</p><p>Alert &lt;script&gt; test</p>',
  }),
  '/not/searchable/': '<!doctype html><html lang="zh-CN"><body><p>政务服务 三公经费</p></body></html>',
};

const opener = (byPath: Map<string, Uint8Array>) => openIndex(async (path) => {
  const bytes = byPath.get(path);
  if (!bytes) throw new Error(`missing ${path}`);
  return bytes;
});

const BUILDERS: Record<string, () => Promise<SearchIndex>> = {
  'the site indexer': () => opener(indexPages(Object.entries(PAGES)).files),
  'Pagefind 1.6': async () => {
    const { index: pf } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    for (const [url, content] of Object.entries(PAGES)) await pf!.addHTMLFile({ url, content });
    const { files } = await pf!.getFiles();
    await pagefind.close();
    return opener(new Map(files.map((f) => [f.path, f.content])));
  },
};

afterAll(() => pagefind.close());

describe('queryParts', () => {
  test('splits Chinese runs from other words, drops punctuation, lower-cases', () => {
    expect(queryParts(' “三公”经费 2026年 Alert(1) 1.6万元 ')).toEqual([
      { kind: 'han', text: '三公' }, { kind: 'han', text: '经费' }, { kind: 'word', text: '2026' },
      { kind: 'han', text: '年' }, { kind: 'word', text: 'alert' }, { kind: 'word', text: '1' },
      { kind: 'word', text: '1.6' }, { kind: 'han', text: '万元' },
    ]);
    expect(queryParts('<script>')).toEqual([{ kind: 'word', text: 'script' }]);
    expect(queryParts('，。！ ')).toEqual([]);
  });
});

describe.each(Object.keys(BUILDERS))('search over an index written by %s', (builder) => {
  let index: SearchIndex;
  const urls = async (query: string, filters?: Record<string, string>) => {
    const { hits } = await search(index, query, filters);
    return Promise.all(hits.map(async (h) => (await index.fragment(h.page)).url));
  };

  beforeAll(async () => {
    index = await BUILDERS[builder]!();
  });

  test('only data-pagefind-body pages are indexed', () => {
    expect(index.meta.pages).toHaveLength(3);
  });

  test('a term split by the indexer and by punctuation (“三公”经费) finds every page that has it', async () => {
    expect((await urls('三公经费')).sort()).toEqual(['/kaizhou/a/2024/', '/kaizhou/a/2026/']);
  });

  test('a phrase needs its words next to each other: 政务服务 does not match 政务信息…服务', async () => {
    expect(await urls('政务服务')).toEqual(['/kaizhou/a/2026/']);
    expect((await urls('政务')).sort()).toEqual(['/kaizhou/a/2024/', '/kaizhou/a/2026/', '/yuzhong/b/2026/']);
  });

  test('a unit name finds that unit first', async () => {
    const found = await urls('重庆市开州区政务信息中心');
    expect(found.slice(0, 2).sort()).toEqual(['/kaizhou/a/2024/', '/kaizhou/a/2026/']);
    expect(found).not.toContain('/yuzhong/b/2026/');
  });

  test('an unfinished last word matches as a prefix', async () => {
    expect(await urls('政务服')).toEqual(['/kaizhou/a/2026/']);
  });

  test('every query part must match; unknown words find nothing', async () => {
    expect(await urls('三公经费 渝中区')).toEqual([]);
    expect(await urls('不存在的词语')).toEqual([]);
    expect(await urls('')).toEqual([]);
  });

  test('other words are case-insensitive', async () => {
    expect(await urls('ALERT')).toEqual(['/yuzhong/b/2026/']);
    expect(await urls('script')).toEqual(['/yuzhong/b/2026/']);
  });

  test('filters by district and year, alone or with a query', async () => {
    expect(await urls('三公经费', { district: 'kaizhou', year: '2024' })).toEqual(['/kaizhou/a/2024/']);
    expect(await urls('政务', { district: 'yuzhong', year: '' })).toEqual(['/yuzhong/b/2026/']);
    expect(await urls('', { year: '2026' })).toEqual(['/kaizhou/a/2026/', '/yuzhong/b/2026/']);
    expect(await urls('三公经费', { district: 'nowhere' })).toEqual([]);
  });

  test('anchors: every element with an id in the indexed region, in order, with its text and first word', async () => {
    const { hits } = await search(index, '日常运行');
    const f = await index.fragment(hits[0]!.page);
    expect(f.url).toBe('/kaizhou/a/2026/');
    expect(f.anchors.map(({ element, id, text }) => ({ element, id, text }))).toEqual([
      { element: 'h2', id: 's1', text: '一、收支预算' },
      { element: 'section', id: 'part-2', text: '' },
      { element: 'h2', id: 's2', text: '二、部门职责' },
      { element: 'span', id: 'n1', text: '管理' },
    ]);
    // An anchor's location is the position of its first word ("一" of 一、收支预算, 管理 of the span).
    const at = async (word: string) => (await index.wordsWithPrefix(word)).filter((w) => w.word === word)
      .flatMap((w) => w.pages.filter((p) => p.page === hits[0]!.page).flatMap((p) => p.positions));
    const [s1, part2, s2, n1] = f.anchors.map((a) => a.location);
    expect(await at('一')).toContain(s1);
    expect(part2).toBe(s2);
    expect(await at('二')).toContain(s2);
    expect(await at('管理')).toContain(n1);
    expect(s1! < s2! && s2! < n1!).toBe(true);
  });

  test('a match links to the heading of the section holding it; none before the first heading', async () => {
    const section = async (query: string) => {
      const { hits, highlights } = await search(index, query, { district: 'kaizhou', year: '2026' });
      const f = await index.fragment(hits[0]!.page);
      const { match } = excerpt(f.content, highlights);
      return sectionAt(f.content, f.anchors, match)?.id ?? null;
    };
    expect(await section('日常运行')).toBe('s2');
    expect(await section('重点工作')).toBe('s1');
    expect(await section('部门职责')).toBe('s2');
    expect(await section('重庆市开州区政务信息中心')).toBeNull(); // in the <h1>, before every section
  });

  test('fragments carry unit, district and year metadata and the text as text', async () => {
    const { hits } = await search(index, 'alert');
    const f = await index.fragment(hits[0]!.page);
    expect(f.meta).toMatchObject({ unit: '重庆市渝中区人民政府办公室', district: '渝中区', year: '2026' });
    expect(f.filters).toEqual({ district: ['yuzhong'], year: ['2026'] });
    expect(f.content.replace(/\u200b/g, '')).toContain('Alert <script> test');
  });
});

describe('snippet', () => {
  test('cuts around the match showing the most highlights and marks every match', () => {
    const content = `经费${'前文'.repeat(100)}2026年“​三公​”​经费​预算。三公经费${'后文'.repeat(80)}`;
    const pieces = snippet(content, ['三公经费', `三公${PHRASE_JOINER}经费`]);
    const text = pieces.map((p) => p.text).join('');
    expect(text.startsWith('…前文')).toBe(true);
    expect(text.endsWith('后文…')).toBe(true);
    expect(text).not.toContain('\u200b');
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['三公”经费', '三公经费']);
  });

  test('the words of a phrase light up only together, never one by one', () => {
    const pieces = snippet('办公费3.21万元；公务接待费1.60万元，公务用车运行维护费0万元。', ['公务接待费', `公务${PHRASE_JOINER}接待${PHRASE_JOINER}费`]);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['公务接待费']);
  });

  test('a Latin word lights up only at the start of a word', () => {
    expect(matchAt('zhengwuxinxizhongxin xinxi', 21, 'xin')).toBe(3);
    expect(matchAt('zhengwuxinxizhongxin xinxi', 7, 'xin')).toBe(0);
  });

  test('an amount is never cut at either end', () => {
    const content = `${'甲'.repeat(20)}预算数1,051.74万元，三公经费0.00万元，合计12,345.67万元`;
    const text = snippet(content, ['三公经费'], 10, 30).map((p) => p.text).join('');
    expect(text).toContain('1,051.74');
    expect(text).toContain('12,345.67');
  });

  test('a cut start skips the block separator Pagefind inserts', () => {
    const content = `${'甲'.repeat(40)}情况说明. 一、单位基本情况。三公经费`;
    const text = snippet(content, ['三公经费'], 11).map((p) => p.text).join('');
    expect(text).toBe('…一、单位基本情况。三公经费');
  });

  test('starts at the beginning when nothing matches', () => {
    expect(snippet('一二三', ['四'])).toEqual([{ text: '一二三', mark: false }]);
  });

  test('keeps markup-like text as text', () => {
    expect(snippet('<img src=x onerror=alert(1)>', ['alert'])).toEqual([
      { text: '<img src=x onerror=', mark: false }, { text: 'alert', mark: true }, { text: '(1)>', mark: false },
    ]);
  });
});

describe('sectionAt', () => {
  const h = (id: string, text: string) => ({ element: 'h2', id, text, location: 0 });
  test('finds each heading as a whole block after the one before, not inside a sentence', () => {
    const content = '要点. 三公经费预算1.6万元. 一、职责. 负责三公经费管理。 三公经费. 本年三公经费0.5万元';
    const anchors = [h('s1', '一、职责'), { element: 'p', id: 'p', text: '负责三公经费管理。', location: 0 }, h('s2', '三公经费')];
    expect(sectionAt(content, anchors, content.indexOf('三公'))).toBeNull();
    expect(sectionAt(content, anchors, content.indexOf('负责'))?.id).toBe('s1');
    expect(sectionAt(content, anchors, content.lastIndexOf('三公'))?.id).toBe('s2');
    expect(sectionAt(content, anchors, -1)).toBeNull();
  });
});

describe('ranking', () => {
  test('equal relevance puts the newest year first', async () => {
    const page = (n: number) => ({ page: n, positions: [0], weight: 1, metaHits: 0 });
    const fake: SearchIndex = {
      meta: { version: '1.6.0', pages: [0, 1, 2].map(() => ({ hash: 'x', wordCount: 10 })) as never, chunks: [], filters: { year: 'y' } },
      wordsWithPrefix: async (prefix) => ('三公'.startsWith(prefix) ? [{ word: '三公', pages: [page(0), page(1), page(2)] }] : []),
      filter: async () => ({ 2024: [0], 2026: [1], 2025: [2] }),
      fragment: async () => { throw new Error('unused'); },
    };
    expect((await search(fake, '三公')).hits.map((h) => h.page)).toEqual([1, 2, 0]);
  });
});

describe('index layout helpers', () => {
  test('code-point order puts astral characters after U+FFFF like Pagefind (UTF-8) does', () => {
    expect(compareCodePoints('\u{20BB7}', '\uFF01')).toBeGreaterThan(0);
    expect('\u{20BB7}' < '\uFF01').toBe(true); // UTF-16 order differs
    expect(compareCodePoints('政务', '政务服务')).toBeLessThan(0);
  });

  test('chunksFor honours shortened chunk bounds', () => {
    const chunks = [
      { from: '0', to: '党', hash: 'a' }, { from: '入', to: '心一', hash: 'b' }, { from: '心下', to: '龙坡', hash: 'c' },
    ];
    expect(chunksFor('心一般', chunks).map((c) => c.hash)).toEqual(['b']);
    expect(chunksFor('心', chunks).map((c) => c.hash)).toEqual(['b', 'c']);
    expect(chunksFor('党组', chunks).map((c) => c.hash)).toEqual(['a']);
    expect(chunksFor('龙', chunks).map((c) => c.hash)).toEqual(['c']);
  });

  test('refuses other Pagefind versions and files without the signature', async () => {
    expect(() => parseEntry({ version: '1.5.0', languages: {} })).toThrow(/Pagefind 1\.5\.0/);
    expect(() => stripSignature(new TextEncoder().encode('not pagefind'), 'x')).toThrow(/signature/);
    await expect(unpack(new TextEncoder().encode('pagefind_dcd{}'), 'x')).resolves.toEqual(new TextEncoder().encode('{}'));
  });
});
