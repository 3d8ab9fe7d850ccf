/**
 * Sidecars: `<seed file name>.meta.yml` beside a seed holds release metadata (status, embargo,
 * acknowledgements, corrections). Validated by `sidecarSchema`, with unknown fields rejected at every level
 * and dates checked against the calendar; every error points at the offending line and says, in Chinese,
 * what is wrong and what was expected.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDocument as parseYaml, isAlias, isNode, isMap, visit, type Document } from 'yaml';
import { z } from 'astro/zod';
import { acknowledgementSchema } from '../../../src/domain/schema/acknowledgement.ts';
import { correctionSchema } from '../../../src/domain/schema/correction.ts';
import { sidecarSchema, type Sidecar } from '../../../src/domain/schema/sidecar.ts';
import { isCalendarDate } from '../../../src/domain/calendar.ts';
import { readText } from '../readers/text.ts';
import { IngestError, type Diagnostic } from '../errors.ts';

export type SidecarResult = { ok: true; value: Sidecar; file: string | null } | { ok: false; diagnostics: Diagnostic[] };

export const sidecarPath = (seedFile: string): string => `${seedFile}.meta.yml`;

/** The other accepted spelling of a sidecar's name. */
export const sidecarPathYaml = (seedFile: string): string => `${seedFile}.meta.yaml`;

/**
 * Names that look like a sidecar, however misspelt: `.meta.yml`/`.meta.yaml` in any case, with trailing
 * spaces. Never read as seeds; one that is not exactly `<seed>.meta.yml` or `<seed>.meta.yaml` is an error.
 */
export const SIDECAR_LIKE = /\.meta\.ya?ml\s*$/i;

/** A folder's names (hidden ones left out) and the problems of its seeds' sidecars. */
interface Pairing {
  names: Set<string>;
  problems: Map<string, Diagnostic[]>;
}
/** Per folder (and its mtime, so an added or renamed file is seen). */
const pairing = new Map<string, Pairing & { mtimeMs: number }>();

/**
 * The sidecar problems of the seeds in `dir`, by seed name. Fail closed: a sidecar that names no seed
 * exactly (`foo.meta.yml` for `foo.txt`, `foo.txt.Meta.yml`, `foo.txt.meta.yml ` with a space, or a
 * sidecar whose seed was renamed) stops the seeds it may belong to from being published — those whose
 * name it matches loosely, or, when it matches none, every seed of the folder without a sidecar of its own.
 */
function pairingOf(dir: string): Pairing {
  const mtimeMs = statSync(dir).mtimeMs;
  const cached = pairing.get(dir);
  if (cached?.mtimeMs === mtimeMs) return cached;
  const names = readdirSync(dir).filter((n) => !n.startsWith('.'));
  const sidecars = names.filter((n) => SIDECAR_LIKE.test(n));
  const seeds = names.filter((n) => !SIDECAR_LIKE.test(n));
  const seedSet = new Set(seeds);
  const problems = new Map<string, Diagnostic[]>();
  const add = (seed: string, d: Diagnostic) => problems.set(seed, [...(problems.get(seed) ?? []), d]);
  const exactFor = (n: string): string | null => {
    const m = /^(.*)\.meta\.ya?ml$/.exec(n);
    return m && seedSet.has(m[1]!) ? m[1]! : null;
  };
  const paired = new Set(sidecars.map(exactFor).filter((x): x is string => x !== null));
  for (const seed of paired) {
    if (sidecars.includes(`${seed}.meta.yml`) && sidecars.includes(`${seed}.meta.yaml`)) {
      add(seed, { file: join(dir, `${seed}.meta.yaml`), line: 1, kind: 'sidecar', message: `“${seed}”有两个元数据文件（.meta.yml 和 .meta.yaml）；只能有一个，请删除其中之一` });
    }
  }
  const loose = (n: string) => n.trim().toLowerCase();
  const stemOf = (n: string) => loose(n).replace(/\.[^.]*$/, '');
  for (const n of sidecars) {
    if (exactFor(n)) continue;
    const stem = loose(n.replace(SIDECAR_LIKE, ''));
    const near = seeds.filter((s) => loose(s) === stem || stemOf(s) === stem || stemOf(s) === stemOf(stem));
    const held = near.length ? near : seeds.filter((s) => !paired.has(s));
    for (const seed of held) {
      add(seed, {
        file: join(dir, n), line: 1, kind: 'sidecar',
        message: `元数据文件“${n}”没有对应的公开文件：文件名应为公开文件名加 .meta.yml（如“${near[0] ?? seed}.meta.yml”），大小写和空格都要一致；`
          + `${near.length ? `它像是“${seed}”的元数据文件` : `看不出它属于哪份文件，“${seed}”也可能是它的`}，为免草稿或禁发日期被忽略，“${seed}”暂不发布。请改正文件名，或删除多余的元数据文件`,
      });
    }
  }
  const listed = { mtimeMs, names: new Set(names), problems };
  pairing.set(dir, listed);
  return listed;
}

/** The sidecar schema with unknown fields rejected inside list items too (a typo never passes silently). */
const strictSidecar = sidecarSchema.extend({
  acknowledgements: z.array(acknowledgementSchema.strict()).default([]),
  corrections: z.array(correctionSchema.strict()).default([]),
});

/** Fields allowed at each level, for the messages. */
const ALLOWED: Record<string, string[]> = {
  '': Object.keys(sidecarSchema.shape),
  acknowledgements: Object.keys(acknowledgementSchema.shape),
  corrections: Object.keys(correctionSchema.shape),
};

/** What each field should hold, for the messages. */
const EXPECTED: Record<string, string> = {
  status: 'draft（仅在预览中显示）或 published（发布）',
  publishAt: 'YYYY-MM-DD 格式的日期，如 2026-03-01',
  acknowledgements: '列表，每项含 code 和 explanation',
  corrections: '列表，每项含 date 和 note',
  replaces: '被更正的已发布文件的文件名，如 003_a07dbff17632ede2.txt',
  code: '发现的代码，如 change.impossible-year',
  explanation: '单位的说明文字',
  date: 'YYYY-MM-DD 格式的日期，如 2026-03-05',
  note: '更正内容的文字',
};

const lineAt = (text: string, offset: number): number => text.slice(0, Math.max(0, offset)).split(/\r\n|\r|\n/).length;


/** Paths of the date fields present in the raw data. */
function datePaths(data: unknown): (string | number)[][] {
  const corrections = (data as { corrections?: unknown }).corrections;
  return [['publishAt'], ...(Array.isArray(corrections) ? corrections.map((_, i) => ['corrections', i, 'date']) : [])];
}

/** "corrections 第2项的 date", "status". */
function where(path: (string | number)[]): string {
  if (!path.length) return '元数据文件';
  const [head, index, field] = path;
  if (typeof index === 'number') return `${String(head)} 第${index + 1}项${field !== undefined ? `的 ${String(field)}` : ''}`;
  return path.map(String).join('.');
}

/** Line of the node at `path`, or of the nearest enclosing node that exists. */
function lineOf(doc: Document, text: string, path: (string | number)[], key?: string): number {
  for (let p = path; ; p = p.slice(0, -1)) {
    const node: unknown = p.length ? doc.getIn(p, true) : doc.contents;
    if (key !== undefined && p === path && isMap(node)) {
      const pair = node.items.find((i) => isNode(i.key) && (i.key as { value?: unknown }).value === key);
      const range = pair && isNode(pair.key) ? pair.key.range : undefined;
      if (range) return lineAt(text, range[0]);
    }
    if (isNode(node) && node.range) return lineAt(text, node.range[0]);
    if (!p.length) return 1;
  }
}

const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

/** A Chinese message for one schema issue: what is wrong and what was expected. */
function describe(issue: z.core.$ZodIssue, value: unknown): { message: string; key?: string } {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const expected = EXPECTED[field] ?? '';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const level = typeof path[0] === 'string' ? path[0] : '';
    const scope = path.length ? `${where(path)}中` : '';
    return { key, message: `${scope}有未知字段“${issue.keys.join('、')}”；允许的字段为 ${ALLOWED[level]!.join('、')}` };
  }
  if (!path.length) return { message: '元数据文件应为“字段: 值”的映射（如 status: draft），而不是列表或单个值' };
  if (issue.code === 'invalid_type' && value === undefined) return { message: `${where(path)} 缺少；应为${expected}` };
  if (issue.code === 'too_small') return { message: `${where(path)} 为空；应为${expected}` };
  return { message: `${where(path)} 的值“${shown(value)}”无效；应为${expected}` };
}

/** Parses sidecar text. */
export function parseSidecar(text: string, file: string): SidecarResult {
  const source = text.replace(/^\uFEFF/, '');
  const doc = parseYaml(source, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const byLine = new Map<number, Diagnostic>();
    for (const e of doc.errors) {
      const line = lineAt(source, e.pos[0]);
      const what = e.code === 'TAB_AS_INDENT' ? '缩进用了制表符' : e.code === 'DUPLICATE_KEY' ? '同一字段出现了两次' : `不是有效的 YAML（${e.message.split(' at line')[0]}）`;
      if (!byLine.has(line)) byLine.set(line, { file, line, kind: 'sidecar', message: `元数据文件第${line}行${what}；应为“字段: 值”的 YAML 格式，缩进只用空格` });
    }
    return { ok: false, diagnostics: [...byLine.values()] };
  }
  // A sidecar has no use for anchors and aliases (&a / *a); refused before they are expanded, so that an
  // "alias bomb" (aliases of aliases, billions of nodes from a few lines) costs nothing.
  const aliases: Diagnostic[] = [];
  visit(doc, {
    Node(_, node) {
      if (!(isAlias(node) || node.anchor)) return undefined;
      const line = node.range ? lineAt(source, node.range[0]) : 1;
      aliases.push({ file, line, kind: 'sidecar', message: `元数据文件第${line}行用了 YAML 锚点或别名（&…/*…）；元数据文件不需要它们，请直接写出每个值` });
      return visit.BREAK;
    },
  });
  if (aliases.length) return { ok: false, diagnostics: aliases };
  const data: unknown = doc.toJS() ?? {};
  const parsed = strictSidecar.safeParse(data);
  const issues: { path: (string | number)[]; message: string; key?: string }[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      issues.push({ path, ...describe(issue, path.length ? doc.getIn(path) : data) });
    }
  }
  for (const path of datePaths(data)) {
    const value = doc.getIn(path);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isCalendarDate(value)) {
      issues.push({ path, message: `${where(path)} 的值“${value}”不是真实存在的日期；应为日历上有的日期（YYYY-MM-DD）` });
    }
  }
  if (!issues.length && parsed.success) return { ok: true, value: parsed.data, file };
  return {
    ok: false,
    diagnostics: issues
      .map((i) => ({ file, line: lineOf(doc, source, i.path, i.key), kind: 'sidecar' as const, message: `元数据文件字段错误：${i.message}` }))
      .sort((a, b) => a.line - b.line),
  };
}

/**
 * Reads the sidecar beside a seed file (`.meta.yml`, or `.meta.yaml`); a missing or empty sidecar means
 * the defaults (published). A misnamed sidecar in the folder that may be this seed's, or a sidecar that is
 * a symbolic link, is an error: the seed is not published (see pairingOf).
 */
export function readSidecarFor(seedFile: string): SidecarResult {
  let listed: Pairing | undefined;
  try {
    listed = pairingOf(dirname(seedFile));
  } catch {
    // the folder cannot be listed: reading the seed reports it
  }
  const problems = listed?.problems.get(basename(seedFile));
  if (problems?.length) return { ok: false, diagnostics: problems };
  // The folder's listing says whether a sidecar is there: most seeds have none, and need no lstat for it.
  const path = [sidecarPath(seedFile), sidecarPathYaml(seedFile)]
    .find((p) => (!listed || listed.names.has(basename(p))) && lstatSync(p, { throwIfNoEntry: false }));
  if (!path) return { ok: true, value: sidecarSchema.parse({}), file: null };
  if (lstatSync(path).isSymbolicLink()) {
    return { ok: false, diagnostics: [{ file: path, line: 1, kind: 'sidecar', message: '元数据文件是符号链接，不会跟随；请把元数据文件本身放在公开文件旁' }] };
  }
  try {
    const bytes = readFileSync(path);
    if (bytes.length === 0) return { ok: true, value: sidecarSchema.parse({}), file: path };
    return parseSidecar(readText(bytes, path).text, path);
  } catch (e) {
    if (e instanceof IngestError) return { ok: false, diagnostics: [{ ...e.diagnostic, kind: 'sidecar', message: `元数据文件：${e.diagnostic.message}` }] };
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, diagnostics: [{ file: path, line: 1, kind: 'sidecar', message: `无法读取元数据文件（${code}）；应为可读的 YAML 文本文件` }] };
  }
}
