/**
 * Links glossary terms in running text to their glossary entry, with a no-JS tooltip giving the short
 * definition. Works on mdast (a remark plugin for Markdown/MDX) and on plain-text paragraphs
 * (`createGlossaryLinker`, `linkGlossaryInText`) for pages that render narrative text with `set:html`.
 *
 * Markup produced for the first occurrence of a term in a section (classes for the site CSS):
 *
 *   <span class="term" data-term="三公经费">
 *     <a href="/glossary/#san-gong-jing-fei" aria-describedby="term-tip-1">“三公”经费</a>
 *     <span class="term-tip" role="tooltip" id="term-tip-1" data-pagefind-ignore="">指用一般公共预算财政拨款安排的…</span>
 *   </span>
 *
 *   .term      wrapper (position: relative); the term reads as a link to its glossary entry
 *   .term-tip  the short definition; show it on `.term:hover` and `.term:focus-within`, hide it visually
 *              otherwise (e.g. clip, not display:none, so the aria-describedby text stays available)
 *
 * (Whitespace above is for reading; the output has none.) When a term's `short` is empty the tooltip and
 * aria-describedby are left out.
 */
import type { Element, ElementContent } from 'hast';
import type { Data, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { compileMatcher, findTerms, type GlossaryMatcher } from './glossary-matcher.ts';

/** A linked term, as produced by this plugin: renders as `span.term` (see the module comment). */
export interface GlossaryTermNode extends Parent {
  type: 'glossaryTerm';
  /** The linked term's key (`GlossaryLinkTerm.key`). */
  key: string;
  /** The matched text as written. */
  children: Text[];
  data: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    glossaryTerm: GlossaryTermNode;
  }
  interface RootContentMap {
    glossaryTerm: GlossaryTermNode;
  }
  interface Data {
    /** Set on any node to keep glossary links out of it and its descendants. */
    noGlossary?: boolean | undefined;
  }
}

/** A term to link. */
export interface GlossaryLinkTerm {
  /** Normalised key (`normalizeTerm`), e.g. 三公经费; matched in any quote/bracket/width/space variant. */
  key: string;
  /** The term as written, e.g. “三公”经费; its normalised form is matched too. */
  term: string;
  /** Link target, e.g. `/glossary/#san-gong-jing-fei`; trusted (built by the site, not from documents). */
  href: string;
  /** Short definition shown in the tooltip (plain text, escaped); '' for none. */
  short: string;
}

/** Options of `remarkGlossaryLinks` and `createGlossaryLinker`. */
export interface GlossaryLinkOptions {
  /** Terms to link. */
  terms: readonly GlossaryLinkTerm[];
  /** Link a term once per section (content between headings, the default) or once per document. */
  scope?: 'section' | 'document';
  /** Prefix of tooltip ids (default `term-tip-`); give each linker on one page its own prefix. */
  idPrefix?: string;
}

/** Mutable state of one linking pass: keys already linked in the current scope, tooltip ids handed out. */
interface LinkState {
  linked: Set<string>;
  tips: number;
}

interface LinkContext {
  matcher: GlossaryMatcher<GlossaryLinkTerm>;
  scope: 'section' | 'document';
  idPrefix: string;
  state: LinkState;
}

/** One matcher per terms array, however many times the plugin or a linker is created with it. */
const matchers = new WeakMap<readonly GlossaryLinkTerm[], GlossaryMatcher<GlossaryLinkTerm>>();

/** The matcher for a terms array, compiled once: each term under its key and its written form. */
function matcherFor(terms: readonly GlossaryLinkTerm[]): GlossaryMatcher<GlossaryLinkTerm> {
  let matcher = matchers.get(terms);
  if (!matcher) {
    matcher = compileMatcher(terms, (term) => [term.key, term.term]);
    matchers.set(terms, matcher);
  }
  return matcher;
}

function contextFor(options: GlossaryLinkOptions): LinkContext {
  return {
    matcher: matcherFor(options.terms),
    scope: options.scope ?? 'section',
    idPrefix: options.idPrefix ?? 'term-tip-',
    state: { linked: new Set(), tips: 0 },
  };
}

/** True for a class list (string or array) naming `source` (the original-text view). */
function namesSource(value: unknown): boolean {
  const classes = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  return classes.includes('source');
}

/** Nodes whose text is never linked: marked `data.noGlossary`, or an element (hast or MDX JSX) of class `source`. */
function isExcluded(node: Nodes): boolean {
  if (node.data?.noGlossary) return true;
  const props = node.data?.hProperties;
  if (props && (namesSource(props.className) || namesSource(props.class))) return true;
  const attributes: unknown = (node as { attributes?: unknown }).attributes;
  return Array.isArray(attributes) && attributes.some((attribute: { name?: unknown; value?: unknown }) =>
    (attribute.name === 'className' || attribute.name === 'class') && namesSource(attribute.value));
}

/** The `span.term` node for one occurrence. */
function termNode(term: GlossaryLinkTerm, written: string, context: LinkContext): GlossaryTermNode {
  const link: Element = { type: 'element', tagName: 'a', properties: { href: term.href }, children: [{ type: 'text', value: written }] };
  const hChildren: ElementContent[] = [link];
  if (term.short) {
    const id = `${context.idPrefix}${++context.state.tips}`;
    link.properties.ariaDescribedBy = [id];
    hChildren.push({
      // Not indexed for search: a definition inside a sentence would split its phrases and fill snippets.
      type: 'element', tagName: 'span', properties: { className: ['term-tip'], role: 'tooltip', id, dataPagefindIgnore: '' },
      children: [{ type: 'text', value: term.short }],
    });
  }
  return {
    type: 'glossaryTerm',
    key: term.key,
    children: [{ type: 'text', value: written }],
    data: { hName: 'span', hProperties: { className: ['term'], dataTerm: term.key }, hChildren },
  };
}

/** Splits a text node around the terms not yet linked in the current scope. */
function linkText(node: Text, context: LinkContext): PhrasingContent[] {
  const { value } = node;
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const match of findTerms(value, context.matcher)) {
    if (context.state.linked.has(match.term.key)) continue;
    context.state.linked.add(match.term.key);
    if (match.start > at) out.push({ type: 'text', value: value.slice(at, match.start) });
    out.push(termNode(match.term, value.slice(match.start, match.end), context));
    at = match.end;
  }
  if (at === 0) return [node];
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

/**
 * Links terms in `parent`'s descendants in document order. Headings start a new section (in section
 * scope) and are never linked; links, excluded nodes and literals (code, inlineCode, html) are left alone;
 * terms linked by an earlier pass count as linked, so a second pass changes nothing.
 */
function linkChildren(parent: Parent, context: LinkContext): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'text' && !isExcluded(child)) {
      children.push(...linkText(child, context));
      continue;
    }
    children.push(child);
    if (child.type === 'heading') {
      if (context.scope === 'section') context.state.linked.clear();
    } else if (child.type === 'glossaryTerm') {
      context.state.linked.add(child.key);
    } else if (child.type !== 'link' && child.type !== 'linkReference' && 'children' in child && !isExcluded(child)) {
      linkChildren(child, context);
    }
  }
  parent.children = children;
}

/**
 * Remark plugin: wraps the first occurrence per section (or per document) of each glossary term in a
 * `glossaryTerm` node that remark-rehype renders as `span.term` with a link and a tooltip.
 */
export function remarkGlossaryLinks(options: GlossaryLinkOptions) {
  return (tree: Root): void => linkChildren(tree, contextFor(options));
}

/** Links terms in paragraphs of plain text, sharing the "already linked" state across calls. */
export interface GlossaryLinker {
  /** Escaped inline HTML of one plain-text paragraph (no wrapping `<p>`), terms linked. */
  link(text: string): string;
  /** Starts a new section: terms may be linked again (no-op in document scope). */
  newSection(): void;
}

/**
 * A linker for the plain-text paragraphs of one page. The text is never parsed as Markdown or HTML: it
 * becomes a single mdast text node, so `<script>`, `*`, `[x](javascript:…)` stay literal and are escaped.
 */
export function createGlossaryLinker(options: GlossaryLinkOptions): GlossaryLinker {
  const context = contextFor(options);
  const processor = unified().use(remarkRehype).use(rehypeStringify);
  return {
    link(text) {
      const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
      linkChildren(paragraph, context);
      const [p] = processor.runSync({ type: 'root', children: [paragraph] }).children as [Element];
      return processor.stringify({ type: 'root', children: p.children });
    },
    newSection() {
      if (context.scope === 'section') context.state.linked.clear();
    },
  };
}

/** Escaped inline HTML of one plain-text paragraph with its glossary terms linked (see `createGlossaryLinker`). */
export function linkGlossaryInText(text: string, options: GlossaryLinkOptions): string {
  return createGlossaryLinker(options).link(text);
}
