/**
 * Sidecars: `<seed file name>.meta.yml` beside a seed holds release metadata (status, embargo,
 * acknowledgements, corrections). Validated by `sidecarSchema`, with unknown fields rejected at every level
 * and dates checked against the calendar; every error points at the offending line and says, in Chinese,
 * what is wrong and what was expected.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** Reads the sidecar beside a seed file; a missing or empty sidecar means the defaults (published). */
export function readSidecarFor(seedFile: string): SidecarResult {
  const path = sidecarPath(seedFile);
  if (!existsSync(path)) return { ok: true, value: sidecarSchema.parse({}), file: null };
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
