/**
 * Issue 9 — a sidecar with bad fields: `<seed>.meta.yml` is validated field by field; every problem is a
 * `sidecar` diagnostic at the line of the offending field, in Chinese, saying what was expected. A valid
 * sidecar's release metadata reaches the record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseSidecar, readSidecarFor, sidecarPath } from '../run/sidecar.ts';
import { seedText, tempDir } from './helpers.ts';
import { ingestFiles } from '../run/corpus.ts';

const FILE = 'seeds/x.txt.meta.yml';

/** The single diagnostic of an invalid sidecar. */
function only(text: string) {
  const r = parseSidecar(text, FILE);
  if (r.ok) throw new Error('expected the sidecar to be rejected');
  expect(r.diagnostics).toHaveLength(1);
  const d = r.diagnostics[0]!;
  expect(d.kind).toBe('sidecar');
  expect(d.file).toBe(FILE);
  return d;
}

describe('parseSidecar', () => {
  it('reads status, publishAt, acknowledgements and corrections', () => {
    const r = parseSidecar([
      '# 2026 年预算公开的发布信息',
      'status: draft',
      'publishAt: 2026-03-20',
      'acknowledgements:',
      '  - code: change.impossible-year',
      '    explanation: 上年数为调整后预算，故增减额与两年数之差不同。',
      'corrections:',
      '  - date: "2026-03-25"',
      '    note: 更正“三公”经费中公务接待费的金额。',
      '',
    ].join('\n'), FILE);
    expect(r).toEqual({
      ok: true, file: FILE,
      value: {
        status: 'draft', publishAt: '2026-03-20',
        acknowledgements: [{ code: 'change.impossible-year', explanation: '上年数为调整后预算，故增减额与两年数之差不同。' }],
        corrections: [{ date: '2026-03-25', note: '更正“三公”经费中公务接待费的金额。' }],
      },
    });
  });

  it('an empty sidecar (or comments only) means the defaults: published, no embargo', () => {
    expect(parseSidecar('# nothing yet\n', FILE)).toEqual({ ok: true, file: FILE, value: { status: 'published', publishAt: null, acknowledgements: [], corrections: [] } });
  });

  it('an unknown field (a typo) is an error at its line, listing the allowed fields', () => {
    const d = only('status: draft\n\nstauts: published\n');
    expect(d.line).toBe(3);
    expect(d.message).toContain('stauts');
    expect(d.message).toMatch(/允许的字段为 status、publishAt、acknowledgements、corrections/);
  });

  it('an unknown field inside a list item is an error too', () => {
    const d = only('acknowledgements:\n  - code: x.y\n    explanation: 说明\n    explaination: 笔误\n');
    expect(d.line).toBe(4);
    expect(d.message).toMatch(/acknowledgements 第1项中有未知字段“explaination”；允许的字段为 code、explanation/);
  });

  it('a bad status names the value and the two allowed ones', () => {
    const d = only('# 发布状态\nstatus: publshed\n');
    expect(d.line).toBe(2);
    expect(d.message).toMatch(/status 的值“publshed”无效；应为draft.*或 published/);
  });

  it('a date in the wrong format, and a date that does not exist, are errors at their line', () => {
    const wrong = only('status: draft\npublishAt: 2026/03/20\n');
    expect(wrong.line).toBe(2);
    expect(wrong.message).toMatch(/publishAt 的值“2026\/03\/20”无效；应为YYYY-MM-DD/);
    const impossible = only('corrections:\n  - date: 2026-02-30\n    note: 更正\n');
    expect(impossible.line).toBe(2);
    expect(impossible.message).toMatch(/corrections 第1项的 date 的值“2026-02-30”不是真实存在的日期/);
  });

  it('a missing required field points at its list item', () => {
    const r = parseSidecar('corrections:\n  - date: 2026-03-05\n    note: 一\n  - date: 2026-03-06\n', FILE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([[4, '元数据文件字段错误：corrections 第2项的 note 缺少；应为更正内容的文字']]);
  });

  it('several problems give several diagnostics, in line order', () => {
    const r = parseSidecar('publishAt: soon\nstatus: 3\nacknowledgements:\n  - code: ""\n    explanation: 说明\n', FILE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => d.line)).toEqual([1, 2, 4]);
    expect(r.diagnostics[2]!.message).toMatch(/code 为空；应为发现的代码/);
  });

  it('bad YAML is an error at the line the YAML parser stops, without a stack trace', () => {
    const tab = only('status: draft\nacknowledgements:\n\t- code: x\n');
    expect(tab.line).toBe(3);
    expect(tab.message).toMatch(/第3行缩进用了制表符；应为“字段: 值”的 YAML 格式/);
    const duplicate = only('status: draft\nstatus: published\n');
    expect(duplicate.line).toBe(2);
    expect(duplicate.message).toContain('同一字段出现了两次');
    const quote = only('status: draft\ncorrections:\n  - note: "未闭合\n');
    expect(quote.line).toBeGreaterThanOrEqual(3);
    expect(quote.message).toMatch(/不是有效的 YAML（.+）；应为/);
    expect(quote.message).not.toMatch(/\n|at line/);
  });

  it('a list or a bare value instead of fields is an error at line 1', () => {
    const d = only('- status: draft\n');
    expect(d.line).toBe(1);
    expect(d.message).toContain('应为“字段: 值”的映射');
  });
});

describe('readSidecarFor and ingest', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => { dir = tempDir('sidecar'); });
  afterEach(() => dir.cleanup());

  it('no sidecar: defaults; a GBK or UTF-16 sidecar is decoded like a seed', () => {
    const seed = join(dir.path, 'a.txt');
    expect(readSidecarFor(seed)).toEqual({ ok: true, file: null, value: { status: 'published', publishAt: null, acknowledgements: [], corrections: [] } });
    const yaml = 'status: draft\ncorrections:\n  - date: 2026-03-05\n    note: 更正公务接待费\n';
    for (const bytes of [iconv.encode(yaml, 'gbk'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(yaml, 'utf16le')])]) {
      writeFileSync(sidecarPath(seed), bytes);
      const r = readSidecarFor(seed);
      expect(r.ok && r.value.corrections[0]!.note).toBe('更正公务接待费');
    }
  });

  it('a binary sidecar is a sidecar diagnostic, not a crash', () => {
    const seed = join(dir.path, 'a.txt');
    writeFileSync(sidecarPath(seed), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]));
    const r = readSidecarFor(seed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => [d.kind, d.file, d.line])).toEqual([['sidecar', sidecarPath(seed), 1]]);
  });

  it('the sidecar reaches the record; a bad sidecar keeps its seed out and names the sidecar file', async () => {
    const good = join(dir.path, '002.txt');
    const bad = join(dir.path, '000.txt');
    writeFileSync(good, seedText('002'));
    writeFileSync(bad, seedText('000'));
    writeFileSync(sidecarPath(good), 'status: draft\npublishAt: 2026-04-01\n');
    writeFileSync(sidecarPath(bad), 'status: draft\nembargo: 2026-04-01\n');
    const { outcomes, content } = await ingestFiles([good, bad], dir.path);
    expect(content.records.map((r) => [r.release.status, r.release.publishAt])).toEqual([['draft', '2026-04-01']]);
    const failed = outcomes.find((o) => !o.record)!;
    expect(failed.diagnostics).toEqual([expect.objectContaining({ kind: 'sidecar', line: 2, file: sidecarPath(bad) })]);
    expect(content.errors).toEqual(failed.diagnostics);
  });
});
