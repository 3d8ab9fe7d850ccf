/**
 * The glossary of this build, for pages: content/glossary.json filtered to the visible records.
 * Memoised: computed once per build (once per content/ version in the dev server), not per page.
 */
import type { GlossaryTerm } from '../domain/schema/glossary-term.ts';
import { getVisibleRecords, paths, siteDataVersion, url } from './records.ts';
import { contentDir, linkTerms, loadGlossary } from './glossary.ts';
import type { GlossaryLinkTerm } from '../remark/glossary-links.ts';

let memo: { version: string; value: Promise<{ glossary: GlossaryTerm[]; terms: GlossaryLinkTerm[] }> } | null = null;

/** The glossary and the link-plugin terms (hrefs under the base path). */
export function getSiteGlossary(): Promise<{ glossary: GlossaryTerm[]; terms: GlossaryLinkTerm[] }> {
  const version = siteDataVersion();
  if (memo?.version !== version) {
    memo = {
      version,
      value: getVisibleRecords().then((records) => {
        const glossary = loadGlossary(contentDir(), new Set(records.map((r) => r.id)));
        return { glossary, terms: linkTerms(glossary, (t) => `${url(paths.glossary)}#${t.slug}`) };
      }),
    };
  }
  return memo.value;
}
