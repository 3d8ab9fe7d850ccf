/** Amounts and changes in the words of the documents, for the checks' messages. */
import { formatWan } from '../../../src/domain/money.ts';

/** 元 → "12.34万元". */
export const wan = (yuan: number): string => `${formatWan(yuan)}万元`;

/** A change in words, as a document states it: 增加12.34万元 / 减少78.06万元 / 持平 (never “增减-78.06万元”). */
export const changeInWords = (yuan: number): string => (yuan > 0 ? `增加${wan(yuan)}` : yuan < 0 ? `减少${wan(-yuan)}` : '持平');
