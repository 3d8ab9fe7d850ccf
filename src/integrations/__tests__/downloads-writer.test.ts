import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fixtureContentDir } from '../../../tests/fixtures.ts';
import { writeDownloads } from '../downloads-writer.ts';
import { downloadTables } from '../../components/record/downloads.ts';
import { toCsv } from '../../lib/csv.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';

let dir: string;
let out: string;
const ID = 'kaizhou/zhengwuxinxizhongxin/2026';
const today = '2026-11-27';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-dl-content-'));
  out = mkdtempSync(join(tmpdir(), 'gongkai-dl-out-'));
  cpSync(await fixtureContentDir(), dir, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const record = (): UnitYearRecord => JSON.parse(readFileSync(join(dir, 'records', `${ID}.json`), 'utf8')) as UnitYearRecord;
const setDraft = (inManifest: boolean, inRecord: boolean): void => {
  if (inManifest) {
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { id: string; status: string }[];
    for (const e of index) if (e.id === ID) e.status = 'draft';
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  }
  if (inRecord) {
    const r = record();
    writeFileSync(join(dir, 'records', `${ID}.json`), JSON.stringify({ ...r, release: { ...r.release, status: 'draft' } }));
  }
};

describe('writeDownloads', () => {
  test('writes record.json as the content file\'s bytes and one CSV per download table', () => {
    const report = writeDownloads(out, dir, { preview: false, today });
    expect(report.records).toBe(readdirSync(join(dir, 'records'), { recursive: true }).filter((f) => String(f).endsWith('.json')).length);
    expect(readFileSync(join(out, ID, 'record.json'))).toEqual(readFileSync(join(dir, 'records', `${ID}.json`)));
    const tables = downloadTables(record());
    expect(tables.length).toBeGreaterThan(1);
    for (const t of tables) expect(readFileSync(join(out, ID, `${t.id}.csv`), 'utf8')).toBe(toCsv(t.rows));
    expect(report.files).toBeGreaterThanOrEqual(report.records * 2);
  });

  test('a draft gets no file in a production build, and does in a preview build', () => {
    setDraft(true, true);
    writeDownloads(out, dir, { preview: false, today });
    expect(existsSync(join(out, ID))).toBe(false);
    writeDownloads(out, dir, { preview: true, today });
    expect(existsSync(join(out, ID, 'record.json'))).toBe(true);
  });

  test('a record whose own state is draft is refused even when index.json says published', () => {
    setDraft(false, true);
    expect(() => writeDownloads(out, dir, { preview: false, today })).toThrow(/is not released, but index\.json says it is/);
  });

  test('with a cache, a rebuild into the same folder leaves unchanged records\' files in place and declares them kept', () => {
    const cache = join(out, '..', `${out.split('/').pop()}-cache.json`);
    const first = writeDownloads(out, dir, { preview: false, today, cache });
    expect(first.kept).toBe(0);
    const declared: string[] = [];
    const again = writeDownloads(out, dir, { preview: false, today, cache, keep: (p) => declared.push(...p) });
    expect(again).toEqual({ ...first, kept: first.records });
    expect(declared.length).toBe(first.files);
    expect(declared).toContain(`${ID}/record.json`);
    // One record changes: only its files are written again, with the new bytes.
    const file = join(dir, 'records', `${ID}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name":', '"name": '));
    declared.length = 0;
    const changed = writeDownloads(out, dir, { preview: false, today, cache, keep: (p) => declared.push(...p) });
    expect(changed.kept).toBe(first.records - 1);
    expect(declared.some((p) => p.startsWith(`${ID}/`))).toBe(false);
    expect(readFileSync(join(out, ID, 'record.json'))).toEqual(readFileSync(file));
    // It becomes a draft: not written, not declared (keep-output removes its old files), as without a cache.
    setDraft(true, true);
    declared.length = 0;
    const drafted = writeDownloads(out, dir, { preview: false, today, cache, keep: (p) => declared.push(...p) });
    expect(drafted.records).toBe(first.records - 1);
    expect(declared.some((p) => p.startsWith(`${ID}/`))).toBe(false);
    // Another folder, or a missing file: written again.
    rmSync(join(out, declared[0]!));
    expect(writeDownloads(out, dir, { preview: false, today, cache }).kept).toBe(first.records - 2);
    rmSync(cache, { force: true });
  });
});
