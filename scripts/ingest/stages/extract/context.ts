/**
 * What the extractors share: the context of one document (used lines, provenance, findings) and the
 * helpers that find a topic's paragraph in the sections that own it.
 */
import type { Line } from '../normalize.ts';
import { parasOf, type Para, type ParsedSection } from '../sections.ts';
import { firstAmount, hasAmount, labelAmount, reasonSpan, type FoundChange } from '../patterns.ts';
import type { Change } from '../../../../src/domain/schema/change.ts';
import type { Finding } from '../../../../src/domain/schema/finding.ts';

/** What extractors share while they work on one document. */
export class ExtractContext {
  readonly used = new Set<number>();
  readonly provenance: Record<string, number> = {};
  readonly findings: Finding[] = [];
  readonly lines: Line[];
  readonly sections: ParsedSection[];
  constructor(lines: Line[], sections: ParsedSection[]) {
    this.lines = lines;
    this.sections = sections;
  }
  use(line: number | null | undefined): void { if (line) this.used.add(line); }
  /** Marks every source line of a paragraph (a wrapped paragraph spans several) as used. */
  usePara(p: Para): void {
    this.used.add(p.line);
    for (const n of p.more ?? []) this.used.add(n);
  }
  prov(path: string, line: number | null | undefined): void { if (line) this.provenance[path] = line; }
}

export const slice = (p: Para, s: { start: number; end: number } | null): string | null =>
  s ? p.display.slice(s.start, s.end).trim() || null : null;

export function toChange(p: Para, c: FoundChange | null, reasonTo?: number): Change | null {
  if (!c) return null;
  const reason = reasonSpan(p.text, c.end, reasonTo ?? p.text.length);
  return { amount: c.amount, comparedYear: c.comparedYear, reason: slice(p, reason), line: p.line };
}

/**
 * Finds the paragraph of a topic: the first paragraph of a section named for it (whatever its wording:
 * "（二）支出预算：2026年年初预算数…" has the topic only in its heading), else a paragraph of the related
 * sections with the topic's vocabulary. Never a paragraph of another section: the figure is then missing.
 */
export function findPara(ctx: ExtractContext, kinds: ParsedSection['kind'][], test: RegExp, exclude?: RegExp, topicSection = true, needAmount = false): Para | null {
  const ok = (p: Para) => !(exclude?.test(p.text)) && (!needAmount || hasAmount(p.text));
  const named = topicSection && parasOf(ctx.sections, kinds[0]!).find(ok);
  if (named) return named;
  // Among candidates, the paragraph that opens with the topic ("支出预算合计…") beats one that mentions it
  // in passing ("…收入、支出预算总计…").
  const best = (paras: Para[]) => paras
    .map((p, i) => ({ p, i, at: p.text.search(test) }))
    .filter(({ p, at }) => at >= 0 && ok(p))
    .sort((a, b) => Math.min(a.at, 12) - Math.min(b.at, 12) || a.i - b.i)[0]?.p ?? null;
  // Only the sections that own the figure: a paragraph elsewhere (政府采购, 名词解释…) that mentions the topic
  // in passing is never borrowed; the figure is then missing.
  return best(parasOf(ctx.sections, ...kinds));
}

/** The 年初预算数 total: the first amount after 预算数/预算总额/收入预算, else the first amount. */
export function totalOf(p: Para): ReturnType<typeof firstAmount> {
  return labelAmount(p.text, '(?:年初预算数|预算总额|预算数|收入预算|支出预算|合计|总计)', 0, true) ?? firstAmount(p.text);
}
