/**
 * PDF reader: the real corpus PDFs (../shared/corpus/original, beside the repository) read back as the
 * same words in the same order as their `pdftotext -layout` text, columns apart, pages counted, page
 * numbers dropped; generated PDFs (scripts/bench/pdf-writer.ts) for scans, passwords and damage.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../index.ts';
import { layoutPages } from '../pdf-layout.ts';
import { textPages, writePdf } from '../../../bench/pdf-writer.ts';
import { CORPUS_DIR } from '../../__tests__/helpers.ts';
import { IngestError } from '../../errors.ts';

const ORIGINAL = join(CORPUS_DIR, 'original');
const present = existsSync(ORIGINAL);
const PDFS = present ? readdirSync(ORIGINAL).filter((f) => f.endsWith('.pdf')).sort() : [];

/** Non-blank characters of a text, in order, without page numbers standing alone on a page's first/last line. */
function characters(pages: string[][]): string {
  const pageNumber = /^\s*(?:[-—–\s]*\d{1,4}[-—–\s]*)\s*$/;
  return pages.map((lines) => {
    const l = lines.filter((x) => x.trim());
    while (l.length && pageNumber.test(l[l.length - 1]!)) l.pop();
    while (l.length && pageNumber.test(l[0]!)) l.shift();
    return l.join('');
  }).join('').replace(/\s+/g, '');
}

async function failure(bytes: Uint8Array): Promise<IngestError> {
  try {
    await readDocument(bytes, 'seeds/x.pdf');
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('read without a diagnostic');
}

describe.skipIf(!present)('corpus PDFs (../shared/corpus/original)', () => {
  it('has the 15 PDFs', () => expect(PDFS.length).toBe(15));

  it.each(PDFS)('%s: same characters in the same order as pdftotext -layout, page by page', async (name) => {
    const doc = await readDocument(readFileSync(join(ORIGINAL, name)), name);
    const reference = readFileSync(join(CORPUS_DIR, 'text', name.replace(/\.pdf$/, '.txt')), 'utf8').split('\f');
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(reference.filter((p, i) => i < reference.length - 1 || p.trim()).length);
    const byPage: string[][] = Array.from({ length: doc.pages! }, () => []);
    for (const l of doc.lines) byPage[l.page! - 1]!.push(l.text);
    const mine = characters(byPage);
    const theirs = characters(reference.map((p) => p.split('\n')));
    // Header cells of a few tables stand on slightly different baselines: the order of those may differ.
    let same = 0;
    for (let i = 0; i < Math.min(mine.length, theirs.length); i++) if (mine[i] === theirs[i]) same++;
    expect(mine.length).toBe(theirs.length);
    expect(same / theirs.length).toBeGreaterThan(0.95);
    expect([...mine].sort().join('')).toBe([...theirs].sort().join(''));
  });

  it('keeps table columns apart and gives their x extents (07, 一般公共预算支出功能分类预算表)', async () => {
    const doc = await readDocument(readFileSync(join(ORIGINAL, '07_sh_putuo-zfbgs-bumen_2025.pdf')), '07.pdf');
    const row = doc.lines.find((l) => /^\s*201\s+03\s+01\s+行政运行\s+12,029,501\.84\s+11,919,501\.84/.test(l.text))!;
    expect(row.text).toMatch(/行政运行\s{2,}12,029,501\.84\s{2,}11,919,501\.84\s{2,}110,000\.00$/);
    expect(row.segments!.map((s) => s.text)).toEqual(['201', '03', '01', '行政运行', '12,029,501.84', '11,919,501.84', '110,000.00']);
    const xs = row.segments!.map((s) => s.x0);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const s of row.segments!) expect(s.x1).toBeGreaterThan(s.x0);
    // The amount columns line up with the header's columns on the same page.
    const header = doc.lines.find((l) => l.page === row.page && /合计\s+基本支出\s+项目支出/.test(l.text))!;
    const right = (t: string) => header.segments!.find((s) => s.text === t)!;
    expect(Math.abs(row.segments![5]!.x1 - right('基本支出').x1)).toBeLessThan(40);
  });

  it('drops the page numbers, counted, and records the page of every line', async () => {
    const doc = await readDocument(readFileSync(join(ORIGINAL, '23_js_zhengxie-wenjian_2018.pdf')), '23.pdf');
    expect(doc.dropped.filter((d) => d.kind === 'page-number').map((d) => d.text)).toEqual(Array.from({ length: 17 }, (_, i) => `- ${i + 1} -`));
    expect(doc.lines.some((l) => /^\s*-\s*\d+\s*-\s*$/.test(l.text))).toBe(false);
    const pages = doc.lines.map((l) => l.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(new Set(pages).size).toBe(17);
  });

  it('keeps a table number that changes from page to page (公开01表, 公开02表 …): content, not a running header', async () => {
    const doc = await readDocument(readFileSync(join(ORIGINAL, '24_js_zhengxie-biaoge_2018.pdf')), '24.pdf');
    expect(doc.lines.filter((l) => /^公开\d\d表$/.test(l.text.trim())).length).toBeGreaterThanOrEqual(10);
    expect(doc.dropped.filter((d) => d.kind !== 'page-number')).toEqual([]);
  });
});

describe('generated PDFs', () => {
  it('reads Chinese text set in a non-embedded standard font through the bundled CMaps', async () => {
    const bytes = writePdf(textPages(['重庆市九龙坡区电子政务中心2026年单位预算情况说明', '收入预算1,051.74万元，比上年增加12.30万元。', '项目\t预算数\t合计']));
    const doc = await readDocument(bytes, 'x.pdf');
    expect(doc.lines.map((l) => l.text)).toEqual([
      '重庆市九龙坡区电子政务中心2026年单位预算情况说明',
      '收入预算1,051.74万元，比上年增加12.30万元。',
      expect.stringMatching(/^项目\s{2,}预算数\s{2,}合计$/),
    ]);
    expect(doc.lines.every((l) => l.page === 1)).toBe(true);
    expect(doc.dropped).toEqual([{ page: 1, text: '- 1 -', kind: 'page-number' }]);
  });

  it('a scan (pages with images only) is a diagnostic: 扫描件，无文字层', async () => {
    const e = await failure(writePdf([{ kind: 'image' }, { kind: 'image' }, { kind: 'image' }]));
    expect(e.diagnostic).toMatchObject({ file: 'seeds/x.pdf', line: 1, kind: 'scanned' });
    expect(e.message).toMatch(/^seeds\/x\.pdf:1: 扫描件，无文字层（3 页/);
  });

  it('a password-protected PDF is a diagnostic', async () => {
    const e = await failure(writePdf(textPages(['收入预算']), { userPassword: 'secret' }));
    expect(e.diagnostic.kind).toBe('encrypted');
    expect(e.message).toMatch(/密码/);
  });

  it('a damaged or cut-off PDF is a diagnostic', async () => {
    const whole = writePdf(textPages(['收入预算']));
    for (const bytes of [whole.subarray(0, 200), Buffer.from('%PDF-1.7\n这不是PDF')]) {
      const e = await failure(bytes);
      expect(e.diagnostic.kind).toBe('damaged');
      expect(e.message).toMatch(/^seeds\/x\.pdf:1: PDF 文件已损坏或不完整/);
    }
  });
});

describe('layoutPages', () => {
  const item = (text: string, x0: number, y: number, size = 10) => ({ text, x0, x1: x0 + [...text].length * size, y, size });
  const page = (items: ReturnType<typeof item>[], n = 1) => ({ page: n, width: 595, height: 842, items });

  it('groups items by baseline and orders lines top to bottom, items left to right', () => {
    const { lines } = layoutPages([page([item('乙', 100, 200.5), item('丙', 60, 300), item('甲', 60, 200)])]);
    expect(lines.map((l) => l.text)).toEqual([expect.stringMatching(/^甲 {2,}乙$/), '丙']);
  });

  it('joins close items into one segment and starts a new one at a wide gap', () => {
    const { lines } = layoutPages([page([item('一般公共', 60, 100), item('预算', 101, 100), item('1,000.00', 300, 100)])]);
    expect(lines[0]!.segments).toEqual([{ text: '一般公共预算', x0: 60, x1: 121 }, { text: '1,000.00', x0: 300, x1: 380 }]);
  });

  it('does not spread letter-spaced Chinese text ("目 标 而 发 生") but keeps a space the PDF writes between words', () => {
    const { lines } = layoutPages([page([item('目 标 而 发 生', 60, 100), item('第一部分', 60, 200), item(' ', 100, 200), item('部门概况', 105, 200)])]);
    expect(lines.map((l) => l.text)).toEqual(['目标而发生', '第一部分 部门概况']);
  });

  it('drops a running header only when it repeats exactly on most pages', () => {
    const pages = [1, 2, 3, 4].map((n) => page([item('某部门2026年预算', 60, 40), item(`正文${n}`, 60, 300), item(`公开0${n}表`, 60, 800)], n));
    const { lines, dropped } = layoutPages(pages);
    expect(dropped.map((d) => d.kind)).toEqual(['running-header', 'running-header', 'running-header', 'running-header']);
    expect(lines.map((l) => l.text)).toEqual(['正文1', '公开01表', '正文2', '公开02表', '正文3', '公开03表', '正文4', '公开04表']);
  });
});
