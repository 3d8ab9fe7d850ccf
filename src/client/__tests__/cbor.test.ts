import { describe, expect, test } from 'vitest';
import { decodeCbor } from '../cbor.ts';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));

describe('decodeCbor (RFC 8949 appendix A vectors)', () => {
  test.each([
    ['00', 0], ['17', 23], ['1818', 24], ['1903e8', 1000], ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000], ['20', -1], ['3903e7', -1000],
    ['f93c00', 1], ['f97bff', 65504], ['f90001', 5.960464477539063e-8], ['fa47c35000', 100000],
    ['fb3ff199999999999a', 1.1], ['f4', false], ['f5', true], ['f6', null],
    ['60', ''], ['6449455446', 'IETF'], ['62c3bc', 'ü'], ['63e6b0b4', '水'],
    ['80', []], ['8301820203820405', [1, [2, 3], [4, 5]]], ['9f018202039f0405ffff', [1, [2, 3], [4, 5]]],
    ['7f657374726561646d696e67ff', 'streaming'], ['c11a514b67b0', 1363896240],
  ])('%s', (input, expected) => {
    expect(decodeCbor(hex(input))).toEqual(expected);
  });

  test('maps and byte strings', () => {
    expect(decodeCbor(hex('a26161016162820203'))).toEqual(new Map<unknown, unknown>([['a', 1], ['b', [2, 3]]]));
    expect(decodeCbor(hex('4401020304'))).toEqual(Uint8Array.of(1, 2, 3, 4));
    expect(decodeCbor(hex('5f42010243030405ff'))).toEqual(Uint8Array.of(1, 2, 3, 4, 5));
  });

  test('rejects truncated, trailing and malformed input', () => {
    expect(() => decodeCbor(hex('83010203'.slice(0, 6)))).toThrow(/unexpected end/);
    expect(() => decodeCbor(hex('6449455446'.slice(0, 8)))).toThrow(/unexpected end/);
    expect(() => decodeCbor(hex('0000'))).toThrow(/trailing/);
    expect(() => decodeCbor(hex('1c'))).toThrow(/reserved/);
    expect(() => decodeCbor(hex('ff'))).toThrow(/break/);
    expect(() => decodeCbor(hex('62c328'))).toThrow(); // invalid UTF-8
  });
});
