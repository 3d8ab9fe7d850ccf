/**
 * Sentence patterns shared by the extractors: amounts with units, comparisons with the previous year,
 * reasons and purposes. All work on the matching form of a paragraph (see normalize.ts) and return offsets
 * so the caller can slice the text as written.
 */
import { parseToYuan, type AmountUnit } from '../../../src/domain/money.ts';

/** An amount found in text. */
export interface FoundAmount {
  yuan: number;
  /** Offsets of the whole match (number + unit) in the text. */
  start: number;
  end: number;
  /** The number as written. */
  raw: string;
}

/**
 * The money units a document may state amounts in (`AmountUnit`), as a regex alternation: longer units first,
 * so 万元 is never read as 元. The one list every amount and 单位 pattern of the ingest is built from.
 */
export const UNIT_SRC = (['万元', '亿元', '千元', '元'] as const satisfies readonly AmountUnit[]).join('|');

/**
 * A number as written before a unit. Linear on any text: a number never starts inside a run of digits and
 * commas that began with a digit (`(?<!\d,*)`: such a start can never be the leftmost match, the run's first
 * digit would be), so a run of n digits is scanned from its first digit only, not from each of its n digits
 * (which was quadratic).
 */
const NUMBER_SRC = String.raw`[+-]?(?<!\d,*)\d[\d,]*(?:\.\d+)?`;
/**
 * THE amount pattern: a number with a money unit, in two groups (number, unit). Spaces may sit between
 * number and unit ("0  万元"). Every extractor and template builds its sentences from this one.
 */
export const AMOUNT_SRC = String.raw`(${NUMBER_SRC})\s*(${UNIT_SRC})`;
const AMOUNT_RE = new RegExp(AMOUNT_SRC, 'g');
const HAS_AMOUNT = new RegExp(String.raw`\d\s*(?:${UNIT_SRC})`);

/** Whether the text states some amount of money (a digit before a unit). */
export const hasAmount = (text: string): boolean => HAS_AMOUNT.test(text);

/** A table's 单位 note ("单位：万元", "金额单位:元"), the unit in its one group. */
export const UNIT_NOTE_SRC = String.raw`(?:金额)?单位\s*[:：]\s*(${UNIT_SRC})`;

/**
 * A page number or footer alone on its line: "14", "— 5 —", "- 3 -", "─ 2 ─", "第 2 页", "第2页，共9页".
 * At most three digits: a longer bare number is more likely an amount than a page.
 */
export const PAGE_NUMBER = /^\s*(?:[-—–─]\s*)*\d{1,3}(?:\s*[-—–─])*\s*$|^\s*第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?\s*$/;

/**
 * What else is a page number at the top or bottom edge of a PDF page (readers/pdf-layout.ts), where no amount
 * stands, beyond PAGE_NUMBER: four digits, underscores as rules ("_ 12 _"), "3/9", "第3页/共9页".
 */
export const PAGE_EDGE_NUMBER = /^[-—–─_\s]*\d{1,4}[-—–─_\s]*$|^\d+\s*\/\s*\d+$|^第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页$/;

function toFound(m: RegExpExecArray, offset = 0): FoundAmount | null {
  const yuan = parseToYuan(m[1]!.replace(/,/g, ''), m[2] as AmountUnit);
  if (yuan === null) return null;
  return { yuan, start: m.index + offset, end: m.index + offset + m[0].length, raw: m[1]! };
}

/** Every amount in the text, in order. */
export function amounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(text); m; m = AMOUNT_RE.exec(text)) {
    const f = toFound(m);
    if (f) out.push(f);
  }
  return out;
}

/** First amount at or after `from` (optionally before `to`). */
export function firstAmount(text: string, from = 0, to = text.length): FoundAmount | null {
  return amounts(text.slice(from, to)).map((a) => ({ ...a, start: a.start + from, end: a.end + from }))[0] ?? null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words that may stand between a label and its amount ("一般公共预算拨款收入609.35万元", "货物预算5万元"). */
const FILLER = String.raw`(?:预算|收入|拨款|经费|支出|总额|数|为|是|共计|合计|安排|财政|资金|用|类|项目|[:\s])*?`;

/**
 * The amount stated for `label` (a string, or a regex source when `isRegex`), searching from `from`.
 * Only filler words may stand between label and amount, so a label never picks up a later clause's figure.
 */
const LABEL_RES = new Map<string, RegExp>();

export function labelAmount(text: string, label: string, from = 0, isRegex = false): (FoundAmount & { labelStart: number }) | null {
  // Compiled once per label (extractors ask for the same few dozen labels on every document).
  const key = `${isRegex ? 'r' : 's'}:${label}`;
  let re = LABEL_RES.get(key);
  if (!re) {
    re = new RegExp(`(?:${isRegex ? label : escape(label)})${FILLER}${AMOUNT_SRC}`, 'g');
    LABEL_RES.set(key, re);
  }
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Number and unit are the last two groups (a regex label may hold groups of its own).
    const num = m[m.length - 2]!;
    const unit = m[m.length - 1]!;
    const yuan = parseToYuan(num.includes(',') ? num.replace(/,/g, '') : num, unit as AmountUnit);
    if (yuan === null) continue;
    // The match ends with number, spaces, unit; the number ends with a digit, so the spaces before the
    // unit are exactly the \s* between them (cheaper than the regex's `d` flag, which builds index arrays).
    const end = m.index + m[0].length;
    let numEnd = end - unit.length;
    while (numEnd > m.index && SPACE.test(text[numEnd - 1]!)) numEnd--;
    return { yuan, start: numEnd - num.length, end, raw: num, labelStart: m.index };
  }
  return null;
}

const SPACE = /\s/;

/** A comparison with the previous year. */
export interface FoundChange {
  /** Signed 元; 0 for 持平 etc.; null when the direction has no amount. */
  amount: number | null;
  comparedYear: number | null;
  start: number;
  end: number;
}

const CHANGE_RE = new RegExp(
  String.raw`(?:同比|(?:比|较|与|同|对比)\s*(?:(\d{4})\s*年(?:度)?|上年(?:度)?|去年|上一年(?:度)?))(?:预算|年初预算|预算数|同期|相比)*[,\s]*` +
    // "与上年相比，一般公共预算拨款支出增加90.50万元": what changed may be named between.
    String.raw`(?:(?<=相比[,\s]*)[^,，。;；\d]{0,20}?)?` +
    String.raw`(?:(增加|增长|减少|下降|降低|减)\s*(?:了\s*)?(?:${AMOUNT_SRC})?|(持平|保持一致|一致|无增加|无增减|无变化|没有变化|不变|相同|未发生变化))`,
  'g',
);

/** Every comparison in the text, in order. */
export function changes(text: string): FoundChange[] {
  const out: FoundChange[] = [];
  CHANGE_RE.lastIndex = 0;
  for (let m = CHANGE_RE.exec(text); m; m = CHANGE_RE.exec(text)) {
    const comparedYear = m[1] ? Number(m[1]) : null;
    let amount: number | null;
    if (m[5]) amount = 0;
    else if (m[3] !== undefined) {
      const y = parseToYuan(m[3].replace(/,/g, ''), m[4] as AmountUnit);
      // "减少0万元" is 0, not -0.
      amount = y === null ? null : /减少|下降|降低|减/.test(m[2]!) && y !== 0 ? -y : y;
    } else amount = null;
    out.push({ amount, comparedYear, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** First comparison at or after `from`, before `to`. */
export function firstChange(text: string, from = 0, to = text.length): FoundChange | null {
  return changes(text).find((c) => c.start >= from && c.start < to) ?? null;
}

const REASON_RE = /(?:主要原因(?:是|为)?|原因(?:是|为)|主要是|主要由于|主要系|系)[:\s]*/g;

/** "主要原因是…" after `from` and before `to`: offsets of the reason text (up to ，主要用于 / ； / 。). */
export function reasonSpan(text: string, from: number, to = text.length): { start: number; end: number } | null {
  REASON_RE.lastIndex = from;
  const m = REASON_RE.exec(text);
  if (!m || m.index >= to) return null;
  const start = m.index + m[0].length;
  let end = to;
  const stop = /[,，]\s*主要用于|[;；。]/g;
  stop.lastIndex = start;
  const s = stop.exec(text);
  if (s && s.index < end) end = s.index;
  return end > start ? { start, end } : null;
}

/** "主要用于…" after `from` and before `to`: offsets up to the end of the clause (`；`/`。`, or `to`). */
export function purposeSpan(text: string, from: number, to = text.length, stopAtSemicolon = true): { start: number; end: number } | null {
  const re = /主要用于[:\s]*/g;
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= to) return null;
  const start = m.index + m[0].length;
  let end = to;
  const stop = stopAtSemicolon ? /[;；。]/g : /。/g;
  stop.lastIndex = start;
  const s = stop.exec(text);
  if (s && s.index < end) end = s.index;
  return end > start ? { start, end } : null;
}

/** Amount-unit pairs followed straight away by a digit ("其他收入0万元0"): stray characters in a figure. */
export function strayAfterAmount(text: string): { index: number; snippet: string }[] {
  const out: { index: number; snippet: string }[] = [];
  const re = new RegExp(`${AMOUNT_SRC}(\\d+)`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ index: m.index, snippet: m[0] });
  return out;
}
