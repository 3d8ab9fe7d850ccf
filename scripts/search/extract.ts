/**
 * What the search index takes from a built page, read from its HTML with a small tag scanner (Astro's
 * output is well-formed; no DOM is built, so a page costs little time and no memory beyond
 * its own text). The `data-pagefind-*` attributes keep Pagefind's meaning:
 *   - `data-pagefind-body` on one element: only its content is indexed; a page without one is not indexed;
 *   - `data-pagefind-ignore` on an element inside it: that element's content is left out;
 *   - `<meta data-pagefind-meta="name[content]" content="…">`: a metadata field (shown in results, searched);
 *   - `<meta data-pagefind-filter="name[content]" content="…">`: a filter value.
 * The `title` field is the body's first <h1> unless a `title` meta is given. Text inside script, style,
 * template, noscript, svg and canvas is never indexed. Block-level elements separate the text into blocks
 * (joined with ". " in the stored text, as Pagefind does); headings carry more weight.
 * Every element with an `id` inside the body region (and not inside an ignored element) is an anchor, as
 * Pagefind records them: its tag, id, the text it starts with (up to its end or the next block boundary:
 * a heading's text, empty for a <section> that opens with a heading) and where that text starts.
 */
import { decodeHTML } from 'entities';

export interface TextBlock {
  text: string;
  /** Heading level 1–6, or 0 for ordinary text. */
  heading: number;
}

/** An element with an id inside the body region, in document order. */
export interface TextAnchor {
  /** Tag name, lower case (`h2`, `section`…). */
  element: string;
  id: string;
  /** Its text up to its end or the next block boundary, whitespace squashed. */
  text: string;
  /** Index of the block its text starts in (`blocks.length` when no text follows it). */
  block: number;
  /** Offset of that start in the block's text. */
  offset: number;
}

export interface ExtractedPage {
  /** Null when the page marks no `data-pagefind-body` region. */
  blocks: TextBlock[] | null;
  /** Elements with an id inside the body region (Pagefind's anchors). */
  anchors?: TextAnchor[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!?[^>]*>|[^<]+/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'canvas']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const ATTR = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
/**
 * Decodes character references (numeric and every HTML5 named one, with the WHATWG rules for references
 * without a semicolon) with `entities`, the decoder htmlparser2 and cheerio use.
 */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, name, a, b, c] of raw.matchAll(ATTR)) out.set(name!.toLowerCase(), decodeEntities(a ?? b ?? c ?? ''));
  return out;
}

/** `name[content]` → field name read from the `content` attribute; plain `name` → the element's text (unsupported here). */
function fieldFromAttribute(spec: string, attrs: Map<string, string>): [string, string] | null {
  const m = /^([^[\]]+)\[([^\]]+)\]$/.exec(spec.trim());
  if (!m) return null;
  const value = attrs.get(m[2]!.toLowerCase());
  return value === undefined ? null : [m[1]!.trim(), value];
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Reads the body region, metadata and filters of a page. */
export function extractPage(html: string): ExtractedPage {
  const meta: Record<string, string> = {};
  const filters: Record<string, string[]> = {};
  const blocks: TextBlock[] = [];
  const anchors: TextAnchor[] = [];
  /** Anchors whose text is being read: the anchor, its tag and how deep that tag is nested in it. */
  let reading: { anchor: TextAnchor; tag: string; depth: number; text: string }[] = [];
  const stopReading = (r: (typeof reading)[number]) => {
    r.anchor.text = squash(r.text);
  };
  let inBody = false;
  let bodyFound = false;
  let bodyTag = '';
  let bodyDepth = 0;
  /** The ignored or skipped element being passed over (empty when none), and its nesting depth. */
  let ignoreTag = '';
  let ignoreDepth = 0;
  const headings: number[] = [];
  let firstH1: string | null = null;
  let h1Text: string | null = null;
  let text = '';
  let pageTitle = '';
  let inTitle = false;

  const flush = () => {
    const t = squash(text);
    if (t) blocks.push({ text: t, heading: headings.length ? headings[headings.length - 1]! : 0 });
    text = '';
    reading.forEach(stopReading);
    reading = [];
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [whole, slash, rawName, rawAttrs] = m;
    if (rawName === undefined) {
      if (whole[0] === '<') continue; // comment, doctype, stray
      if (inTitle) pageTitle += whole;
      if (inBody && !ignoreTag) {
        const t = decodeEntities(whole);
        text += t;
        if (h1Text !== null) h1Text += t;
        for (const r of reading) r.text += t;
      }
      continue;
    }
    const name = rawName.toLowerCase();
    const closing = slash === '/';
    if (name === 'title' && !inBody) inTitle = !closing;
    if (!closing && name === 'meta' && rawAttrs!.includes('data-pagefind-')) {
      const attrs = attributes(rawAttrs!);
      const m1 = attrs.get('data-pagefind-meta');
      const f1 = attrs.get('data-pagefind-filter');
      const mf = m1 !== undefined ? fieldFromAttribute(m1, attrs) : null;
      if (mf) meta[mf[0]] = mf[1];
      const ff = f1 !== undefined ? fieldFromAttribute(f1, attrs) : null;
      if (ff) (filters[ff[0]] ??= []).push(ff[1]);
      continue;
    }
    if (!inBody) {
      if (!closing && !bodyFound && /\sdata-pagefind-body(?:[\s=/]|$)/i.test(rawAttrs!)) {
        inBody = true;
        bodyFound = true;
        bodyTag = name;
        bodyDepth = 1;
      }
      continue;
    }
    // Inside the body region.
    const selfClosing = VOID.has(name) || rawAttrs!.endsWith('/');
    if (name === bodyTag && !selfClosing) {
      bodyDepth += closing ? -1 : 1;
      if (bodyDepth === 0) {
        flush();
        inBody = false;
        continue;
      }
    }
    if (ignoreTag) {
      if (name === ignoreTag && !selfClosing) ignoreDepth += closing ? -1 : 1;
      if (ignoreDepth === 0) ignoreTag = '';
      continue;
    }
    if (!closing && !selfClosing && (SKIP.has(name) || /\sdata-pagefind-ignore(?:[\s=/]|$)/i.test(rawAttrs!))) {
      ignoreTag = name;
      ignoreDepth = 1;
      continue;
    }
    if (BLOCK.has(name)) flush();
    if (reading.length && !selfClosing && !BLOCK.has(name)) {
      reading = reading.filter((r) => {
        if (r.tag !== name) return true;
        r.depth += closing ? -1 : 1;
        if (r.depth > 0) return true;
        stopReading(r);
        return false;
      });
    }
    const id = !closing && /\sid\s*=/i.test(rawAttrs!) ? attributes(rawAttrs!).get('id') : undefined;
    if (id) {
      const before = squash(text);
      const anchor: TextAnchor = {
        element: name, id, text: '', block: blocks.length,
        offset: before ? before.length + (/\s$/.test(text) ? 1 : 0) : 0,
      };
      anchors.push(anchor);
      if (!selfClosing) reading.push({ anchor, tag: name, depth: 1, text: '' });
    }
    const level = name.length === 2 && name[0] === 'h' ? Number(name[1]) : 0;
    if (level >= 1 && level <= 6 && !selfClosing) {
      if (closing) {
        headings.pop();
        if (level === 1 && h1Text !== null) {
          firstH1 ??= squash(h1Text);
          h1Text = null;
        }
      } else {
        headings.push(level);
        if (level === 1 && firstH1 === null) h1Text = '';
      }
    }
  }
  if (inBody) flush();
  if (meta.title === undefined) {
    const title = firstH1 ?? squash(decodeEntities(pageTitle));
    if (title) meta.title = title;
  }
  reading.forEach(stopReading);
  return bodyFound ? { blocks, anchors, meta, filters } : { blocks: null, meta, filters };
}
