import type { Paragraph, Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  createGlossaryLinker, linkGlossaryInText, remarkGlossaryLinks, type GlossaryLinkOptions, type GlossaryLinkTerm,
} from '../glossary-links.ts';

const terms: GlossaryLinkTerm[] = [
  { key: '财政拨款', term: '财政拨款', href: '/glossary/#cai-zheng-bo-kuan', short: '从本级财政取得的拨款' },
  { key: '一般公共预算财政拨款', term: '一般公共预算财政拨款', href: '/glossary/#yi-ban', short: '' },
  { key: '三公经费', term: '“三公”经费', href: '/glossary/#san-gong-jing-fei', short: '因公出国（境）费等' },
  { key: '因公出国(境)费', term: '因公出国（境）费', href: '/glossary/#yin-gong', short: '' },
  { key: '6号', term: '6号', href: '/glossary/#hao', short: '' },
  { key: 'PPP', term: 'PPP', href: '/glossary/#ppp', short: '' },
];
const options: GlossaryLinkOptions = { terms };

/** Markdown → HTML through the plugin. */
function render(markdown: string, opts: GlossaryLinkOptions = options): string {
  return unified().use(remarkParse).use(remarkGlossaryLinks, opts).use(remarkRehype).use(rehypeStringify)
    .processSync(markdown).toString();
}

/** The data-term keys linked in an HTML string, in order. */
function linkedKeys(html: string): string[] {
  return [...html.matchAll(/data-term="([^"]*)"/g)].map((m) => m[1]!);
}

/** The text inside each generated term link, in order. */
function linkedTexts(html: string): string[] {
  return [...html.matchAll(/<span class="term" data-term="[^"]*"><a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

/** Runs the plugin's transformer on a hand-made tree. */
function transform(tree: Root, opts: GlossaryLinkOptions = options): Root {
  remarkGlossaryLinks(opts)(tree);
  return tree;
}

describe('remarkGlossaryLinks', () => {
  it('produces a link with a tooltip described by it', () => {
    expect(render('按财政拨款安排。')).toBe(
      '<p>按<span class="term" data-term="财政拨款"><a href="/glossary/#cai-zheng-bo-kuan" aria-describedby="term-tip-1">'
      + '财政拨款</a><span class="term-tip" role="tooltip" id="term-tip-1" data-pagefind-ignore="">从本级财政取得的拨款</span></span>安排。</p>',
    );
    expect(render('一般公共预算财政拨款', { terms, idPrefix: 'x-' })).toBe(
      '<p><span class="term" data-term="一般公共预算财政拨款"><a href="/glossary/#yi-ban">一般公共预算财政拨款</a></span></p>',
    );
  });

  it('takes the longest term first', () => {
    const html = render('一般公共预算财政拨款收入，其中财政拨款为主。');
    expect(linkedKeys(html)).toEqual(['一般公共预算财政拨款', '财政拨款']);
    expect(linkedTexts(html)).toEqual(['一般公共预算财政拨款', '财政拨款']);
  });

  it('does not link a shorter term inside a repeated longer one', () => {
    const html = render('一般公共预算财政拨款和一般公共预算财政拨款。');
    expect(linkedKeys(html)).toEqual(['一般公共预算财政拨款']);
  });

  it('links the first occurrence per section only', () => {
    const html = render('财政拨款与财政拨款。\n\n又是财政拨款。\n\n## 二、支出\n\n财政拨款。\n\n再次财政拨款。');
    expect(linkedKeys(html)).toEqual(['财政拨款', '财政拨款']);
    expect(html).toContain('<p>又是财政拨款。</p>');
    expect(html).toContain('<p>再次财政拨款。</p>');
    expect(html.indexOf('data-term')).toBeLessThan(html.indexOf('<h2>'));
    expect(html.lastIndexOf('data-term')).toBeGreaterThan(html.indexOf('<h2>'));
  });

  it('links once per document in document scope', () => {
    const html = render('财政拨款。\n\n## 二\n\n财政拨款。', { terms, scope: 'document' });
    expect(linkedKeys(html)).toEqual(['财政拨款']);
  });

  it('never links inside headings, links, inline code or code, and those do not use up the first occurrence', () => {
    const html = render([
      '# 财政拨款说明',
      '',
      '[财政拨款](https://example.org/) 与 `财政拨款` 与 [财政拨款][ref]',
      '',
      '```',
      '财政拨款',
      '```',
      '',
      '随后的财政拨款。',
      '',
      '[ref]: https://example.org/',
    ].join('\n'));
    expect(html).toContain('<h1>财政拨款说明</h1>');
    expect(html).toContain('<a href="https://example.org/">财政拨款</a>');
    expect(html).toContain('<code>财政拨款</code>');
    expect(html).toContain('<pre><code>财政拨款\n</code></pre>');
    expect(linkedKeys(html)).toEqual(['财政拨款']);
    expect(html).toContain('<p>随后的<span class="term"');
  });

  it('skips nodes marked data.noGlossary and elements of class source', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', data: { noGlossary: true }, children: [{ type: 'text', value: '财政拨款' }] },
        { type: 'blockquote', data: { hProperties: { className: ['source', 'x'] } }, children: [{ type: 'paragraph', children: [{ type: 'text', value: '财政拨款' }] }] },
        { type: 'paragraph', data: { hProperties: { class: 'raw source' } }, children: [{ type: 'text', value: '财政拨款' }] },
        { type: 'paragraph', children: [{ type: 'text', value: '财政拨款', data: { noGlossary: true } }] },
        {
          type: 'paragraph',
          children: [{
            type: 'mdxJsxTextElement', name: 'span', attributes: [{ type: 'mdxJsxAttribute', name: 'className', value: 'source' }],
            children: [{ type: 'text', value: '财政拨款' }],
          } as never],
        },
        { type: 'paragraph', children: [{ type: 'text', value: '三公经费和财政拨款' }] },
      ],
    };
    const before = structuredClone(tree.children.slice(0, 5));
    transform(tree);
    expect(tree.children.slice(0, 5)).toEqual(before);
    const last = tree.children[5] as Paragraph;
    expect(last.children.map((c) => c.type)).toEqual(['glossaryTerm', 'text', 'glossaryTerm']);
  });

  it('is idempotent: a second run leaves the tree as it is', () => {
    const tree = unified().use(remarkParse).parse('“三公”经费和财政拨款，三公经费。\n\n**财政拨款**与财政拨款。\n\n## 二\n\n财政拨款');
    transform(tree);
    const once = structuredClone(tree);
    transform(tree);
    expect(tree).toEqual(once);
    const html = unified().use(remarkRehype).use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree));
    expect(linkedKeys(html)).toEqual(['三公经费', '财政拨款', '财政拨款']);
    expect(html.match(/class="term"/g)).toHaveLength(3);
  });

  it('matches quote, bracket, width and space variants, keeping a quote pair inside the link', () => {
    const cases: [string, string][] = [
      ['支出“三公”经费。', '“三公”经费'],
      ['支出‘三公’经费。', '‘三公’经费'],
      ['支出「三公」经费。', '「三公」经费'],
      ['支出"三公"经费。', '"三公"经费'],
      ['支出三公经费。', '三公经费'],
      ['支出“三公经费”。', '三公经费'],
      ['因公出国(境)费', '因公出国(境)费'],
      ['因公出国（境）费', '因公出国（境）费'],
      ['因公出国 （ 境 ） 费', '因公出国 （ 境 ） 费'],
    ];
    for (const [text, linked] of cases) expect(linkedTexts(linkGlossaryInText(text, options)), text).toEqual([linked]);
    expect(linkGlossaryInText('支出“三公经费”。', options)).toMatch(/^支出“<span class="term".*<\/span>”。$/);
  });

  it('never matches a term inside a run of digits or letters', () => {
    expect(linkedKeys(linkGlossaryInText('渝财发〔2026〕16号文件', options))).toEqual([]);
    expect(linkedKeys(linkGlossaryInText('渝财发〔2026〕6号文件', options))).toEqual(['6号']);
    expect(linkedKeys(linkGlossaryInText('渝财发ａ６号', options))).toEqual([]);
    expect(linkedKeys(linkGlossaryInText('PPP2号与PPPP', options))).toEqual([]);
    expect(linkedKeys(linkGlossaryInText('PPP项目', options))).toEqual(['PPP']);
  });
});

describe('linkGlossaryInText', () => {
  it('treats input as plain text: markup and Markdown stay literal and escaped', () => {
    const payloads: [string, string][] = [
      ['<script>alert(1)</script>', '&#x3C;script>alert(1)&#x3C;/script>'],
      ['<img src=x onerror=alert(1)>', '&#x3C;img src=x onerror=alert(1)>'],
      ['[a](javascript:alert(1))', '[a](javascript:alert(1))'],
      ['{process.exit(1)}', '{process.exit(1)}'],
      ['*强调* `代码` # 标题', '*强调* `代码` # 标题'],
      ['"双引号" \'单引号\' & &amp;', '"双引号" \'单引号\' &#x26; &#x26;amp;'],
    ];
    for (const [input, expected] of payloads) expect(linkGlossaryInText(input, options)).toBe(expected);
  });

  it('escapes payloads next to linked terms and in definitions and keys', () => {
    const hostile: GlossaryLinkTerm[] = [
      { key: '财政拨款"><script>x</script>', term: '财政拨款', href: '/g/#a', short: '<img src=x onerror=alert(1)>"\'' },
    ];
    const html = linkGlossaryInText('<script>alert(1)</script>财政拨款<b>', { terms: hostile });
    expect(html).toBe(
      // Inside a quoted attribute only the quote needs escaping; < is inert there.
      '&#x3C;script>alert(1)&#x3C;/script><span class="term" data-term="财政拨款&#x22;><script>x</script>">'
      + '<a href="/g/#a" aria-describedby="term-tip-1">财政拨款</a>'
      + '<span class="term-tip" role="tooltip" id="term-tip-1" data-pagefind-ignore="">&#x3C;img src=x onerror=alert(1)>"\'</span></span>&#x3C;b>',
    );
    const tags = [...html.replace(/"[^"]*"/g, '""').matchAll(/<([a-z]+)/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['span', 'a']));
  });
});

describe('createGlossaryLinker', () => {
  it('shares the linked state across the paragraphs of a section and resets it per section', () => {
    const linker = createGlossaryLinker({ terms, idPrefix: 'p-' });
    expect(linkedKeys(linker.link('财政拨款收入。'))).toEqual(['财政拨款']);
    expect(linker.link('财政拨款支出。')).toBe('财政拨款支出。');
    linker.newSection();
    const again = linker.link('财政拨款支出。');
    expect(linkedKeys(again)).toEqual(['财政拨款']);
    // Tooltip ids stay unique across the linker's paragraphs.
    expect(again).toContain('id="p-2"');
  });

  it('keeps one scope for the whole page in document scope', () => {
    const linker = createGlossaryLinker({ terms, scope: 'document' });
    expect(linkedKeys(linker.link('财政拨款'))).toEqual(['财政拨款']);
    linker.newSection();
    expect(linker.link('财政拨款')).toBe('财政拨款');
  });
});
