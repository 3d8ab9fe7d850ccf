/**
 * figure.stray-characters: an amount followed straight away by a digit ("其他收入0万元0"), read as the amount
 * without it. A stage check: the income extractor runs it on the paragraph it reads, while parsing (the
 * record keeps the figure, not the text around it).
 */
import { strayAfterAmount } from '../stages/patterns.ts';
import type { Check } from './types.ts';

/** A paragraph as an extractor reads it: its matching form (normalize.ts) and its line. */
export interface ParagraphInput {
  text: string;
  line: number;
}

export const figureStrayCharacters: Check<ParagraphInput> = {
  codes: ['figure.stray-characters'],
  description: 'No amount in the paragraph is followed straight away by a digit (stray characters in a figure).',
  run: ({ text, line }) => strayAfterAmount(text).map((s) => ({
    severity: 'warning', code: 'figure.stray-characters',
    message: `金额后有多余字符「${s.snippet}」，已按「${s.snippet.replace(/\d+$/, '')}」读取`, line,
  })),
  pass: [
    { name: 'amounts followed by words and punctuation', input: { text: '收入预算总额120.50万元，其中:一般公共预算拨款收入100万元，其他收入20.5万元。', line: 5 } },
    { name: 'a year after an amount is separated', input: { text: '比上年增加10万元,2026年主要用于…', line: 5 } },
  ],
  fail: [{
    name: 'a digit glued to an amount, twice',
    input: { text: '事业收入0万元0,其他收入5.2万元12。', line: 9 },
    findings: [
      { severity: 'warning', code: 'figure.stray-characters', message: '金额后有多余字符「0万元0」，已按「0万元」读取', line: 9 },
      { severity: 'warning', code: 'figure.stray-characters', message: '金额后有多余字符「5.2万元12」，已按「5.2万元」读取', line: 9 },
    ],
  }],
};
