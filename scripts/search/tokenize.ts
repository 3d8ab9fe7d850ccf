/**
 * Splits indexed text into words exactly the way the search client splits a query
 * (src/client/search-engine.ts `queryParts`: NFKC, Chinese runs vs other words, lower-cased), then cuts
 * each Chinese run into words with ICU's dictionary-based segmenter (`Intl.Segmenter('zh-CN')`, built into
 * Node; no dependency, deterministic for a given Node/ICU version). The client does not segment queries:
 * it matches a run as a prefix of an indexed word, or as indexed words standing next to each other, so any
 * reasonable segmentation serves it.
 *
 * Budget disclosures repeat the same phrases on every page, so segmented runs are cached (bounded).
 */
import { queryParts } from '../../src/client/search-engine.ts';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const CACHE_LIMIT = 200_000;
const cache = new Map<string, readonly string[]>();

/** The words of a Chinese run. */
export function segmentHan(run: string): readonly string[] {
  const hit = cache.get(run);
  if (hit) return hit;
  const words: string[] = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike !== false && s.segment.trim() !== '') words.push(s.segment);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(run, words);
  return words;
}

/** Calls `emit` with each word of `text`, in order. */
export function forEachWord(text: string, emit: (word: string) => void): void {
  for (const part of queryParts(text)) {
    if (part.kind === 'word') emit(part.text);
    else for (const w of segmentHan(part.text)) emit(w);
  }
}

/** The words of `text`, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (w) => out.push(w));
  return out;
}
