/**
 * Web page reader (.html/.htm, as many units publish their disclosure): `rehype-parse` (unified) builds
 * the HTML tree, `hast-util-to-text` gives each block its text as a browser's innerText would, and every
 * `<table>` becomes a table (rows of cells with their spans). Also reads the HTML that mammoth makes of a
 * Word document (docx.ts).
 *
 * A published page carries the site's navigation, breadcrumbs and footer around the disclosure. The
 * disclosure is the page's `<article>` or `<main>` if it has one, otherwise the element that holds the
 * most paragraph and table text as its own children (the article body of a CMS page). Only that element
 * is read: the site's chrome is not part of the disclosure.
 *
 * Lines: one per block of text (paragraph, heading, list item, `<br>`-separated line); tables are
 * written as the text seeds' attached tables are (see types.ts): `\t<cell>` per cell, a blank line per row.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { ReadCell, ReadDocument, ReadLine, ReadTable } from './types.ts';

/** True when decoded text looks like an HTML document or fragment (not a text disclosure quoting a tag). */
export function looksLikeHtml(text: string): boolean {
  // Every text seed is asked this: most answer at their first character (\s is the set trimStart removes, BOM included).
  if (!/^\s*</.test(text)) return false;
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /^<(?:!doctype\s+html|html|head|body|meta|title|table|div|article|section|p|h[1-6])[\s>]/.test(head);
}

const parser = unified().use(rehypeParse);

/** Reads a web page (already decoded). */
export function readHtml(html: string, encoding: string, format: 'html' | 'docx' = 'html'): ReadDocument {
  const tree = parser.parse(html) as Root;
  const body = disclosureElement(tree);
  const lines: ReadLine[] = [];
  const tables: ReadTable[] = [];
  emitBlock(body, lines, tables);
  while (lines.length && !lines[lines.length - 1]!.text.trim()) lines.pop();
  return { format, encoding, lines, tables, pages: null, dropped: [] };
}

const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === 'element';

function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
  }
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'iframe']);
const BLOCK_TEXT = new Set(['p', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote']);

/** The element holding the disclosure (see module doc). */
function disclosureElement(tree: Root): Root | Element {
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of elements(tree)) {
    if (el.tagName === 'article' || el.tagName === 'main') return el;
    if (SKIPPED.has(el.tagName)) continue;
    let score = 0;
    for (const child of el.children) {
      if (child.type === 'text') score += child.value.trim().length;
      // Paragraph-like children count with their text; a container of blocks counts for itself, not here.
      else if (isElement(child) && (BLOCK_TEXT.has(child.tagName) || !hasBlock(child))) score += toText(child).trim().length;
    }
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best ?? tree;
}

const BLOCKS = new Set([...BLOCK_TEXT, 'div', 'section', 'ul', 'ol', 'dl']);
const hasBlock = (node: Element): boolean => node.children.some((c) => isElement(c) && (BLOCKS.has(c.tagName) || hasBlock(c)));
const hasTable = (node: Element): boolean => node.tagName === 'table' || node.children.some((c) => isElement(c) && hasTable(c));

/** Lines of a node: tables as tables, every other run of content through toText, line by line. */
function emitBlock(node: Root | Element, lines: ReadLine[], tables: ReadTable[]): void {
  let run: (RootContent | ElementContent)[] = [];
  const flush = () => {
    if (!run.length) return;
    const text = toText({ type: 'element', tagName: 'div', properties: {}, children: run as ElementContent[] });
    for (const raw of text.split('\n')) {
      const line = raw.replace(/[ \t\u00a0]+$/g, '');
      if (line.trim()) lines.push({ text: line.replace(/\t/g, ' '), page: null });
    }
    run = [];
  };
  for (const child of node.children) {
    if (isElement(child) && SKIPPED.has(child.tagName)) continue;
    if (isElement(child) && child.tagName === 'table') {
      flush();
      emitTable(child, lines, tables);
    } else if (isElement(child) && hasTable(child)) {
      flush();
      emitBlock(child, lines, tables);
    } else {
      run.push(child);
    }
  }
  flush();
}

const cellText = (cell: Element): string => toText(cell).replace(/\s+/g, ' ').trim();
const span = (v: unknown): number => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1000) : 1;
};

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function emitTable(table: Element, lines: ReadLine[], tables: ReadTable[]): void {
  const captionEl = table.children.find((c): c is Element => isElement(c) && c.tagName === 'caption');
  const caption = captionEl ? cellText(captionEl) || null : null;
  if (lines.length && lines[lines.length - 1]!.text.trim()) lines.push({ text: '', page: null });
  const firstLine = lines.length + 1;
  if (caption) lines.push({ text: caption, page: null });
  const rows: ReadTable['rows'] = [];
  for (const tr of rowsOf(table)) {
    const cells: ReadCell[] = [];
    for (const td of tr.children) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      // A table inside a cell (some CMS pages nest them) is read as the cell's text.
      const text = cellText(td);
      lines.push({ text: `\t${text}`, page: null });
      cells.push({ text, colSpan: span(td.properties.colSpan), rowSpan: span(td.properties.rowSpan), line: lines.length });
    }
    if (!cells.length) continue;
    lines.push({ text: '', page: null });
    rows.push({ cells });
  }
  if (rows.length || caption) tables.push({ firstLine, lastLine: lines.length, caption, rows });
}
