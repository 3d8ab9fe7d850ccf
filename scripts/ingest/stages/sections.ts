/**
 * Stage 2 — sections: lines → the document's outline.
 *
 * Headings are recognised by their numbering (第一部分 / 一、 / （一） / 1、 1. 1． / （1） / ①, full-width or not)
 * and classified by vocabulary (both declared by the templates, ../templates/), never by position: a reordered or missing section is still found by its name.
 * A numbered line is
 *  - a heading when its title is short and reads like a title ("（一）职能职责"),
 *  - an inline heading when a short title ends with ：or 。 and text follows ("（一）收入预算：2026年…"),
 *  - otherwise a numbered paragraph (a list item such as "1、负责…").
 * An unnumbered short line that is a known section name ("名词解释", "部门预算编制说明") is a heading too.
 */
import type { Line } from './normalize.ts';
import { toMatchForm } from '../../../src/domain/text.ts';
import { HEADING_STYLES, SECTION_VOCABULARY } from '../templates/index.ts';
import type { Section } from '../../../src/domain/schema/section.ts';

export type SectionKind = Section['kind'];

/** A paragraph: one non-blank line that is not a pure heading. */
export interface Para {
  /** 1-based source line. */
  line: number;
  /** Matching form (see normalize.ts), trimmed. */
  text: string;
  /** As written, trimmed; same length as `text`. */
  display: string;
  /** Numbering of a numbered paragraph or inline heading (as written), else null. */
  number: string | null;
  /** Depth of that numbering (a template's heading style), else null. */
  numberDepth: number | null;
  /** For an inline heading, its title (as written); the paragraph text is what follows it. */
  inlineTitle: string | null;
  /** Further source lines joined into this paragraph (hard-wrapped text from PDFs), if any. */
  more?: number[];
  /** A table-of-contents entry: published, never read for figures. */
  toc?: boolean;
}

/** A section as the extractors see it. */
export interface ParsedSection {
  id: string;
  kind: SectionKind;
  depth: number;
  number: string | null;
  title: string;
  line: number;
  paras: Para[];
  /** Index of the enclosing section in the flat list, or -1. */
  parent: number;
}

/** Classifies a heading title by the templates' section vocabulary. */
export function classifyTitle(title: string): SectionKind {
  for (const { kind, re } of SECTION_VOCABULARY) if (re.test(title)) return kind;
  return 'unknown';
}

interface Numbered { number: string; depth: number; rest: string; restOffset: number }

/** Splits a leading number off a (trimmed, matching-form) line. */
export function splitNumber(text: string): Numbered | null {
  for (const { depth, re } of HEADING_STYLES) {
    const m = re.exec(text);
    if (m) {
      const rest = m[2] ?? '';
      return { number: m[1]!, depth, rest, restOffset: text.length - rest.length };
    }
  }
  return null;
}

const SENTENCE_PUNCT = /[。;；,，:：]/;
/**
 * A title-like string: short, no sentence punctuation, no amounts. A trailing 。 is allowed only when the
 * title is section vocabulary ("（一）职能职责。"), so that short list items ("12、完成上级交办的其他工作。") stay
 * paragraphs.
 */
function isTitleLike(s: string, max = 26): boolean {
  if (/[:：]$/.test(s)) return false;
  const t = s.replace(/[。.]$/, '');
  if (t !== s && (t.length > 10 || classifyTitle(t) === 'unknown')) return false;
  return t.length > 0 && t.length <= max && !SENTENCE_PUNCT.test(t) && !/\d+(\.\d+)?\s*万?元/.test(t);
}

/** For "（一）收入预算：2026年…", the title and where the body starts; null when not an inline heading. */
function inlineHeading(rest: string): { title: string; bodyOffset: number } | null {
  const m = /^([^:。;,]{2,16}?)[:。]\s*/.exec(rest);
  if (!m) return null;
  const title = m[1]!;
  if (/\d/.test(title)) return null;
  if (rest.length - m[0].length === 0) return null;
  return { title, bodyOffset: m[0].length };
}

/** An unnumbered line that is itself a known section heading ("名词解释", "2025年部门预算编制说明"). */
function isBareHeading(text: string): boolean {
  // Unnumbered headings never end a sentence; "员的绩效工资。" is the tail of a wrapped line.
  if (/[。.;；,，]$/.test(text) || !isTitleLike(text, 20)) return false;
  const kind = classifyTitle(text);
  return kind !== 'unknown' && kind !== 'contact' && kind !== 'income' && kind !== 'expenditure';
}

/**
 * True when lines[i] continues paragraph `prev` that a hard wrap cut: prev's last line is directly above,
 * long (a full printed line), not laid out in columns, and stops mid-sentence.
 */
function continues(lines: Line[], i: number, prev: Para): boolean {
  const last = prev.more?.[prev.more.length - 1] ?? prev.line;
  if (last !== lines[i]!.n - 1) return false;
  const above = lines[i - 1]!.text.trim();
  const here = lines[i]!.text.trim();
  // Not a continuation: a short form field ("预算主管部门：…"), a table of contents heading, a cell.
  if (/^[^:：,，。]{2,10}[:：][^。,，]{0,30}$/.test(above) || /^目\s*录$/.test(here) || /^\t/.test(lines[i]!.text)) return false;
  return above.length >= 20 && !/\s{3,}/.test(above) && !/[。;；:：!！?？」”"）)]$/.test(above);
}

/** True inside a glossary section (or a glossary part): "一、财政拨款收入：指…" is a term, not a heading. */
function inGlossary(sections: ParsedSection[], s: ParsedSection): boolean {
  for (let cur: ParsedSection | undefined = s; cur; cur = cur.parent >= 0 ? sections[cur.parent] : undefined) {
    if (cur.kind === 'glossary') return true;
  }
  return false;
}

export interface SectionsResult {
  sections: ParsedSection[];
  /** Lines used as headings. */
  headingLines: Set<number>;
}

/**
 * Builds the outline of lines[from, to), leaving out lines[skip[0], skip[1]) (the attached tables).
 * Lines before the first heading form a 'preamble' section.
 * Blank lines are skipped; every other line is either a heading or a paragraph of exactly one section.
 */
export function buildSections(lines: Line[], from = 0, to = lines.length, skip: [number, number] = [to, to]): SectionsResult {
  const sections: ParsedSection[] = [];
  const headingLines = new Set<number>();
  const stack: number[] = []; // indices of open sections by depth order
  let current: ParsedSection = {
    id: 's0', kind: 'preamble', depth: 0, number: null, title: '', line: lines[from]?.n ?? 1, paras: [], parent: -1,
  };
  sections.push(current);

  const open = (depth: number, number: string | null, title: string, displayTitle: string, line: number, inheritKind = true) => {
    while (stack.length && sections[stack[stack.length - 1]!]!.depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1]! : -1;
    let kind = classifyTitle(title);
    if (kind === 'unknown' && inheritKind && parent >= 0) {
      // A sub-heading with no vocabulary of its own (e.g. a subordinate unit's name under 职能职责)
      // belongs to its parent's topic.
      const pk = sections[parent]!.kind;
      if (pk === 'duties' || pk === 'structure' || pk === 'glossary' || pk === 'tables') kind = pk;
    }
    current = { id: `s${sections.length}`, kind, depth, number, title: displayTitle, line, paras: [], parent };
    sections.push(current);
    stack.push(sections.length - 1);
  };

  for (let i = from; i < to; i++) {
    if (i >= skip[0] && i < skip[1]) { i = skip[1] - 1; continue; }
    const l = lines[i]!;
    const trimmedStart = l.text.length - l.text.trimStart().length;
    const text = l.text.trim();
    if (!text) continue;
    const display = l.display.slice(trimmedStart, trimmedStart + text.length);
    // A table-of-contents entry ("一、部门主要职能 ………… 3") names a section but is not one.
    if (/(?:[.…·．]{3,}|…{2,})\s*\d*\s*$/.test(text)) {
      // Kept in the outline (and so published), but no extractor reads it.
      headingLines.add(l.n);
      current.paras.push({ line: l.n, text, display, number: null, numberDepth: null, inlineTitle: null, toc: true });
      continue;
    }
    const num = splitNumber(text);
    if (num) {
      const restDisplay = display.slice(num.restOffset);
      if (num.depth === 0) {
        headingLines.add(l.n);
        open(0, display.slice(0, num.restOffset).trim(), num.rest, restDisplay, l.n);
        // A part (第一部分) spans many topics; only a tables or glossary part keeps its vocabulary.
        if (current.kind !== 'tables' && current.kind !== 'glossary') current.kind = 'part';
        continue;
      }
      // In a list of attached tables, "6. 2026年…支出表" is a list item, not a heading.
      const inTableList = current.kind === 'tables' && num.depth >= 3;
      if (!inTableList && isTitleLike(num.rest)) {
        headingLines.add(l.n);
        open(num.depth, display.slice(0, num.restOffset).trim(), num.rest, restDisplay.replace(/[。.:：]$/, ''), l.n);
        continue;
      }
      const inline = inlineHeading(num.rest);
      const kindOfInline = inline ? classifyTitle(inline.title) : 'unknown';
      // Inline headings open a section only when their title is section vocabulary; otherwise
      // ("1.综合管理科：…", "（一）财政拨款收入：指…") they are labelled paragraphs of the current section.
      if (!inTableList && inline && kindOfInline !== 'unknown' && !inGlossary(sections, current)) {
        headingLines.add(l.n);
        open(num.depth, display.slice(0, num.restOffset).trim(), inline.title, restDisplay.slice(0, inline.title.length), l.n);
        const bodyOff = num.restOffset + inline.bodyOffset;
        current.paras.push({
          line: l.n, text: text.slice(bodyOff), display: display.slice(bodyOff),
          number: null, numberDepth: null, inlineTitle: null,
        });
        continue;
      }
      current.paras.push({
        line: l.n, text: num.rest, display: restDisplay,
        number: display.slice(0, num.restOffset).trim(), numberDepth: num.depth,
        inlineTitle: inline ? restDisplay.slice(0, inline.title.length) : null,
      });
      continue;
    }
    if (/^附表\s*[:：]|^附件\s*[:：]?\s*\d*$|^附表\s*\d*$/.test(text)) {
      // "附表：1.2026年…财政拨款收支总表": the list of attached tables starts here.
      headingLines.add(l.n);
      const colon = text.search(/[:：]/);
      open(1, null, colon >= 0 ? display.slice(0, colon) : display, colon >= 0 ? display.slice(0, colon) : display, l.n, false);
      current.kind = 'tables';
      if (colon >= 0 && text.slice(colon + 1).trim()) {
        const restText = text.slice(colon + 1);
        const lead = restText.length - restText.trimStart().length;
        const body = restText.trim();
        const off = colon + 1 + lead;
        const numbered = splitNumber(body);
        current.paras.push({
          line: l.n, text: numbered ? numbered.rest : body,
          display: display.slice(off + (numbered ? numbered.restOffset : 0), off + body.length),
          number: numbered ? display.slice(off, off + numbered.restOffset).trim() : null,
          numberDepth: numbered ? numbered.depth : null, inlineTitle: null,
        });
      }
      continue;
    }
    if (current.kind !== 'preamble' && current.number !== null && current.line === l.n - 1 && current.paras.length === 0
      && current.title.length >= 16 && text.length <= 12 && !/[。.,，:：;；]/.test(text)) {
      // A long numbered title wrapped over two lines ("十一、一般公共预算“三公”经费、会议费、培训费支" / "出预算表情况说明"):
      // the second line is kept as a heading of its own (as printed), of the whole title's kind.
      headingLines.add(l.n);
      const kind = classifyTitle(toMatchForm(current.title + display));
      open(current.depth, null, text, display, l.n, false);
      current.kind = kind;
      continue;
    }
    const isDocTitle = current.kind === 'preamble' && /\d{4}\s*年/.test(text) && /预算/.test(text);
    if (!isDocTitle && isBareHeading(text) && !(current.kind === 'glossary' && /[:：]/.test(text))) {
      headingLines.add(l.n);
      // A bare heading is a top-level heading unless we are inside a numbered top-level section.
      open(1, null, text, display, l.n, false);
      continue;
    }
    const prev = current.paras[current.paras.length - 1];
    if (prev && !prev.toc && continues(lines, i, prev)) {
      // Hard-wrapped text (PDF → text): this line continues the previous paragraph's sentence.
      prev.text += text;
      prev.display += display;
      (prev.more ??= []).push(l.n);
      continue;
    }
    current.paras.push({ line: l.n, text, display, number: null, numberDepth: null, inlineTitle: null });
  }
  return { sections, headingLines };
}

/** All paragraphs of sections of the given kinds, including their sub-sections, in document order. */
export function parasOf(sections: ParsedSection[], ...kinds: SectionKind[]): Para[] {
  const out: Para[] = [];
  const inKind = (idx: number): boolean => {
    for (let s = idx; s >= 0; s = sections[s]!.parent) if (kinds.includes(sections[s]!.kind)) return true;
    return false;
  };
  sections.forEach((s, i) => { if (inKind(i)) for (const p of s.paras) if (!p.toc) out.push(p); });
  return out;
}

/** Every paragraph of the document in order. */
export const allParas = (sections: ParsedSection[]): Para[] => sections.flatMap((s) => s.paras.filter((p) => !p.toc));
