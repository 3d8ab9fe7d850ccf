/**
 * The templates registry: every document family the ingest knows. The stages read the merged vocabulary
 * below, never a single template, so adding a family is adding its module to TEMPLATES (and fixtures).
 */
import { chongqing } from './chongqing.ts';
import { chongqingParts } from './chongqing-parts.ts';
import { jiangsu } from './jiangsu.ts';
import { shanghai } from './shanghai.ts';
import type { FamilyDocument } from './hooks.ts';
import type { HeadingStyle, SectionVocabulary, TableTitle, Template } from './types.ts';

/** Registered templates, in the order their entries are tried. */
export const TEMPLATES: readonly Template[] = [chongqing, chongqingParts, jiangsu, shanghai];

/** The templates that recognise the document as one of their family's. */
export const familiesOf = (doc: FamilyDocument): Template[] => TEMPLATES.filter((t) => t.detect?.(doc));

/** Heading styles of all templates, outermost depth first (registry order within a depth). */
export const HEADING_STYLES: readonly HeadingStyle[] = TEMPLATES.flatMap((t) => t.headingStyles)
  .map((s, i) => ({ s, i }))
  .sort((a, b) => a.s.depth - b.s.depth || a.i - b.i)
  .map(({ s }) => s);

/** Section vocabulary of all templates, in registry order. */
export const SECTION_VOCABULARY: readonly SectionVocabulary[] = TEMPLATES.flatMap((t) => t.sections);

/** Table-title vocabulary of all templates, in registry order. */
export const TABLE_TITLES: readonly TableTitle[] = TEMPLATES.flatMap((t) => t.tableTitles);
