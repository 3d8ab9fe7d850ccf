/**
 * Word and web page readers: the seed-004 fixtures (fixtures/formats/make.ts) give back the seed's text,
 * their tables as rows of cells; merged cells keep their spans; a web page's site chrome is not read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument, readTextual } from '../index.ts';
import { IngestError } from '../../errors.ts';
import { SEEDS_DIR } from '../../__tests__/helpers.ts';

const FORMATS = join(import.meta.dirname, '../../__tests__/fixtures/formats');
const seedLines = readFileSync(join(SEEDS_DIR, '004_4ff91bf0fb23a83f.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((l) => (l.startsWith('\t') ? `\t${l.slice(1).trim()}` : l.trim()))
  // HTML collapses runs of spaces, as a browser shows them.
  .map((l) => l.replace(/ {2,}/g, ' '));

describe.each(['seed-004.docx', 'seed-004.html'])('%s', (name) => {
  it('reads the seed text back line for line, tables as tab cells', async () => {
    const doc = await readDocument(readFileSync(join(FORMATS, name)), name);
    expect(doc.format).toBe(name.endsWith('.docx') ? 'docx' : 'html');
    expect(doc.lines.filter((l) => l.text.trim()).map((l) => l.text)).toEqual(seedLines);
  });

  it('gives the 13 tables as rows of cells, each cell pointing at its line', async () => {
    const doc = await readDocument(readFileSync(join(FORMATS, name)), name);
    expect(doc.tables).toHaveLength(13);
    const first = doc.tables[0]!;
    expect(first.rows[2]!.cells.map((c) => c.text)).toEqual(['一、本年收入', '1,051.74', '一、本年支出', '1,051.74', '1,051.74', '', '']);
    for (const t of doc.tables) {
      for (const row of t.rows) for (const cell of row.cells) expect(doc.lines[cell.line - 1]!.text).toBe(`\t${cell.text}`);
      expect(t.firstLine).toBeLessThanOrEqual(t.rows[0]!.cells[0]!.line);
      expect(t.lastLine).toBeGreaterThan(t.rows.at(-1)!.cells.at(-1)!.line);
    }
  });
});

describe('web page', () => {
  it('reads the article, not the site header, navigation or footer', async () => {
    const doc = await readDocument(readFileSync(join(FORMATS, 'seed-004.html')), 'x.html');
    const text = doc.lines.map((l) => l.text).join('\n');
    expect(text).not.toMatch(/首页|网站标识码|发布日期|打印本页/);
  });

  it('keeps merged cells spans and a caption; GBK pages decode', () => {
    const html = '<html><body><div><p>单位：万元</p><table><caption>财政拨款收支总表</caption><thead><tr><th colspan="2">收入</th><th colspan="2">支出</th></tr></thead>'
      + '<tbody><tr><td rowspan="2">一般公共预算</td><td>10.00</td><td>基本支出</td><td>6.00</td></tr><tr><td>0</td><td>项目支出</td><td>4.00</td></tr></tbody></table></div></body></html>';
    const doc = readTextual(Buffer.from(html, 'utf8'), 'x.html');
    expect(doc.tables[0]!.caption).toBe('财政拨款收支总表');
    expect(doc.tables[0]!.rows.map((r) => r.cells.map((c) => [c.text, c.colSpan, c.rowSpan]))).toEqual([
      [['收入', 2, 1], ['支出', 2, 1]],
      [['一般公共预算', 1, 2], ['10.00', 1, 1], ['基本支出', 1, 1], ['6.00', 1, 1]],
      [['0', 1, 1], ['项目支出', 1, 1], ['4.00', 1, 1]],
    ]);
    expect(doc.lines.map((l) => l.text)).toEqual(['单位：万元', '', '财政拨款收支总表', '\t收入', '\t支出', '', '\t一般公共预算', '\t10.00', '\t基本支出', '\t6.00', '', '\t0', '\t项目支出', '\t4.00']);
    const gbk = Buffer.from([...Buffer.from('<html><body><p>'), 0xca, 0xd5, 0xc8, 0xeb, ...Buffer.from('</p></body></html>')]);
    expect(readTextual(gbk, 'g.html').lines.map((l) => l.text)).toEqual(['收入']);
  });

  it('text that merely mentions a tag is text', () => {
    expect(readTextual(Buffer.from('重庆市某单位\n<table> 不是网页'), 'x.txt').format).toBe('text');
  });
});

describe('other binaries', () => {
  it('a legacy .doc and a zip that is not Word are diagnostics', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    for (const [bytes, re] of [[ole, /旧版 Word/], [zip, /不是 Word 文档/]] as const) {
      const e = await readDocument(bytes, 'x').then(() => null, (err: unknown) => err);
      expect(e).toBeInstanceOf(IngestError);
      expect((e as IngestError).message).toMatch(re);
    }
  });
});
