/**
 * A template: what one family of disclosures (a province's or city's layout, or a variant of it) looks like,
 * declared as data. The stages read the vocabulary of every registered template (index.ts) and never name a
 * family themselves, so a new family or variant is one new module here plus its fixtures (ARCHITECTURE.md).
 *
 * Entries are tried in registry order, and within a template in the order written: put the most specific
 * first. Patterns run on the matching form of a line (stages/normalize.ts: full-width folded to ASCII).
 */
import type { Section } from '../../../src/domain/schema/section.ts';
import type { TableKind } from '../../../src/domain/terms/table-kinds.ts';
import type { FamilyDocument, FamilyIdentity, FamilyParts, FamilyTrace } from './hooks.ts';

/** A heading numbering style ("一、", "（一）", "1.", "第一部分"). */
export interface HeadingStyle {
  /** Outline depth: 0 a part (第一部分), 1 一、, 2 （一）, 3 1., 4 （1）/①. */
  depth: number;
  /** Pattern on a trimmed line; captures (1) the number as written and (2) the rest of the line. */
  re: RegExp;
}

/** A section name: a heading whose title matches `re` is a section of this kind. */
export interface SectionVocabulary {
  kind: Section['kind'];
  re: RegExp;
}

/** An attached table's title: a title (spaces removed) matching `re` is a table of this kind. */
export interface TableTitle {
  kind: TableKind;
  re: RegExp;
}

export interface Template {
  /** Stable identifier, e.g. `chongqing`, `chongqing-parts`. */
  id: string;
  /** Which documents follow it, in one sentence (for ARCHITECTURE.md readers, not for matching). */
  description: string;
  /** Numbering styles of its headings. */
  headingStyles: readonly HeadingStyle[];
  /** Its section names → section kinds, most specific first. */
  sections: readonly SectionVocabulary[];
  /** Its attached tables' titles → table kinds, most specific first. */
  tableTitles: readonly TableTitle[];
  /** True for a document of this family, by its own structure and vocabulary (never its file name). */
  detect?: (doc: FamilyDocument) => boolean;
  /** The unit and year, when the generic identity finds no unit (a title worded the family's way). */
  identity?: (doc: FamilyDocument) => FamilyIdentity | null;
  /** The family's own sentences (hooks.ts): completes what the generic extractors left missing. */
  refine?: (doc: FamilyDocument, parts: FamilyParts, trace: FamilyTrace) => void;
}
