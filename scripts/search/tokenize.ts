/**
 * Splits indexed text into words exactly the way the search client splits a query
 * (src/client/search-engine.ts `queryParts`, same PART and HAN from src/domain/text.ts: NFKC, Chinese runs vs other words,
 * lower-cased), then cuts
 * each Chinese run into words with ICU's dictionary-based segmenter (`Intl.Segmenter('zh-CN')`, built into
 * Node; no dependency, deterministic for a given Node/ICU version). The client does not segment queries:
 * it matches a run as a prefix of an indexed word, or as indexed words standing next to each other, so any
 * reasonable segmentation serves it.
 *
 * Budget disclosures repeat the same phrases on every page, so segmented runs are cached (bounded).
 */
import { HAN, PART } from '../../src/domain/text.ts';

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

const NOT_SPACE = /\S/gu;

/**
 * Calls `emit` with each word of `text`, in order, and the number of punctuation marks (other non-space
 * characters) since the previous word: like Pagefind, a punctuation mark takes a word position, so that
 * the client's phrase match (at most one mark between words) does not skip words listed with 、.
 * `at` is where the word starts in the NFKC form of `text`.
 */
export function forEachWord(text: string, emit: (word: string, marks: number, at: number) => void): void {
  const normal = text.normalize('NFKC');
  let end = 0;
  PART.lastIndex = 0;
  for (const m of normal.matchAll(PART)) {
    const marks = m.index > end ? (normal.slice(end, m.index).match(NOT_SPACE)?.length ?? 0) : 0;
    end = m.index + m[0].length;
    if (!HAN.test(m[0])) {
      emit(m[0].toLocaleLowerCase('zh-CN'), marks, m.index);
      continue;
    }
    let first = true;
    let cursor = 0;
    for (const w of segmentHan(m[0])) {
      const i = m[0].indexOf(w, cursor);
      const start = i >= 0 ? i : cursor;
      cursor = start + (i >= 0 ? w.length : 0);
      emit(w, first ? marks : 0, m.index + start);
      first = false;
    }
  }
}

/** The words of `text`, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (w) => out.push(w));
  return out;
}
