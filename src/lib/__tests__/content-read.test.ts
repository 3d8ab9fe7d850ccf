/**
 * Reading content/ without the content layer: summaries validated with their file named, the full record
 * read per page, the download list agreeing with the downloads, and the dev server seeing a re-ingest.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fixtureContentDir } from '../../../tests/fixtures.ts';
import {
  ContentError, getSiteData, loadRecord, readSummaries, recordFilePath,
} from '../records.ts';
import { listRecordFiles } from '../../domain/record-files.ts';
import { contentStamp, noteContentChange } from '../../domain/content-journal.ts';
import { HEAVY_FIELDS, summarize } from '../../domain/record-summary.ts';
import { recordSchema } from '../../domain/schema/record.ts';
import { downloadList, downloadTables } from '../../components/record/downloads.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';

const shipped = await fixtureContentDir();
const fullRecords = (): UnitYearRecord[] =>
  listRecordFiles(shipped).map((f) => JSON.parse(readFileSync(f, 'utf8')) as UnitYearRecord);

describe('summaries of the shipped content/', () => {
  test('one summary per record file, in path order, without the heavy parts', () => {
    const files = listRecordFiles(shipped);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const summaries = readSummaries(shipped);
    expect(summaries.map((s) => recordFilePath(s, shipped))).toEqual(files);
    for (const s of summaries) {
      for (const field of HEAVY_FIELDS.filter((f) => f !== 'source' && f !== 'tables')) expect(s).not.toHaveProperty(field);
      expect(s.source).not.toHaveProperty('lines');
      for (const t of s.tables) expect(Object.keys(t).sort()).toEqual(['id', 'kind', 'title']);
    }
  });

  test('a summary is much smaller than its record (it is what every site-wide page holds)', () => {
    const full = fullRecords();
    const big = full.reduce((a, b) => (JSON.stringify(a).length > JSON.stringify(b).length ? a : b));
    expect(JSON.stringify(summarize(big)).length).toBeLessThan(JSON.stringify(big).length / 4);
  });

  test('every shipped record passes the full record schema (the heavy parts are not re-checked at build)', () => {
    for (const r of fullRecords()) expect(recordSchema.safeParse(r).success, r.id).toBe(true);
  });

  test('downloadList names exactly the CSVs downloadTables writes, for every record', () => {
    for (const r of fullRecords()) {
      expect(downloadList(summarize(r))).toEqual(downloadTables(r).map(({ id, title }) => ({ id, title })));
    }
  });

  test('downloadList leaves out the narrative tables a document does not state', () => {
    const r = fullRecords()[0]!;
    const bare = summarize({
      ...r, tables: [],
      income: { ...r.income, total: null, sources: [] },
      expenditure: { ...r.expenditure, total: null, byFunction: [] },
    });
    expect(downloadList(bare).map((t) => t.id)).toEqual(['three-public']);
  });
});

describe('damaged content/ files give the file and the field, not a stack of internals', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-content-'));
    cpSync(shipped, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const first = (): string => listRecordFiles(dir)[0]!;

  test('invalid JSON', () => {
    writeFileSync(first(), '{ "id": ');
    expect(() => readSummaries(dir)).toThrow(ContentError);
    expect(() => readSummaries(dir)).toThrow(new RegExp(`^${first()}: is not valid JSON.*npm run ingest`));
  });

  test('a summary field of the wrong type names the field', () => {
    const r = JSON.parse(readFileSync(first(), 'utf8')) as Record<string, any>;
    r.keyFigures.incomeTotal = '12万元';
    writeFileSync(first(), JSON.stringify(r));
    expect(() => readSummaries(dir)).toThrow(new RegExp(`^${first()}: keyFigures\\.incomeTotal: `));
  });

  test('a record in the wrong file', () => {
    const r = JSON.parse(readFileSync(first(), 'utf8')) as UnitYearRecord;
    writeFileSync(first(), JSON.stringify({ ...r, identity: { ...r.identity, year: 1999 } }));
    expect(() => readSummaries(dir)).toThrow(/holds record .*whose file is .*1999\.json/);
  });

  test('no records folder: no records', () => {
    rmSync(join(dir, 'records'), { recursive: true });
    expect(readSummaries(dir)).toEqual([]);
  });
});

/** Runs `fn` on a temporary copy of the shipped content/. */
function inContentCopy(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-content-'));
  try {
    cpSync(shipped, dir, { recursive: true });
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('readSummaries with reuse (the dev server)', () => {
  test('reads again only the files that changed since the last call', () => inContentCopy((dir) => {
      const first = readSummaries(dir, { reuse: true });
      const [changed, ...rest] = listRecordFiles(dir);
      const r = JSON.parse(readFileSync(changed!, 'utf8')) as UnitYearRecord;
      writeFileSync(changed!, JSON.stringify({ ...r, identity: { ...r.identity, unit: '改过的名称' } }));
      const second = readSummaries(dir, { reuse: true });
      expect(second[0]).not.toBe(first[0]);
      expect(second[0]!.identity.unit).toBe('改过的名称');
      expect(second.slice(1)).toEqual(first.slice(1));
      second.slice(1).forEach((s, i) => expect(s).toBe(first[i + 1]));
      expect(rest.length).toBe(second.length - 1);
      // Without reuse (a production build) every file is read.
      expect(readSummaries(dir)[1]).not.toBe(first[1]);
  }));
});

describe('readSummaries after a seed watcher update (its journal)', () => {
  test('reads only the record files the journal names; equals a fresh read; without a chain it lists again', () => inContentCopy((dir) => {
      const first = readSummaries(dir, { reuse: true });
      const [changed, gone] = listRecordFiles(dir);
      const rel = (f: string): string => relative(dir, f);
      const r = JSON.parse(readFileSync(changed!, 'utf8')) as UnitYearRecord;
      writeFileSync(changed!, JSON.stringify({ ...r, identity: { ...r.identity, unit: '改过的名称' } }));
      rmSync(gone!);
      const from = contentStamp(dir);
      writeFileSync(join(dir, 'index.json'), `${readFileSync(join(dir, 'index.json'), 'utf8')} `);
      noteContentChange(dir, { from, to: contentStamp(dir), written: [rel(changed!), 'index.json'], removed: [rel(gone!)] });
      const second = readSummaries(dir, { reuse: true });
      expect(second).toEqual(readSummaries(dir));
      expect(second[0]!.identity.unit).toBe('改过的名称');
      expect(second.length).toBe(first.length - 1);
      second.slice(1).forEach((s, i) => expect(s).toBe(first[i + 2]));
      // index.json rewritten with no journal entry (`npm run ingest` in another terminal): all listed and stat-ed.
      writeFileSync(changed!, JSON.stringify({ ...r, identity: { ...r.identity, unit: '又改过' } }));
      writeFileSync(join(dir, 'index.json'), `${readFileSync(join(dir, 'index.json'), 'utf8')} `);
      const third = readSummaries(dir, { reuse: true });
      expect(third[0]!.identity.unit).toBe('又改过');
      expect(third).toEqual(readSummaries(dir));
  }));
});

describe('loadRecord', () => {
  test('reads the full record of a summary', () => {
    const [summary] = readSummaries(shipped);
    const before = process.env.GONGKAI_CONTENT_DIR;
    process.env.GONGKAI_CONTENT_DIR = shipped;
    let record: UnitYearRecord;
    try {
      record = loadRecord(summary!);
    } finally {
      if (before === undefined) delete process.env.GONGKAI_CONTENT_DIR;
      else process.env.GONGKAI_CONTENT_DIR = before;
    }
    expect(record.id).toBe(summary!.id);
    expect(record.source.lines.length).toBeGreaterThan(10);
    expect(record.sections.length).toBeGreaterThan(0);
  });
});

describe('the dev server sees a re-ingest', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-content-'));
    cpSync(shipped, dir, { recursive: true });
    process.env.GONGKAI_CONTENT_DIR = dir;
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  const renameUnit = (name: string): void => {
    const file = listRecordFiles(dir).find((f) => f.includes('zhengwuxinxizhongxin'))!;
    const r = JSON.parse(readFileSync(file, 'utf8')) as UnitYearRecord;
    writeFileSync(file, JSON.stringify({ ...r, identity: { ...r.identity, unit: name } }));
  };
  const touchIndex = (seconds: number): void => {
    const t = new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
    utimesSync(join(dir, 'index.json'), t, t);
  };
  const names = async (): Promise<string[]> => (await getSiteData()).records.map((r) => r.identity.unit);

  test('in preview, new data once content/index.json is rewritten; not before', async () => {
    process.env.GONGKAI_PREVIEW = '1';
    touchIndex(1);
    expect(await names()).not.toContain('改过的名称');
    renameUnit('改过的名称');
    expect(await names()).not.toContain('改过的名称');
    touchIndex(2);
    expect(await names()).toContain('改过的名称');
  });

  test('in a production build, content/ is read once', async () => {
    delete process.env.GONGKAI_PREVIEW;
    delete process.env.GONGKAI_DEV_SERVER;
    const before = await names();
    renameUnit('改过的名称二');
    touchIndex(3);
    expect(await names()).toEqual(before);
  });
});
