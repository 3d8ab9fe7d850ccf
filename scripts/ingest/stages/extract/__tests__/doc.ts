/** Builds the extractors' context from a small document text, as the pipeline does (normalize → sections). */
import { toLines } from '../../normalize.ts';
import { buildSections } from '../../sections.ts';
import { ExtractContext } from '../context.ts';

export function contextOf(text: string): ExtractContext {
  const lines = toLines(text);
  return new ExtractContext(lines, buildSections(lines).sections);
}
