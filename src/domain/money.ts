/**
 * Exact money. Every amount in a record is an integer:
 *  - narrative figures and `keyFigures` are whole 元 (yuan);
 *  - table cells keep the smallest unit they print, 分 (fen), because some real tables print 元 with two
 *    decimals (86,959,408.34 元).
 * Amounts are parsed from their decimal text with integer arithmetic only, and are only ever added as
 * integers. Floats appear nowhere but in display-only percentages.
 */

/** Units a document may state amounts in. */
export type AmountUnit = '万元' | '元' | '千元' | '亿元';

/** 分 per one of each unit. */
const FEN_PER_UNIT: Record<AmountUnit, bigint> = {
  元: 100n,
  千元: 100_000n,
  万元: 1_000_000n,
  亿元: 10_000_000_000n,
};

/** A decimal number as written: optional sign, digits with optional thousands separators, optional fraction. */
const DECIMAL = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Decimal places of 分 in one of each unit (分 per unit = 10^places). */
const FEN_PLACES: Record<AmountUnit, number> = { 元: 2, 千元: 5, 万元: 6, 亿元: 10 };
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Parses a decimal amount string (already normalised to ASCII digits) in `unit` into integer 分.
 * Returns null when the text is not a number or has more precision than 分 can hold.
 */
export function parseToFen(text: string, unit: AmountUnit): number | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const [, sign, intPart, frac = ''] = m;
  const digits = intPart!.includes(',') ? intPart!.replace(/,/g, '') : intPart!;
  const places = FEN_PLACES[unit];
  // Fast path, integer arithmetic in doubles: with at most 15 digits in all, every intermediate value is an
  // integer below 10^15 < 2^53, so each operation is exact. Decimals finer than 分 must all be 0.
  if (digits.length + places <= 15) {
    let f = frac;
    if (f.length > places) {
      for (let k = places; k < f.length; k++) if (f.charCodeAt(k) !== 48) return null;
      f = f.slice(0, places);
    }
    const fen = Number(digits) * POW10[places]! + (f ? Number(f) * POW10[places - f.length]! : 0);
    return sign === '-' && fen !== 0 ? -fen : fen;
  }
  const scale = FEN_PER_UNIT[unit];
  // value = (int + frac/10^len) * scale  must be an integer number of 分
  const denom = 10n ** BigInt(frac.length);
  const numerator = (BigInt(digits) * denom + BigInt(frac || '0')) * scale;
  if (numerator % denom !== 0n) return null;
  const fen = numerator / denom;
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(sign === '-' ? -fen : fen);
}

/**
 * Parses an amount into whole 元. Returns null when the text is not a number or is not a whole number
 * of 元 (which a 万元 figure with at most four decimals always is).
 */
export function parseToYuan(text: string, unit: AmountUnit): number | null {
  const fen = parseToFen(text, unit);
  if (fen === null || fen % 100 !== 0) return null;
  return fen / 100;
}

/**
 * A figure stated in the text (whole 元, usually from 万元 with two decimals) agrees with a table's figure
 * (分) when it is the table's figure rounded to the text's precision: 9,101.68万元 states 91,016,775.35 元.
 * The precision is read from the text figure's trailing zeros (100 元 for 万元 with two decimals).
 */
export function agreesAtTextPrecision(textYuan: number, tableFen: number): boolean {
  if (textYuan * 100 === tableFen) return true;
  const step = textYuan % 100 === 0 ? 100 : textYuan % 10 === 0 ? 10 : 1;
  return Math.abs(textYuan * 100 - tableFen) * 2 <= step * 100;
}

/** Adds integer amounts; throws if any is not a safe integer (a programming error, never input). */
export function sum(values: Iterable<number | null | undefined>): number {
  let total = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (!Number.isSafeInteger(v)) throw new TypeError(`not an integer amount: ${v}`);
    total += v;
  }
  return total;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats integer 分 as a fixed-point string with `decimals` places of the given unit (round half away from zero). */
function formatFen(fen: number, unit: AmountUnit, decimals: number, grouping: boolean): string {
  const scale = FEN_PER_UNIT[unit];
  const big = BigInt(fen);
  const neg = big < 0n;
  const abs = neg ? -big : big;
  const step = scale / 10n ** BigInt(decimals);
  // 分 is the finest unit stored, so no amount has more decimals than 分 can show.
  if (step < 1n) throw new RangeError(`${decimals} decimals of ${unit} are finer than 分`);
  const q = (abs + step / 2n) / step; // rounded count of 10^-decimals units
  const s = q.toString().padStart(decimals + 1, '0');
  const intPart = s.slice(0, s.length - decimals);
  const fracPart = decimals ? s.slice(s.length - decimals) : '';
  const body = (grouping ? groupThousands(intPart) : intPart) + (decimals ? `.${fracPart}` : '');
  return (neg && q !== 0n ? '-' : '') + body;
}

/** 元 → "1,483.96" (万元, two decimals, thousands separators), as the documents print. */
export function formatWan(yuan: number | null | undefined, opts: { grouping?: boolean } = {}): string {
  if (yuan === null || yuan === undefined) return '—';
  return formatFen(yuan * 100, '万元', 2, opts.grouping ?? true);
}

/** 分 → "86,959,408.34" (元, two decimals). */
export function formatYuanFromFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return formatFen(fen, '元', 2, true);
}

/** 分 → display string in the table's own unit, two decimals. */
export function formatFenIn(fen: number | null | undefined, unit: AmountUnit): string {
  if (fen === null || fen === undefined) return '';
  return formatFen(fen, unit, 2, true);
}

/** Signed 元 change → "+132.02" / "-0.10" / "0.00" in 万元. */
export function formatWanSigned(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '—';
  const s = formatWan(yuan);
  return yuan > 0 ? `+${s}` : s;
}

/** Percentage of change vs a base, display only: "9.76%"; null when the base is 0 or unknown. */
export function formatPercentChange(change: number | null | undefined, base: number | null | undefined): string | null {
  if (change === null || change === undefined || !base) return null;
  const pct = (change / base) * 100;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(2)}%`;
}

/** 元 as a 万元 number for charts only (display, never stored or added). */
export const yuanToWanNumber = (yuan: number): number => yuan / 10000;

/** A share (0…1) as "95.3%" (one decimal), display only; `signed` prefixes increases with "+". */
export function formatShare(share: number, opts: { signed?: boolean } = {}): string {
  const text = `${(share * 100).toFixed(1)}%`;
  return opts.signed && share > 0 ? `+${text}` : text;
}
