/**
 * What a family's own sentences see and fill (issue 14). The stages hand a template the document's
 * paragraphs, each with the kind of the section that owns it, and the record parts the generic extractors
 * built; the template fills what they left missing from sentences worded its family's way
 * ("基本支出预算数为…", "机关运行经费预算为…"), and never overwrites a value, never borrows a figure
 * from another section. Plain data only: templates import no stage.
 */
import type { Section } from '../../../src/domain/schema/section.ts';
import type { Expenditure } from '../../../src/domain/schema/expenditure.ts';
import type { GeneralBudgetAppropriation } from '../../../src/domain/schema/general-budget-appropriation.ts';
import type { GovernmentFund } from '../../../src/domain/schema/government-fund.ts';
import type { Income } from '../../../src/domain/schema/income.ts';
import type { OperatingExpenses } from '../../../src/domain/schema/operating-expenses.ts';
import type { Procurement } from '../../../src/domain/schema/procurement.ts';
import type { ThreePublic } from '../../../src/domain/schema/three-public.ts';
import type { Assets } from '../../../src/domain/schema/assets.ts';
import { parseToYuan, type AmountUnit } from '../../../src/domain/money.ts';
import { AMOUNT_SRC, PAGE_NUMBER } from '../stages/patterns.ts';

/** A paragraph as a family's sentence patterns read it. */
export interface FamilyPara {
  /** 1-based source line (the paragraph's first). */
  line: number;
  /** Every source line of the paragraph. */
  lines: number[];
  /**
   * Matching form with every space removed: justified PDF text spreads characters ("江 苏 省 人 民"),
   * and a figure may be cut from its unit ("2391.92        万元").
   */
  text: string;
  /** The paragraph as written (trimmed), for `text` fields of the record. */
  display: string;
  /** Numbering as written ("1．", "（一）"), or null. */
  number: string | null;
  /** Kind of the section that owns it (its nearest ancestor with a kind, when its own heading has none). */
  section: Section['kind'];
  /** Title of its own heading. */
  heading: string;
}

/** The document as a template's hooks see it. */
export interface FamilyDocument {
  paras: readonly FamilyPara[];
  /** Every non-blank source line in matching form, spaces removed (for detection). */
  lines: readonly string[];
}

/** The record parts a family may complete. */
export interface FamilyParts {
  income: Income;
  expenditure: Expenditure;
  generalBudgetAppropriation: GeneralBudgetAppropriation;
  governmentFund: GovernmentFund | null;
  threePublic: ThreePublic;
  operatingExpenses: OperatingExpenses | null;
  procurement: Procurement | null;
  assets: Assets | null;
}

/** What a hook reports besides the values: the lines it read, and where each value came from. */
export interface FamilyTrace {
  use(line: number): void;
  prov(path: string, line: number): void;
}

/** The unit and year a family's title (or its first sentence) states. */
export interface FamilyIdentity {
  unit: string;
  year: number | null;
  /** Lines of the statement. */
  lines: number[];
}

/** A money figure (number and unit in two groups) in a compact (space-free, matching-form) sentence. */
export const AMOUNT = AMOUNT_SRC;

/** 元 of a matched number and unit, or null when it is no well-formed amount. */
export const yuanOf = (num: string, unit: string): number | null => parseToYuan(num.replace(/,/g, ''), unit as AmountUnit);

/** First match of `re` in the paragraphs, with the paragraph. */
export function findSentence(paras: readonly FamilyPara[], re: RegExp): { p: FamilyPara; m: RegExpExecArray } | null {
  for (const p of paras) {
    const m = re.exec(p.text);
    if (m) return { p, m };
  }
  return null;
}

/** Signed 元 of "增加/减少 X 万元" (持平/一致 → 0), or null. */
export function signedChange(verb: string | undefined, num: string | undefined, unit: string | undefined): number | null {
  if (!verb) return null;
  if (/持平|一致|相同|不变/.test(verb)) return 0;
  const y = num && unit ? yuanOf(num, unit) : null;
  if (y === null) return null;
  return /减少|下降|降低/.test(verb) ? -y : y;
}

/**
 * First match of `re` in the paragraphs read as one text (page numbers left out), with the paragraph the
 * match starts in: a sentence a page break cut in two ("…机关运行经费预算" / "- 16 -" / "支出 1,130.74 万元").
 * Only for the paragraphs of one section.
 */
export function findAcross(paras: readonly FamilyPara[], re: RegExp): { p: FamilyPara; m: RegExpExecArray } | null {
  const kept = paras.filter((p) => !PAGE_NUMBER.test(p.text));
  const starts: number[] = [];
  let text = '';
  for (const p of kept) {
    starts.push(text.length);
    text += p.text;
  }
  const m = re.exec(text);
  if (!m) return null;
  let k = starts.length - 1;
  while (k > 0 && starts[k]! > m.index) k--;
  return { p: kept[k]!, m };
}

/** 机关运行经费 from a matched sentence (its number and unit in groups 1 and 2), unless already known. */
export function fillOperatingExpenses(r: FamilyParts, t: FamilyTrace, found: { p: FamilyPara; m: RegExpExecArray } | null): void {
  if (r.operatingExpenses && r.operatingExpenses.amount !== null) return;
  const yuan = found ? yuanOf(found.m[1]!, found.m[2]!) : null;
  if (!found || yuan === null) return;
  r.operatingExpenses = { amount: yuan, notInScope: false, change: null, purpose: null, text: found.p.display, line: found.p.line };
  t.use(found.p.line);
  t.prov('operatingExpenses', found.p.line);
}
