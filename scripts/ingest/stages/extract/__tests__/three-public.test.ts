import { describe, expect, it } from 'vitest';
import { extractThreePublic } from '../three-public.ts';
import { contextOf } from './doc.ts';
import { threePublicInferred } from '../../../checks/three-public-inferred.ts';
import { recordExample } from '../../../checks/record.ts';

describe('三公', () => {
  it('reads the total and the items, each with its change', () => {
    const r = extractThreePublic(contextOf('四、“三公”经费情况说明\n2026年“三公”经费预算3万元，比2025年减少1万元。其中：因公出国（境）费用0万元；公务接待费1万元；公务用车运行维护费2万元，比2025年减少1万元；公务用车购置费0万元。\n'));
    expect([r.total.amount, r.total.change?.amount, r.outboundTravel.amount, r.reception.amount, r.vehicleOperation.amount, r.vehiclePurchase.amount])
      .toEqual([30000, -10000, 0, 10000, 20000, 0]);
    expect(r.vehicleOperation.change?.amount).toBe(-10000);
  });

  it('infers one unreadable item from the total, marked inferred, which the record check reports', () => {
    const ctx = contextOf('四、“三公”经费情况说明\n2026年“三公”经费预算3万元。其中：因公出国（境）费用0万元，公务接待费1万元，公务用车购置费0万元。\n');
    const r = extractThreePublic(ctx);
    expect([r.vehicleOperation.amount, r.vehicleOperation.inferred]).toEqual([20000, true]);
    expect(threePublicInferred.run(recordExample({ threePublic: r }))).toEqual([{
      severity: 'warning', code: 'threePublic.inferred', message: '“三公”经费中有一项未能读出，已按总额减去其他各项推算为 2 万元', line: 2,
    }]);
  });

  it('never reads a passing mention outside the 三公 section', () => {
    const r = extractThreePublic(contextOf('三、部门预算情况说明\n项目支出20万元（含“三公”经费2万元）。\n'));
    expect(r.total.amount).toBeNull();
  });
});
