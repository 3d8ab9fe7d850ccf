/**
 * threePublic.inferred: a “三公” item the document does not state readably, filled in by the 三公 extractor as
 * the total less the other items (stages/extract/three-public.ts), is said to be inferred, never passed off as
 * read. A record check: the record marks the item `inferred`.
 */
import { recordExample } from './record.ts';
import type { Check } from './types.ts';
import type { RecordInput } from './record.ts';
import { THREE_PUBLIC_ITEMS } from '../../../src/domain/terms/three-public.ts';

export const threePublicInferred: Check<RecordInput> = {
  codes: ['threePublic.inferred'],
  description: 'No “三公” item is inferred (the total less the other items) rather than read.',
  run: ({ record: { threePublic: tp } }) => THREE_PUBLIC_ITEMS
    .filter(([key]) => tp[key].inferred && tp[key].amount !== null)
    .map(([key]) => ({
      severity: 'warning', code: 'threePublic.inferred',
      // The amount in 万元 as a plain number (1.5, not 1.50): the wording the ingest has always written.
      message: `“三公”经费中有一项未能读出，已按总额减去其他各项推算为 ${tp[key].amount! / 10000} 万元`,
      line: tp[key].line,
    })),
  pass: [
    {
      name: 'every item read',
      input: recordExample({ threePublic: { total: { amount: 160_000, line: 50 }, reception: { amount: 20_000, line: 50 }, vehicleOperation: { amount: 140_000, line: 50 } } }),
    },
    { name: 'nothing stated', input: recordExample({}) },
  ],
  fail: [{
    name: '公务用车运行维护费 inferred from the total',
    input: recordExample({
      threePublic: {
        total: { amount: 160_000, line: 50 }, outboundTravel: { amount: 0, line: 50 }, reception: { amount: 20_000, line: 50 },
        vehicleOperation: { amount: 125_000, inferred: true, line: 50 }, vehiclePurchase: { amount: 15_000, line: 50 },
      },
    }),
    findings: [{ severity: 'warning', code: 'threePublic.inferred', message: '“三公”经费中有一项未能读出，已按总额减去其他各项推算为 12.5 万元', line: 50 }],
  }],
};
