/**
 * Issue 9 — nothing half-written: a crash while content/ is being written (simulated with `failAfter` after
 * every possible number of files) leaves the previous content/ byte for byte, and no temporary folder
 * behind; a write that completes replaces content/ entirely (files of records that are gone disappear).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentFiles, recoverInterrupted, writeContent, type ContentSet } from '../stages/write.ts';
import { filesUnder, folderDifferences, seedRecord, tempDir } from './helpers.ts';
import type { Diagnostic } from '../errors.ts';

const error: Diagnostic = { file: 'seeds/bad.txt', line: 3, kind: 'bad-figure', message: '金额“1,48x.96万元”无法识别；应为阿拉伯数字' };
const setA = (): ContentSet => ({ records: [seedRecord('000'), seedRecord('002')], glossary: [], errors: [] });
const setB = (): ContentSet => ({ records: [seedRecord('001'), seedRecord('003')], glossary: [], errors: [error] });

describe('writeContent is all or nothing', () => {
  let root: ReturnType<typeof tempDir>;
  let content: string;
  let snapshot: string;
  /** Everything in the parent folder except content/ and the snapshot: must stay empty. */
  const leftovers = () => readdirSync(root.path).filter((n) => n !== 'content' && n !== 'snapshot');

  beforeEach(() => {
    root = tempDir('atomic');
    content = join(root.path, 'content');
    snapshot = join(root.path, 'snapshot');
    writeContent(content, setA());
    cpSync(content, snapshot, { recursive: true });
  });
  afterEach(() => root.cleanup());

  it('writes the records, glossary, errors and README', () => {
    expect(filesUnder(content)).toEqual([...contentFiles(setA()).map(([p]) => p.split('\\').join('/')), 'README.md'].sort());
    expect(leftovers()).toEqual([]);
  });

  const count = contentFiles(setB()).length;
  for (let k = 0; k < count; k++) {
    it(`a crash after ${k} of ${count} files leaves the previous content/ intact and no temp folder`, () => {
      expect(() => writeContent(content, setB(), { failAfter: k })).toThrow('simulated crash');
      expect(folderDifferences(snapshot, content)).toEqual([]);
      expect(leftovers()).toEqual([]);
    });
  }

  it('a crash on the very first write leaves no content/ and no temp folder', () => {
    const fresh = join(root.path, 'fresh');
    expect(() => writeContent(fresh, setB(), { failAfter: 1 })).toThrow('simulated crash');
    expect(existsSync(fresh)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('a completed write replaces content/ entirely and leaves no temp folder', () => {
    writeContent(content, setB());
    const files = filesUnder(content);
    expect(files).toEqual([...contentFiles(setB()).map(([p]) => p.split('\\').join('/')), 'README.md'].sort());
    expect(files.some((f) => f.includes('shuzihuachengshi'))).toBe(false); // seed 002's record is gone
    expect(leftovers()).toEqual([]);
  });
});

describe('recovery after a killed ingest', () => {
  it('removes half-written temp folders and restores content/ when the kill fell between the renames', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-recover-'));
    const dir = join(root, 'content');
    mkdirSync(join(root, 'content.old-1-1'), { recursive: true });
    writeFileSync(join(root, 'content.old-1-1', 'index.json'), '["previous"]');
    mkdirSync(join(root, 'content.tmp-2-2'), { recursive: true });
    writeFileSync(join(root, 'content.tmp-2-2', 'index.json'), '["half"]');
    recoverInterrupted(dir);
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe('["previous"]');
    expect(readdirSync(root).sort()).toEqual(['content']);
    expect(existsSync(join(root, 'content.tmp-2-2'))).toBe(false);
  });
});
