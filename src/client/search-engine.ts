/**
 * Full-text search over the Pagefind index, without WebAssembly (see pagefind-format.ts for why).
 *
 * A query is split into Chinese runs (consecutive Han characters) and other words (letters and digits,
 * lower-cased). Pagefind segmented the pages with a Chinese word segmenter, so a run rarely is one
 * indexed word; a run matches a page when either
 *   - an indexed word starts with the whole run (三公 → 三公), or
 *   - the run splits into indexed words that stand next to each other on the page, the last one possibly
 *     only a prefix (政务服务 → 政务 + 服务; 三公经费 → 三公 + 经费 matches “三公”经费, since a punctuation
 *     mark between two words is allowed).
 * Other words match indexed words that start with them. Every part of the query must match (AND).
 * Pages are ranked by BM25 over those matches (headings and metadata count more); filters restrict
 * the pages to those carrying the chosen filter values.
 */
import {
  parseEntry, parseFilter, parseFragment, parseMeta, parseWordChunk, unpack,
  type Anchor, type FilterIndex, type Fragment, type IndexedWord, type MetaChunk, type MetaIndex, type WordPage,
} from './pagefind-format.ts';
import { HAN, PART } from '../domain/text.ts';

/** Reads a file of the Pagefind bundle, by its path relative to the bundle folder (`pagefind/`). */
export type Loader = (path: string) => Promise<Uint8Array>;

export interface SearchIndex {
  meta: MetaIndex;
  /** Indexed words starting with `prefix`, in index order. */
  wordsWithPrefix(prefix: string): Promise<IndexedWord[]>;
  /** A filter's values and their pages; empty when no page has the filter. */
  filter(name: string): Promise<FilterIndex>;
  /** The stored text, URL, metadata and filters of a page. */
  fragment(page: number): Promise<Fragment>;
}

/** One part of a query. */
export type QueryPart = { kind: 'han' | 'word'; text: string };

export interface Hit {
  page: number;
  score: number;
}

export interface SearchResult {
  /** Matching pages, best first. */
  hits: Hit[];
  /** Strings to highlight in snippets: the query runs and the indexed words they were split into. */
  highlights: string[];
}

/** Joins the words of a phrase in a highlight (see `snippet`): they may stand apart by one punctuation mark. */
export const PHRASE_JOINER = '\u0001';

/** Positions of consecutive words of a run may differ by at most this (one punctuation mark between). */
const MAX_GAP = 2;
/** A hit in the title or a metadata field counts as this many body hits. */
const META_WEIGHT = 2;
const K1 = 1.2;
const B = 0.75;


/** Splits a query into Chinese runs and other words; punctuation and spaces only separate. */
export function queryParts(query: string): QueryPart[] {
  return [...query.normalize('NFKC').matchAll(PART)].map(([text]) => (HAN.test(text)
    ? { kind: 'han', text }
    : { kind: 'word', text: text.toLocaleLowerCase('zh-CN') }));
}

/** Compares strings by Unicode code point, the order Pagefind sorts its words in. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The chunks that may hold words starting with `prefix` (a chunk's `to` may be a shortened prefix). */
export function chunksFor(prefix: string, chunks: readonly MetaChunk[]): MetaChunk[] {
  return chunks.filter((c) => (compareCodePoints(c.from, prefix) <= 0 || c.from.startsWith(prefix))
    && (compareCodePoints(prefix, c.to) <= 0 || prefix.startsWith(c.to)));
}

/** Opens the index written to `<site>/pagefind/`; files are fetched lazily and cached. */
export async function openIndex(load: Loader, language = 'zh-cn'): Promise<SearchIndex> {
  const entry = parseEntry(JSON.parse(new TextDecoder().decode(await load('pagefind-entry.json'))));
  const lang = entry.languages[language] ?? Object.values(entry.languages)[0];
  const meta: MetaIndex = lang
    ? parseMeta(await unpack(await load(`pagefind.${lang.hash}.pf_meta`), 'pf_meta'))
    : { version: entry.version, pages: [], chunks: [], filters: {} };
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<T>;
  };
  const chunk = (hash: string) => once(`index/${hash}`, async () =>
    parseWordChunk(await unpack(await load(`index/${hash}.pf_index`), hash)));
  return {
    meta,
    async wordsWithPrefix(prefix) {
      const lists = await Promise.all(chunksFor(prefix, meta.chunks).map((c) => chunk(c.hash)));
      return lists.flat().filter((w) => w.word.startsWith(prefix));
    },
    filter(name) {
      const hash = meta.filters[name];
      if (hash === undefined) return Promise.resolve({});
      return once(`filter/${hash}`, async () => parseFilter(await unpack(await load(`filter/${hash}.pf_filter`), hash)));
    },
    fragment(page) {
      const p = meta.pages[page];
      if (!p) return Promise.reject(new Error(`no page ${page} in the search index`));
      return once(`fragment/${p.hash}`, async () =>
        parseFragment(await unpack(await load(`fragment/${p.hash}.pf_fragment`), p.hash)));
    },
  };
}

/** Per page: term frequency (weighted) of one query part. */
type Frequencies = Map<number, number>;

function addTo(freq: Frequencies, page: number, tf: number): void {
  if (tf > 0) freq.set(page, (freq.get(page) ?? 0) + tf);
}

/** Frequencies of words that start with `prefix`; longer words count less (a prefix is a weaker match). */
async function prefixFrequencies(index: SearchIndex, prefix: string): Promise<Frequencies> {
  const freq: Frequencies = new Map();
  const len = [...prefix].length;
  for (const w of await index.wordsWithPrefix(prefix)) {
    const closeness = len / [...w.word].length;
    for (const p of w.pages) addTo(freq, p.page, (p.weight + META_WEIGHT * p.metaHits) * closeness);
  }
  return freq;
}

/** A run split into indexed words; the last may be a prefix of indexed words. */
interface Split {
  words: string[];
  lastIsPrefix: boolean;
}

/**
 * Splits a Chinese run into as few indexed words as possible, at least two (one word is the prefix
 * match). Null when the run cannot be built from indexed words.
 */
async function splitRun(index: SearchIndex, run: string): Promise<Split | null> {
  const chars = [...run];
  const n = chars.length;
  if (n < 2) return null;
  // Indexed words starting at each character, and whether some word starts with the rest of the run.
  const exact: string[][] = [];
  const restIsPrefix: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const rest = chars.slice(i).join('');
    const words = await index.wordsWithPrefix(chars[i]!);
    exact.push(words.map((w) => w.word).filter((w) => rest.startsWith(w)));
    restIsPrefix.push(words.some((w) => w.word.startsWith(rest)));
  }
  // best[i]: fewest words for chars[i..]; ties keep the longest first word (words are tried longest first).
  const best: (Split | null)[] = new Array(n + 1).fill(null);
  best[n] = { words: [], lastIsPrefix: false };
  for (let i = n - 1; i >= 0; i--) {
    let choice: Split | null = restIsPrefix[i] ? { words: [chars.slice(i).join('')], lastIsPrefix: true } : null;
    for (const w of [...exact[i]!].sort((a, b) => b.length - a.length)) {
      const next = best[i + [...w].length];
      if (next && (!choice || next.words.length + 1 < choice.words.length)) {
        choice = { words: [w, ...next.words], lastIsPrefix: next.lastIsPrefix };
      }
    }
    best[i] = choice;
  }
  const split = best[0];
  return split && split.words.length >= 2 ? split : null;
}

/** Positions of the given words (exact or by prefix) per page. */
async function positionsByPage(index: SearchIndex, word: string, prefix: boolean): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const words = (await index.wordsWithPrefix(word)).filter((w) => prefix || w.word === word);
  const pages: WordPage[] = words.flatMap((w) => w.pages);
  for (const p of pages) out.set(p.page, [...(out.get(p.page) ?? []), ...p.positions]);
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** Counts the places where the split's words follow each other (each within MAX_GAP of the previous). */
async function phraseFrequencies(index: SearchIndex, split: Split): Promise<Frequencies> {
  const lists = await Promise.all(split.words.map((w, i) =>
    positionsByPage(index, w, split.lastIsPrefix && i === split.words.length - 1)));
  const freq: Frequencies = new Map();
  for (const [page, starts] of lists[0]!) {
    const rest = lists.slice(1).map((l) => l.get(page));
    if (rest.some((r) => r === undefined)) continue;
    let count = 0;
    for (const start of starts) {
      let at: number | undefined = start;
      for (const positions of rest as number[][]) {
        const from: number = at;
        at = positions.find((q) => q > from && q <= from + MAX_GAP);
        if (at === undefined) break;
      }
      if (at !== undefined) count++;
    }
    addTo(freq, page, count);
  }
  return freq;
}

/** Frequencies of one query part, and the strings to highlight for it. */
async function partFrequencies(index: SearchIndex, part: QueryPart): Promise<{ freq: Frequencies; highlights: string[] }> {
  const freq = await prefixFrequencies(index, part.text);
  if (part.kind === 'word') return { freq, highlights: [part.text] };
  const split = await splitRun(index, part.text);
  if (split) for (const [page, tf] of await phraseFrequencies(index, split)) addTo(freq, page, tf);
  // The split's words are highlighted only together, as the phrase (三公 + 经费 in “三公”经费), never one
  // by one: a lone 费 or 经费 elsewhere is not what was searched for.
  return { freq, highlights: split ? [part.text, split.words.join(PHRASE_JOINER)] : [part.text] };
}

/** Pages carrying every chosen filter value; null when no filter is chosen. */
async function filteredPages(index: SearchIndex, filters: Record<string, string>): Promise<Set<number> | null> {
  const sets: Set<number>[] = [];
  for (const [name, value] of Object.entries(filters)) {
    if (value !== '') sets.push(new Set((await index.filter(name))[value] ?? []));
  }
  const [first, ...rest] = sets;
  return first ? new Set([...first].filter((p) => rest.every((s) => s.has(p)))) : null;
}

/**
 * Runs a query. With no query words but a filter, returns every page carrying the filter values in
 * index order; with neither, nothing.
 */
export async function search(index: SearchIndex, query: string, filters: Record<string, string> = {}): Promise<SearchResult> {
  const parts = queryParts(query);
  const allowed = await filteredPages(index, filters);
  if (parts.length === 0) {
    const pages = allowed ? [...allowed].sort((a, b) => a - b) : [];
    return { hits: pages.map((page) => ({ page, score: 0 })), highlights: [] };
  }
  const matched = await Promise.all(parts.map((p) => partFrequencies(index, p)));
  const pages = index.meta.pages;
  const total = pages.length;
  const avgLength = pages.reduce((n, p) => n + p.wordCount, 0) / Math.max(1, total);
  const scores = new Map<number, number>();
  let first = true;
  for (const { freq } of matched) {
    const idf = Math.log(1 + (total - freq.size + 0.5) / (freq.size + 0.5));
    for (const [page, tf] of freq) {
      if (!first && !scores.has(page)) continue;
      const norm = K1 * (1 - B + (B * (pages[page]?.wordCount ?? avgLength)) / Math.max(1, avgLength));
      scores.set(page, (scores.get(page) ?? 0) + (idf * tf * (K1 + 1)) / (tf + norm));
    }
    for (const page of [...scores.keys()]) if (!freq.has(page)) scores.delete(page);
    first = false;
  }
  // Equal relevance (the same unit's pages of several years, say): the newest year first.
  const yearOf = new Map<number, number>();
  for (const [year, list] of Object.entries(await index.filter('year'))) for (const page of list) yearOf.set(page, Number(year) || 0);
  const equal = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const hits = [...scores].filter(([page]) => !allowed || allowed.has(page))
    .map(([page, score]) => ({ page, score }))
    .sort((a, b) => (equal(a.score, b.score) ? 0 : b.score - a.score)
      || (yearOf.get(b.page) ?? 0) - (yearOf.get(a.page) ?? 0) || a.page - b.page);
  const highlights = [...new Set(matched.flatMap((m) => m.highlights))].sort((a, b) => b.length - a.length);
  return { hits, highlights };
}

/** A piece of a snippet: plain text or a highlighted match. */
export interface SnippetPiece {
  text: string;
  mark: boolean;
}

/** Where (at most) this many occurrences of each highlight are considered for the excerpt. */
const MAX_OCCURRENCES = 200;
/** What may stand between the words of a phrase: one punctuation mark or space. */
const BETWEEN = /[\s\p{P}\p{S}]/u;
/** A letter or digit: a word highlight matches only where no such character comes before it. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Length of the match of a highlight at `i` of `text`, or 0: a plain string matches as is (Latin words
 * only at the start of a word: "xin" does not light up inside "zhongxin"); a phrase (words joined by
 * PHRASE_JOINER) matches its words in order with at most one punctuation mark or space between them.
 */
export function matchAt(text: string, i: number, highlight: string): number {
  const words = highlight.split(PHRASE_JOINER);
  if (words.length === 1) {
    if (!text.startsWith(highlight, i)) return 0;
    if (!HAN.test(highlight) && i > 0 && WORD_CHAR.test(text[i - 1]!)) return 0;
    return highlight.length;
  }
  let at = i;
  for (const [k, w] of words.entries()) {
    if (k > 0 && !text.startsWith(w, at) && BETWEEN.test(text[at] ?? '') && text.startsWith(w, at + 1)) at++;
    if (!text.startsWith(w, at)) return 0;
    at += w.length;
  }
  return at - i;
}

/** Where each highlight matches in `text` (at most MAX_OCCURRENCES per highlight). */
function occurrences(text: string, needles: readonly string[]): { at: number; length: number; needle: number }[] {
  const found: { at: number; length: number; needle: number }[] = [];
  needles.forEach((needle, n) => {
    const first = needle.split(PHRASE_JOINER)[0]!;
    for (let i = text.indexOf(first), k = 0; i >= 0 && k < MAX_OCCURRENCES; i = text.indexOf(first, i + 1)) {
      const length = matchAt(text, i, needle);
      if (length > 0) {
        found.push({ at: i, length, needle: n });
        k++;
      }
    }
  });
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The match the excerpt is cut around: the one whose window shows the most different highlights, the
 * earliest among equals (0 when nothing matches).
 */
function bestWindowStart(text: string, needles: readonly string[], before: number, length: number): number {
  const found = occurrences(text, needles);
  let best = { at: 0, count: 0 };
  for (const { at } of found) {
    const start = Math.max(0, at - before);
    const inside = new Set(found.filter((f) => f.at >= start && f.at + f.length <= start + length).map((f) => f.needle));
    if (inside.size > best.count) best = { at, count: inside.size };
  }
  return best.at;
}

/** True when a cut at `j` would split a number (1,051.74): a digit before, and a digit or a separator then a digit after. */
function inNumber(text: string, j: number): boolean {
  const digit = (k: number) => /\d/.test(text[k] ?? '');
  const separator = (k: number) => /[.,]/.test(text[k] ?? '');
  return (digit(j - 1) && (digit(j) || (separator(j) && digit(j + 1)))) || (separator(j - 1) && digit(j - 2) && digit(j));
}

/** A page's indexed text as snippets show it: without Pagefind's U+200B word separators, spaces squashed. */
export const plainText = (content: string): string => content.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();

/**
 * An excerpt of a page's indexed text around the best match (see bestWindowStart), with every highlight
 * marked (see matchAt). Pagefind's U+200B word separators are removed; `…` marks cut ends; an amount is
 * never cut in two.
 */
export function snippet(content: string, highlights: readonly string[], before = 30, length = 120): SnippetPiece[] {
  return excerpt(content, highlights, before, length).pieces;
}

/** `snippet`, and where its first highlight starts in `plainText(content)` (−1 when nothing is marked). */
export function excerpt(content: string, highlights: readonly string[], before = 30, length = 120): { pieces: SnippetPiece[]; match: number } {
  const text = plainText(content);
  const lower = text.toLocaleLowerCase('zh-CN');
  const haystack = lower.length === text.length ? lower : text;
  const needles = highlights.filter((h) => h !== '');
  const at = bestWindowStart(haystack, needles, before, length);
  const lowSurrogate = (i: number) => /[\udc00-\udfff]/.test(text[i] ?? '');
  let start = Math.max(0, at - before);
  if (lowSurrogate(start)) start--;
  while (start > 0 && inNumber(text, start)) start--;
  // A cut excerpt does not start with the ". " Pagefind puts between blocks, nor with a space.
  while (start > 0 && start < at && /[.\s]/.test(text[start]!)) start++;
  let end = Math.min(text.length, start + length);
  if (lowSurrogate(end)) end++;
  while (end < text.length && inNumber(text, end)) end++;
  const pieces: SnippetPiece[] = [];
  const push = (piece: string, mark: boolean) => {
    if (piece === '') return;
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += piece;
    else pieces.push({ text: piece, mark });
  };
  if (start > 0) push('…', false);
  let i = start;
  let match = -1;
  while (i < end) {
    const hit = needles.map((h) => matchAt(haystack, i, h)).find((n) => n > 0);
    if (hit) {
      if (match < 0) match = i;
      push(text.slice(i, i + hit), true);
      i += hit;
    } else {
      push(text[i]!, false);
      i++;
    }
  }
  if (end < text.length) push('…', false);
  return { pieces, match };
}

const SECTION_HEADING = /^h[2-6]$/;

/**
 * The heading (h2–h6 with an id, from the page's anchors) whose section holds offset `at` of
 * `plainText(content)`, or null when `at` comes before every such heading. Each heading is found as a
 * whole block of the text (between the separators blocks are joined with: start, ". " or a space after
 * a mark), in document order, each after the one before: anchors give word positions, which the stored
 * text cannot be mapped back to without the indexer's word segmenter.
 */
export function sectionAt(content: string, anchors: readonly Anchor[], at: number): Anchor | null {
  if (at < 0) return null;
  const text = plainText(content);
  let from = 0;
  let found: Anchor | null = null;
  for (const anchor of anchors) {
    const heading = anchor.text.replace(/\s+/g, ' ').trim();
    if (!SECTION_HEADING.test(anchor.element) || heading === '' || anchor.id === '') continue;
    let i = text.indexOf(heading, from);
    while (i >= 0 && !wholeBlock(text, i, i + heading.length)) i = text.indexOf(heading, i + 1);
    if (i < 0) continue;
    if (i > at) break;
    found = anchor;
    from = i + heading.length;
  }
  return found;
}

function wholeBlock(text: string, start: number, end: number): boolean {
  const startsBlock = start === 0 || text[start - 1] === ' ';
  const endsBlock = end === text.length || text[end] === ' ' || (text[end] === '.' && (end + 1 === text.length || text[end + 1] === ' '));
  return startsBlock && endsBlock;
}
