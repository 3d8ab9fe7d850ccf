/**
 * One 预算总额 everywhere: the index, district and year pages (budgetTotal, through year-table) and the
 * unit-year page's 要点 and 主要数字 (headlineTotal) show the same figure for a document whose income and
 * expenditure totals differ. (Before, budgetTotal took expenditure first and the unit page income first.)
 */
import { describe, expect, it } from 'vitest';
import { budgetTotal, headlineSide } from '../../../domain/key-figures.ts';
import { summarize } from '../../../domain/record-summary.ts';
import { headlineTotal } from '../glance.ts';
import { seedRecord } from './fixture.ts';

describe('the headline 预算总额', () => {
  const base = seedRecord('004');
  const record = { ...base, keyFigures: { ...base.keyFigures, incomeTotal: 12000000, expenditureTotal: 11000000 } };

  it('is the same figure on the site-wide pages and on the unit-year page', () => {
    expect(budgetTotal(summarize(record))).toBe(12000000);
    expect(headlineTotal(record)?.yuan).toBe(budgetTotal(summarize(record)));
  });

  it('is 收入 when stated, else 支出, else missing', () => {
    expect(headlineSide({ incomeTotal: 1, expenditureTotal: 2 })).toBe('income');
    expect(headlineSide({ incomeTotal: null, expenditureTotal: 2 })).toBe('expenditure');
    expect(budgetTotal({ keyFigures: { incomeTotal: null, expenditureTotal: 2 } })).toBe(2);
    expect(budgetTotal({ keyFigures: { incomeTotal: null, expenditureTotal: null } })).toBeNull();
  });
});
