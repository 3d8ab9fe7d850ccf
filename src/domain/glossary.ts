/**
 * The site-wide glossary: every 专业性名词解释 term and every 支出功能分类 / 经济分类 科目 name printed in a
 * table, merged across records by a normalised key. A term keeps each different wording of its definition
 * side by side, each with the unit-years that use it.
 */
import { pinyin } from 'pinyin-pro';
import { foldWidth } from './text.ts';
import type { GlossaryTerm } from './schema/glossary-term.ts';
import type { GlossaryDefinition } from './schema/glossary-definition.ts';
import type { GlossaryUser } from './schema/glossary-user.ts';
import type { UnitYearRecord } from './schema/record.ts';

/** Quote marks that documents put around parts of a term (“三公”经费, ‘三公’经费, "三公"经费, 「三公」经费). */
const QUOTES = new Set(['“', '”', '‘', '’', '"', "'", '「', '」', '『', '』']);

/**
 * The matching key contributed by one character of a term or of running text: '' for quote marks and
 * whitespace, the ASCII form of full-width ASCII, the character itself otherwise.
 */
export function normalizeTermChar(ch: string): string {
  const folded = foldWidth(ch);
  return QUOTES.has(folded) || /^\s$/u.test(folded) ? '' : folded;
}

/** Key for matching a term: quotes and spaces removed, full-width ASCII folded; `“三公”经费` → `三公经费`. */
export function normalizeTerm(term: string): string {
  let key = '';
  for (const ch of term) key += normalizeTermChar(ch);
  return key;
}

/** Comparison key for definitions: whitespace removed, full-width ASCII folded; quotes are kept. */
function definitionKey(text: string): string {
  let key = '';
  for (const ch of text) key += foldWidth(ch);
  return key.replace(/\s+/gu, '');
}

/**
 * ASCII slug from the pinyin of a key: syllables without tones (ü as v), lowercased, joined by '-', other
 * characters dropped (runs of letters/digits kept); `term` when nothing is left.
 */
export function slugOf(key: string): string {
  const syllables = pinyin(key, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const slug = syllables.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug || 'term';
}

/** Category of a 科目编码: 2xx 支出功能分类, 3xx/5xx 经济分类; null for anything else (e.g. 收入分类 1xx). */
function codeCategory(code: string): 'function' | 'economic' | null {
  if (code.startsWith('2')) return 'function';
  if (code.startsWith('3') || code.startsWith('5')) return 'economic';
  return null;
}

/** Code-point order, independent of the runtime's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const CATEGORY_ORDER: Record<GlossaryTerm['category'], number> = { budget: 0, function: 1, economic: 2 };

interface DefinitionAcc {
  text: string;
  users: Map<string, GlossaryUser>;
}

interface TermAcc {
  key: string;
  term: string;
  codes: Map<string, 'function' | 'economic'>;
  definitions: Map<string, DefinitionAcc>;
  users: Map<string, GlossaryUser>;
}

/** Users sorted by record id. */
function sortedUsers(users: Map<string, GlossaryUser>): GlossaryUser[] {
  return [...users.values()].sort((a, b) => compareStrings(a.recordId, b.recordId));
}

/** The 科目 names of a record's tables: rows with a code, the name being the cell after the code cell. */
function classNames(record: UnitYearRecord): { code: string; name: string }[] {
  const names: { code: string; name: string }[] = [];
  for (const table of record.tables) {
    for (const row of table.rows) {
      if (row.code === null || row.level === null) continue;
      const at = row.cells.findIndex((cell) => cell.text.trim() === row.code);
      const name = at < 0 ? '' : (row.cells[at + 1]?.text.trim() ?? '');
      if (name) names.push({ code: row.code, name });
    }
  }
  return names;
}

/**
 * Builds the site-wide glossary from records. Terms are merged by `normalizeTerm`; identical definitions
 * (after whitespace and width folding) are merged, different ones kept side by side with their users.
 * Table class names (rows with a 科目编码) are added with their code and, when some document's 名词解释
 * defines the same name, that definition. Output is sorted by category, then pinyin of the term (its
 * slug), and does not depend on the order of `records`; colliding slugs get -2, -3 … in that order.
 */
export function buildGlossary(records: readonly UnitYearRecord[]): GlossaryTerm[] {
  const terms = new Map<string, TermAcc>();
  const entryFor = (written: string): TermAcc | null => {
    const key = normalizeTerm(written);
    if (!key) return null;
    let acc = terms.get(key);
    if (!acc) {
      acc = { key, term: written.trim(), codes: new Map(), definitions: new Map(), users: new Map() };
      terms.set(key, acc);
    }
    return acc;
  };

  const ordered = [...records].sort((a, b) => compareStrings(a.id, b.id));
  for (const record of ordered) {
    const user: GlossaryUser = { recordId: record.id, unit: record.identity.unit, year: record.identity.year };
    for (const entry of record.glossary) {
      const acc = entryFor(entry.term);
      if (!acc) continue;
      acc.users.set(user.recordId, user);
      const text = entry.definition.trim();
      if (!text) continue;
      const defKey = definitionKey(text);
      let def = acc.definitions.get(defKey);
      if (!def) {
        def = { text, users: new Map() };
        acc.definitions.set(defKey, def);
      }
      def.users.set(user.recordId, user);
    }
    for (const { code, name } of classNames(record)) {
      const category = codeCategory(code);
      const acc = category && entryFor(name);
      if (!acc) continue;
      acc.codes.set(code, category);
      acc.users.set(user.recordId, user);
    }
  }

  const built = [...terms.values()].map((acc) => {
    const codes = [...acc.codes.keys()].sort(compareStrings);
    const categories = new Set(acc.codes.values());
    const category: GlossaryTerm['category'] = categories.has('function')
      ? 'function'
      : categories.has('economic') ? 'economic' : 'budget';
    // Map iteration keeps first-seen order, so the stable sort breaks ties by first appearance.
    const definitions: GlossaryDefinition[] = [...acc.definitions.values()]
      .map((def) => ({ text: def.text, usedBy: sortedUsers(def.users) }))
      .sort((a, b) => b.usedBy.length - a.usedBy.length);
    return {
      base: slugOf(acc.key),
      term: {
        key: acc.key, slug: '', term: acc.term, category, code: codes[0] ?? null, codes, definitions,
        usedBy: sortedUsers(acc.users),
      } satisfies GlossaryTerm,
    };
  });
  built.sort((a, b) =>
    CATEGORY_ORDER[a.term.category] - CATEGORY_ORDER[b.term.category]
    || compareStrings(a.base, b.base)
    || compareStrings(a.term.key, b.term.key));

  const taken = new Set<string>();
  return built.map(({ base, term }) => {
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return { ...term, slug };
  });
}

/**
 * The glossary as a build that shows only `visibleIds` may publish it: users and definitions of hidden
 * records (drafts, embargoed) removed, terms nobody visible uses dropped. Slugs are kept as assigned over
 * all records, so a term's anchor does not move when a draft is published.
 */
export function filterGlossary(terms: readonly GlossaryTerm[], visibleIds: ReadonlySet<string>): GlossaryTerm[] {
  const keep = (users: GlossaryUser[]) => users.filter((u) => visibleIds.has(u.recordId));
  const out: GlossaryTerm[] = [];
  for (const t of terms) {
    const usedBy = keep(t.usedBy);
    if (!usedBy.length) continue;
    const definitions = t.definitions
      .map((d) => ({ ...d, usedBy: keep(d.usedBy) }))
      .filter((d) => d.usedBy.length > 0);
    out.push({ ...t, usedBy, definitions });
  }
  return out;
}

/** A one-line definition for tooltips: the most used wording, cut at the first sentence or 80 characters. */
export function shortDefinition(term: GlossaryTerm): string {
  return firstSentence(term.definitions[0]?.text ?? '');
}

/** A definition cut for a tooltip: its first sentence, at most 80 characters. */
export function firstSentence(text: string): string {
  const sentence = text.split(/(?<=。)/)[0] ?? text;
  return sentence.length > 80 ? `${sentence.slice(0, 79)}…` : sentence;
}
