/**
 * The glossary a build may publish, and the terms the glossary-link plugin marks in text.
 * Source: content/glossary.json (built by ingest over all records) filtered to the visible records, so
 * drafts' and embargoed records' users and wordings never reach a production page.
 * Plain Node (fs), so astro.config.mjs can use it for the MDX pages too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainDefinition } from '../domain/plain-definitions.ts';
import { filterGlossary, firstSentence, shortDefinition } from '../domain/glossary.ts';
import type { GlossaryTerm } from '../domain/schema/glossary-term.ts';
import type { GlossaryLinkTerm } from '../remark/glossary-links.ts';
import { isReleased } from '../domain/release.ts';

export { contentDir } from '../domain/content-dir.ts';

const readJson = <T>(path: string, fallback: T): T => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return fallback;
  }
};

/** Ids of the records a build may show, from content/index.json (no need to read every record). */
export function visibleIdsFromManifest(dir: string, preview: boolean, today: string): Set<string> {
  const manifest = readJson<{ id: string; status: 'draft' | 'published'; publishAt: string | null }[]>(join(dir, 'index.json'), []);
  return new Set(manifest
    .filter((m) => preview || isReleased({ release: { status: m.status, publishAt: m.publishAt, acknowledgements: [], corrections: [] } }, today))
    .map((m) => m.id));
}

/** The publishable glossary for the given visible record ids. */
export function loadGlossary(dir: string, visibleIds: ReadonlySet<string>): GlossaryTerm[] {
  return filterGlossary(readJson<GlossaryTerm[]>(join(dir, 'glossary.json'), []), visibleIds);
}

/** Terms for the link plugin; `hrefFor` builds each entry's URL (from its slug, never from text). */
export function linkTerms(glossary: readonly GlossaryTerm[], hrefFor: (t: GlossaryTerm) => string): GlossaryLinkTerm[] {
  return glossary.map((t) => ({ key: t.key, term: t.term, href: hrefFor(t), short: shortDefinition(t) || firstSentence(plainDefinition(t.term) ?? '') }));
}
