/**
 * Sidecars: `<seed file name>.meta.yml` beside a seed holds release metadata (status, embargo,
 * acknowledgements, corrections). Validated by `sidecarSchema`; errors point at the offending line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseDocument as parseYaml, isNode } from 'yaml';
import { sidecarSchema, type Sidecar } from '../../src/domain/schema/release.ts';
import type { Diagnostic } from './errors.ts';

export type SidecarResult = { ok: true; value: Sidecar; file: string | null } | { ok: false; diagnostics: Diagnostic[] };

export const sidecarPath = (seedFile: string): string => `${seedFile}.meta.yml`;

const lineAt = (text: string, offset: number): number => text.slice(0, Math.max(0, offset)).split('\n').length;

/** Parses sidecar text. */
export function parseSidecar(text: string, file: string): SidecarResult {
  const doc = parseYaml(text.replace(/^\uFEFF/, ''), { prettyErrors: false });
  if (doc.errors.length) {
    return { ok: false, diagnostics: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? 1, kind: 'sidecar' as const, message: `元数据文件不是有效的 YAML：${e.message.split('\n')[0]}` })) };
  }
  const data = doc.toJS() ?? {};
  const parsed = sidecarSchema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data, file };
  return {
    ok: false,
    diagnostics: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      let node: unknown = doc.getIn(issue.code === 'unrecognized_keys' ? path : path, true);
      if (issue.code === 'unrecognized_keys') {
        const key = (issue as { keys?: string[] }).keys?.[0];
        const map = path.length ? doc.getIn(path, true) : doc.contents;
        const pair = (map as { items?: { key: { value?: unknown; range?: number[] } }[] } | null)?.items?.find((p) => p.key?.value === key);
        node = pair?.key;
      }
      const range = isNode(node) ? node.range : (node as { range?: number[] } | undefined)?.range;
      const line = range ? lineAt(text, range[0]!) : 1;
      const where = path.join('.') || '(根)';
      const expected = issue.code === 'unrecognized_keys'
        ? `未知字段 ${(issue as { keys?: string[] }).keys?.join('、')}；允许的字段为 status、publishAt、acknowledgements、corrections`
        : `${where}：${issue.message}`;
      return { file, line, kind: 'sidecar' as const, message: `元数据文件字段错误：${expected}` };
    }),
  };
}

/** Reads the sidecar beside a seed file; a missing sidecar means the defaults (published). */
export function readSidecarFor(seedFile: string): SidecarResult {
  const path = sidecarPath(seedFile);
  if (!existsSync(path)) return { ok: true, value: sidecarSchema.parse({}), file: null };
  return parseSidecar(readFileSync(path, 'utf8'), path);
}
