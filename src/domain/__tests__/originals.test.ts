import { describe, expect, it } from 'vitest';
import { originalContentFile, originalFiles, originalName, pageHref, placeOfLine } from '../originals.ts';
import type { SourcePart } from '../schema/source-part.ts';

const part = (over: Partial<SourcePart>): SourcePart => ({
  file: 'x', sha256: 'a'.repeat(64), format: 'pdf', encoding: 'pdf', firstLine: 1, lineCount: 0, pages: null, pageLines: [], dropped: 0, ...over,
});

describe('original files of a record', () => {
  const text = part({ format: 'pdf', firstLine: 1, lineCount: 30, pages: 3, pageLines: [1, null, 12] });
  const tables = part({ format: 'html', encoding: 'utf-8', sha256: 'b'.repeat(64), firstLine: 31, lineCount: 10 });

  it('are named by digest in content/ and by position beside the page; a web page only as text', () => {
    expect(originalContentFile(text)).toBe(`originals/${'a'.repeat(64)}.pdf`);
    expect(originalName([text], 0)).toBe('original.pdf');
    expect(originalFiles([text, tables]).map((o) => o.name)).toEqual(['original-1.pdf', 'original-2.html.txt']);
    expect(originalFiles(undefined)).toEqual([]);
  });

  it('refuse a digest that could leave the folder', () => {
    expect(() => originalContentFile(part({ sha256: '../../etc/passwd' }))).toThrow('not a SHA-256');
  });

  it('place a line on its part and PDF page (a page without text holds no line)', () => {
    expect(placeOfLine([text, tables], 1)).toEqual({ part: 0, page: 1 });
    expect(placeOfLine([text, tables], 11)).toEqual({ part: 0, page: 1 });
    expect(placeOfLine([text, tables], 12)).toEqual({ part: 0, page: 3 });
    expect(placeOfLine([text, tables], 31)).toEqual({ part: 1, page: null });
    expect(placeOfLine([text, tables], 41)).toBeNull();
    expect(placeOfLine(undefined, 3)).toBeNull();
  });

  it('link a line to its PDF page, relative to the record page or another folder', () => {
    expect(pageHref([text, tables], 12)).toBe('original-1.pdf#page=3');
    expect(pageHref([text], 2, '../')).toBe('../original.pdf#page=1');
    expect(pageHref([text, tables], 35)).toBeNull();
    expect(pageHref([text], null)).toBeNull();
  });
});
