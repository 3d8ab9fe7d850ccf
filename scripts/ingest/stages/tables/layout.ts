/**
 * Layout lines → positioned segments. A PDF reader gives each line its text runs with x extents; a text
 * seed laid out with spaces (`pdftotext -layout`) gives only the text, and its segments are derived here:
 * runs separated by two or more spaces, and an amount separated from a label by a single space
 * ("13,297.11 一、一般公共服务支出") is its own segment.
 *
 * Positions of derived segments are character columns: pdftotext lays out one character per column, CJK
 * included (measured on the corpus: "2010201  行政运行  5,223.22" and "201  一般公共服务支出  10,191.56" end
 * their amounts in the same character column, not in the same display column). Only relative positions
 * matter downstream.
 */

/** One run of text on a line, with its horizontal extent. */
export interface Segment {
  /** The run's text (matching form: ASCII digits and punctuation). */
  text: string;
  /** Left edge. */
  x0: number;
  /** Right edge (exclusive). */
  x1: number;
}

/** One line as the tables stage reads it. */
export interface LayoutLine {
  /** 1-based source line. */
  n: number;
  /** Matching form of the whole line. */
  text: string;
  /** 1-based page, when the reader knows it. */
  page?: number;
  /** Positioned runs, when the reader knows them (PDF); derived from `text` otherwise. */
  segments?: Segment[];
}

/** An amount as tables print it: 1,234.56 / 1234.5 / 0 / -12.00. */
export const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Labels printed with their characters spread apart: 合   计, 金   额. */
const SPREAD = /(?<=^|\s)([合总小金项])(\s{1,4})([计额目])(?=\s|$)/g;

/** Splits a run at single spaces that separate an amount from a label. */
function splitRun(run: string, x0: number, out: Segment[]): void {
  const words = run.split(' ');
  let cur = '';
  let curX = x0;
  let x = x0;
  const flush = (): void => {
    if (cur) out.push({ text: cur, x0: curX, x1: curX + cur.length });
    cur = '';
  };
  for (const w of words) {
    if (w === '') {
      x++;
      continue;
    }
    const amount = AMOUNT.test(w);
    const prevAmount = cur !== '' && AMOUNT.test(cur);
    if (cur === '' ) {
      cur = w;
      curX = x;
    } else if (amount || prevAmount) {
      flush();
      cur = w;
      curX = x;
    } else {
      cur += ` ${w}`;
    }
    x += w.length + 1;
  }
  flush();
}

/** The segments of a line of layout text. */
export function segmentsOf(text: string): Segment[] {
  const t = text.replace(/\t/g, ' ').replace(SPREAD, (_, a: string, gap: string, b: string) => `${a}${b}${gap}`);
  const out: Segment[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(t); m; m = re.exec(t)) splitRun(m[0], m.index, out);
  return out;
}

/** The segments of a line: the reader's when it has them, else derived from the text. */
export function lineSegments(line: LayoutLine): Segment[] {
  return line.segments ?? segmentsOf(line.text);
}
