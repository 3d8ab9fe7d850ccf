/**
 * Finds glossary terms in running Chinese text. Matching runs on the normalised text (quotes and spaces
 * dropped, full-width ASCII folded — the same folding as `normalizeTerm`), so “三公”经费, "三公"经费, 三公经费
 * and 三 公 经 费 all match the key 三公经费, and 因公出国（境）费 matches 因公出国(境)费. Matches are mapped back
 * to the original text. Chinese has no word boundaries: at each position the longest term wins, scanning
 * left to right, and a term is never matched as part of a run of ASCII letters or digits.
 */
import { normalizeTerm, normalizeTermChar } from '../domain/glossary.ts';

/** A trie node, keyed by one code point of a normalised key. */
interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** The term whose key ends here, if any. */
  term: T | null;
}

/** A compiled matcher: one trie over the normalised keys. */
export interface GlossaryMatcher<T> {
  root: TrieNode<T>;
}

/** One match: the original text's [start, end) UTF-16 offsets and the term found. */
export interface TermMatch<T> {
  start: number;
  end: number;
  term: T;
}

/**
 * Compiles terms into a matcher, each term under the normalised form (`normalizeTerm`) of every surface
 * form `formsOf` gives; empty forms are ignored and the first term of a repeated key wins.
 */
export function compileMatcher<T>(terms: readonly T[], formsOf: (term: T) => string[]): GlossaryMatcher<T> {
  const root: TrieNode<T> = { next: new Map(), term: null };
  for (const term of terms) {
    for (const form of formsOf(term)) {
      let node = root;
      for (const ch of normalizeTerm(form)) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map(), term: null };
          node.next.set(ch, child);
        }
        node = child;
      }
      if (node !== root) node.term ??= term;
    }
  }
  return { root };
}

const ASCII_WORD = /^[0-9A-Za-z]$/;

/** Opening and closing quote pairs; a match keeps a quote pair whole (“三公”经费, not “<a>三公”经费</a>). */
const QUOTE_PAIRS: [string, string][] = [['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['"', '"'], ["'", "'"]];

/**
 * Widens [start, end) by one character on the side where a quote mark inside the span has lost its partner:
 * the match of 三公经费 in “三公”经费 starts at 三, so its opening “ is taken in. Never widens below `floor`
 * (the end of the previous match).
 */
function balanceQuotes(text: string, start: number, end: number, floor: number): [number, number] {
  const span = text.slice(start, end);
  for (const [open, close] of QUOTE_PAIRS) {
    const opens = span.split(open).length - 1;
    const closes = open === close ? 0 : span.split(close).length - 1;
    const unbalanced = open === close ? opens % 2 === 1 : opens !== closes;
    if (!unbalanced) continue;
    if ((open === close || closes > opens) && start > floor && text[start - 1] === open) start -= 1;
    else if ((open === close || opens > closes) && text[end] === close) end += 1;
  }
  return [start, end];
}

/**
 * All non-overlapping term occurrences in `text`, leftmost first, the longest term at each position
 * (一般公共预算财政拨款 before 财政拨款); terms inside a run of ASCII letters or digits are not matched.
 */
export function findTerms<T>(text: string, matcher: GlossaryMatcher<T>): TermMatch<T>[] {
  // Normalised code points with the [start, end) of the original character each came from.
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const folded = normalizeTermChar(ch);
    if (folded) {
      chars.push(folded);
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    offset += ch.length;
  }

  const isWord = (i: number): boolean => i >= 0 && i < chars.length && ASCII_WORD.test(chars[i]!);
  const matches: TermMatch<T>[] = [];
  let i = 0;
  while (i < chars.length) {
    let found: { term: T; end: number } | null = null;
    if (!(isWord(i) && isWord(i - 1))) {
      let node: TrieNode<T> | undefined = matcher.root;
      for (let j = i; j < chars.length; j++) {
        node = node.next.get(chars[j]!);
        if (!node) break;
        if (node.term && !(isWord(j) && isWord(j + 1))) found = { term: node.term, end: j + 1 };
      }
    }
    if (!found) {
      i += 1;
      continue;
    }
    const [start, end] = balanceQuotes(text, starts[i]!, ends[found.end - 1]!, matches.at(-1)?.end ?? 0);
    matches.push({ start, end, term: found.term });
    i = found.end;
  }
  return matches;
}
