/**
 * Text normalisation shared by the ingest, the glossary and search: width folding (the ingest's "matching
 * form" of a line, the glossary's term keys) and the split of text into Chinese runs and other words (the
 * search client's queries and the indexer's words).
 */

/**
 * Folds one character to its matching form: full-width ASCII (U+FF01–U+FF5E, so （）→ ()) to ASCII, the
 * ideographic and other wide or non-breaking spaces to a space; always exactly one UTF-16 unit in, one out,
 * other characters unchanged.
 */
export function foldWidth(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x00a0 || code === 0x2002 || code === 0x2003 || code === 0x2009 || code === 0x202f) return ' ';
  if (code === 0xff0e) return '.';
  return c;
}

/** The matching form of a string: every character folded (foldWidth); same length as the input. */
export function toMatchForm(s: string): string {
  // Most lines need no mapping at all; only the characters matchChar changes are replaced.
  return NEEDS_MAPPING.test(s) ? s.replace(NEEDS_MAPPING_G, foldWidth) : s;
}
const NEEDS_MAPPING = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u202f]/;
const NEEDS_MAPPING_G = new RegExp(NEEDS_MAPPING.source, 'g');

/** A Han character; a query part (and an indexed run) is Chinese when it contains one. */
export const HAN = /\p{Script=Han}/u;
/** A query part: a run of Han characters, or a run of other letters and digits (with decimal parts). */
export const PART = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}_])+(?:\.\p{N}+)*/gu;
