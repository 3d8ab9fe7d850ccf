/**
 * The glossary of this build, for pages: content/glossary.json filtered to the visible records, plus the
 * budget terms only this site explains.
 * Memoised: computed once per build (once per content/ version in the dev server), not per page.
 */
import { join } from 'node:path';
import type { GlossaryTerm } from '../domain/schema/glossary-term.ts';
import { getVisibleRecords, paths, siteDataVersion, url } from './records.ts';
import { contentDir, linkTerms, loadGlossary } from './glossary.ts';
import type { GlossaryLinkTerm } from '../remark/glossary-links.ts';
import { slugOf } from '../domain/glossary.ts';
import { plainTerms } from '../domain/plain-definitions.ts';
import { fileStampOr } from '../domain/file-stamp.ts';

/**
 * Budget terms this site explains (src/domain/plain-definitions.ts) that no visible document defines or
 * prints in a table — 机关运行经费, 政府采购, the income sources, the “三公” items — as glossary entries of
 * their own, so pages link them too. Their slug is made like the documents' terms' (no collision: a
 * term already in the glossary is not added).
 */
function siteOnlyTerms(glossary: readonly GlossaryTerm[]): GlossaryTerm[] {
  const keys = new Set(glossary.map((t) => t.key));
  const slugs = new Set(glossary.map((t) => t.slug));
  return plainTerms().filter((p) => p.category === 'budget' && !keys.has(p.key) && !slugs.has(slugOf(p.key))).map((p) => ({
    key: p.key, slug: slugOf(p.key), term: p.term, category: p.category, code: null, codes: [], definitions: [], usedBy: [],
  }));
}

let memo: { version: string; value: Promise<{ glossary: GlossaryTerm[]; terms: GlossaryLinkTerm[] }> } | null = null;
/** What the last value was computed from: glossary.json's stat stamp and the visible records' ids. */
let computedFrom: { key: string; value: Promise<{ glossary: GlossaryTerm[]; terms: GlossaryLinkTerm[] }> } | null = null;

/** glossary.json's modification time, size and inode ('' when absent). */
function glossaryStamp(): string {
  return fileStampOr(join(contentDir(), 'glossary.json'), '');
}

/**
 * The glossary and the link-plugin terms (hrefs under the base path). In the dev server a new content
 * version (every seed edit) reuses the last value when glossary.json and the visible records' ids are the
 * same: reading and filtering the glossary is ≈ 0.5 s at 10,000 records.
 */
export function getSiteGlossary(): Promise<{ glossary: GlossaryTerm[]; terms: GlossaryLinkTerm[] }> {
  const version = siteDataVersion();
  if (memo?.version !== version) {
    memo = {
      version,
      value: getVisibleRecords().then((records) => {
        const ids = records.map((r) => r.id);
        const key = `${glossaryStamp()}\u0000${ids.join('\u0000')}`;
        if (computedFrom?.key !== key) {
          const documents = loadGlossary(contentDir(), new Set(ids));
          const glossary = [...documents, ...siteOnlyTerms(documents)];
          computedFrom = { key, value: Promise.resolve({ glossary, terms: linkTerms(glossary, (t) => `${url(paths.glossary)}#${t.slug}`) }) };
        }
        return computedFrom.value;
      }),
    };
  }
  return memo.value;
}
