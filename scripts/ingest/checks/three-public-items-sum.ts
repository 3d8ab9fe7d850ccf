/** threePublic.items-sum: the four “三公” items add up to the “三公”经费 total. */
import { recordExample } from './record.ts';
import { sumCheck } from './sum.ts';

const threePublic = (total: number, outboundTravel: number, reception: number, vehicleOperation: number, vehiclePurchase: number) => ({
  threePublic: {
    total: { amount: total, line: 50 }, outboundTravel: { amount: outboundTravel, line: 51 }, reception: { amount: reception, line: 52 },
    vehicleOperation: { amount: vehicleOperation, line: 53 }, vehiclePurchase: { amount: vehiclePurchase, line: 54 },
  },
});

export const threePublicItemsSum = sumCheck({
  code: 'threePublic.items-sum',
  description: '因公出国（境）费, 公务接待费, 公务用车运行维护费 and 公务用车购置费 add up to the “三公”经费 total.',
  measure: ({ threePublic: tp }) => ({
    total: tp.total.amount, parts: [tp.outboundTravel.amount, tp.reception.amount, tp.vehicleOperation.amount, tp.vehiclePurchase.amount], line: tp.total.line,
  }),
  pass: [
    { name: 'items add up', input: recordExample(threePublic(160_000, 0, 20_000, 140_000, 0)) },
    { name: 'an item not stated', input: recordExample({ threePublic: { total: { amount: 160_000, line: 50 }, reception: { amount: 20_000 } } }) },
  ],
  fail: [
    {
      name: 'items short of the total',
      input: recordExample(threePublic(160_000, 0, 20_000, 130_000, 0)),
      findings: [{ severity: 'error', code: 'threePublic.items-sum', message: '“三公”经费各项之和与总额不一致：各项合计15.00万元，与总数16.00万元相差1.00万元', line: 50 }],
    },
    {
      name: 'a difference within rounding',
      input: recordExample(threePublic(160_000, 0, 20_100, 140_000, 0)),
      findings: [{ severity: 'warning', code: 'threePublic.items-sum.rounding', message: '“三公”经费各项之和与总额不一致：各项合计16.01万元，与总数16.00万元相差0.01万元，可能是四舍五入所致，但文件未说明', line: 50 }],
    },
  ],
});
