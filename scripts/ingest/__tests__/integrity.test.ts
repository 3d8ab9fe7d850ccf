/**
 * Issue 19 — integrity under attack and accident. Each case is a class of inputs, tested through
 * generated variants (fast-check, fixed seeds) rather than the one input that first showed it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { releaseToday } from '../../../src/lib/visibility.ts';
import { isCalendarDate } from '../../../src/domain/calendar.ts';
import { parseSidecar } from '../run/sidecar.ts';

const FC = { seed: 19, numRuns: 300 };
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('case 12: GONGKAI_TODAY must be a real date', () => {
  it('every YYYY-MM-DD off the calendar is refused, with a message naming it; every real one is taken', () => {
    const ymd = fc.tuple(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }));
    fc.assert(fc.property(ymd, ([y, m, d]) => {
      const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
      if (real) expect(releaseToday({ GONGKAI_TODAY: s })).toBe(s);
      else expect(() => releaseToday({ GONGKAI_TODAY: s })).toThrow(new RegExp(`GONGKAI_TODAY.*${s}.*YYYY-MM-DD`));
    }), { ...FC, numRuns: 2000 });
    for (const s of ['9999-99-99', '2026-02-30', '2025-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-1-1', ' 2026-01-01', 'today']) {
      expect(isCalendarDate(s)).toBe(false);
      expect(() => releaseToday({ GONGKAI_TODAY: s })).toThrow(/GONGKAI_TODAY/);
    }
    expect(releaseToday({ GONGKAI_TODAY: '2024-02-29' })).toBe('2024-02-29');
  });
});

describe('case 12: a YAML alias bomb in a sidecar', () => {
  /** `levels` of anchors, each a list of `width` aliases to the one before: width^levels nodes once expanded. */
  const bomb = (levels: number, width: number, key: string) => {
    const out = [`${key}0: &a0 ["x"]`];
    for (let i = 1; i <= levels; i++) out.push(`${key}${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
    return out.join('\n');
  };
  it('is refused at the line of its first anchor, quickly, as a sidecar diagnostic', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.constantFrom('status', 'x', 'publishAt'), fc.nat({ max: 3 }),
      (levels, width, key, before) => {
        const text = `${'# note\n'.repeat(before)}${bomb(levels, width, key)}\n`;
        const start = performance.now();
        const r = parseSidecar(text, 'seeds/a.txt.meta.yml');
        expect(performance.now() - start).toBeLessThan(1000);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.diagnostics).toHaveLength(1);
        expect(r.diagnostics[0]).toMatchObject({ file: 'seeds/a.txt.meta.yml', line: before + 1, kind: 'sidecar' });
        expect(r.diagnostics[0]!.message).toMatch(/锚点或别名/);
      }), FC);
  });
  it('a single alias of a valid value is refused too (a sidecar never needs one)', () => {
    const r = parseSidecar('status: &s published\npublishAt: 2026-01-01\nx: *s\n', 'a.meta.yml');
    expect(r.ok).toBe(false);
  });
});
