/**
 * The `records` collection's loader (src/lib/records-loader.ts) against a store with the Content Loader
 * API's semantics (`set` returns false and stores nothing when the digest is unchanged): the release rules
 * decide the entries, unchanged records are not stored again, and a record that leaves the build leaves the
 * collection. (A real `getCollection('records')` in production and preview builds: leak.build.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { fixtureContentDir } from '../../../tests/fixtures.ts';
import { listRecordFiles } from '../../domain/record-files.ts';
import { recordEntrySchema } from '../../domain/schema/record-entry.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';
import { recordEntry, syncRecords } from '../records-loader.ts';
import { readSummaries } from '../records.ts';

type Store = LoaderContext['store'];
interface Entry { id: string; data: Record<string, unknown>; digest?: string | number }

/** An in-memory store that behaves as Astro's scoped data store does for set/delete/keys. */
function memoryStore(): Store & { writes: number; all: Map<string, Entry> } {
  const all = new Map<string, Entry>();
  const store = {
    all,
    writes: 0,
    get: (id: string) => all.get(id),
    entries: () => [...all.entries()],
    values: () => [...all.values()],
    keys: () => [...all.keys()],
    has: (id: string) => all.has(id),
    delete: (id: string) => { all.delete(id); },
    clear: () => all.clear(),
    addModuleImport: () => {},
    set: (e: Entry) => {
      if (e.digest !== undefined && all.get(e.id)?.digest === e.digest) return false;
      all.set(e.id, e);
      store.writes++;
      return true;
    },
  };
  return store as unknown as Store & { writes: number; all: Map<string, Entry> };
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(await fixtureContentDir(), dir, { recursive: true });
const files = listRecordFiles(dir);
const edit = (file: string, change: (r: UnitYearRecord) => void): void => {
  const r = JSON.parse(readFileSync(file, 'utf8')) as UnitYearRecord;
  change(r);
  writeFileSync(file, `${JSON.stringify(r, null, 1)}\n`);
};
const TODAY = '2026-05-20';
const [draftFile, embargoedFile] = files;
edit(draftFile!, (r) => { r.release = { ...r.release, status: 'draft' }; });
edit(embargoedFile!, (r) => { r.release = { ...r.release, status: 'published', publishAt: '2026-05-21' }; });
const ids = readSummaries(dir).map((s) => s.id);
const [draft, embargoed, ...released] = ids;

describe('syncRecords', () => {
  const store = memoryStore();

  test('a production build gets the released records only: no draft, no embargoed record', () => {
    expect(syncRecords(store, dir, { preview: false, today: TODAY })).toEqual({ entries: released.length, changed: released.length });
    expect([...store.all.keys()].sort()).toEqual([...released].sort());
    expect(store.has(draft!)).toBe(false);
    expect(store.has(embargoed!)).toBe(false);
  });

  test('each entry is the small validated part of the summary, with its page and file', () => {
    const entry = store.get(released[0]!)!;
    const summary = readSummaries(dir).find((s) => s.id === released[0])!;
    expect(entry.data).toEqual(recordEntry(summary));
    expect(recordEntrySchema.parse(entry.data)).toEqual(entry.data);
    expect(entry.data).toMatchObject({ id: summary.id, path: `/${summary.id}/`, file: `records/${summary.id}.json` });
    expect(Object.keys(entry.data).sort()).toEqual(['file', 'id', 'identity', 'keyFigures', 'path', 'release', 'slug']);
    expect(entry.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  test('unchanged records are not stored again; a changed one is', () => {
    const before = store.writes;
    expect(syncRecords(store, dir, { preview: false, today: TODAY }).changed).toBe(0);
    expect(store.writes).toBe(before);
    const changedFile = files.find((f) => f.endsWith(`${released[0]}.json`))!;
    edit(changedFile, (r) => { r.identity = { ...r.identity, unit: '改过的名称' }; });
    expect(syncRecords(store, dir, { preview: false, today: TODAY }).changed).toBe(1);
    expect(store.writes).toBe(before + 1);
    expect((store.get(released[0]!)!.data as { identity: { unit: string } }).identity.unit).toBe('改过的名称');
  });

  test('preview (the dev server) shows them all; back in production they leave the collection', () => {
    expect(syncRecords(store, dir, { preview: true, today: TODAY }).entries).toBe(ids.length);
    expect([...store.all.keys()].sort()).toEqual([...ids].sort());
    expect(syncRecords(store, dir, { preview: false, today: TODAY }).changed).toBe(2);
    expect([...store.all.keys()].sort()).toEqual([...released].sort());
  });

  test('the embargo lifts on its date', () => {
    expect(syncRecords(store, dir, { preview: false, today: '2026-05-21' }).entries).toBe(released.length + 1);
    expect(store.has(embargoed!)).toBe(true);
    expect(store.has(draft!)).toBe(false);
  });
});
