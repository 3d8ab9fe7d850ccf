import { describe, expect, test } from 'vitest';
import { BOM, csvField, defuseFormula, toCsv } from '../csv.ts';

describe('toCsv', () => {
  test('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv([['单位', '年度'], ['政务信息中心', 2026]]);
    expect(csv).toBe(`${BOM}单位,年度\r\n政务信息中心,2026\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  test('an empty document is only the BOM', () => {
    expect(toCsv([])).toBe(BOM);
  });

  test('writes null and undefined as empty fields', () => {
    expect(toCsv([[null, 'a', undefined]])).toBe(`${BOM},a,\r\n`);
  });
});

describe('csvField', () => {
  test('quotes fields with comma, quote, CR or LF and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('两\n行')).toBe('"两\n行"');
    expect(csvField('x\ry')).toBe('"x\ry"');
    expect(csvField('（一）收入')).toBe('（一）收入');
  });

  test('writes numbers as plain digits', () => {
    expect(csvField(-1320200)).toBe('-1320200');
    expect(csvField(0)).toBe('0');
    expect(() => csvField(Number.NaN)).toThrow(TypeError);
  });
});

describe('formula injection', () => {
  test.each(['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tx', '=HYPERLINK("http://x")', '-', '+', '-1,2', '-12.'])('defuses %j', (text) => {
    expect(defuseFormula(text)).toBe(`'${text}`);
  });

  test.each(['-12.5', '+3', '-0', '12', '1483.96', '-1,234.50'])('keeps plain number %j', (text) => {
    expect(defuseFormula(text)).toBe(text);
  });

  test('a carriage return at the start is defused and then quoted', () => {
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });

  test('a defused formula with quotes is still quoted correctly', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  test('text with a formula character later on is untouched', () => {
    expect(defuseFormula('a=b')).toBe('a=b');
    expect(defuseFormula('2026-01-01')).toBe('2026-01-01');
  });
});
