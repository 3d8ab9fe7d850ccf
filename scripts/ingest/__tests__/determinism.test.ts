/**
 * The ingest is deterministic: the same seeds give the same content/, byte for byte — whatever run, folder
 * or order the files come in — so that every diff of content/ is a real change of a published figure.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, ingestFiles, listSeeds } from '../run/corpus.ts';
import { contentFiles } from '../stages/write.ts';
import { SEEDS, SEEDS_DIR, filesUnder, folderDifferences, tempDir } from './helpers.ts';

describe('determinism of npm run ingest', () => {
  const tmp = tempDir('determinism');
  afterAll(tmp.cleanup);
  const first = join(tmp.path, 'first');
  const second = join(tmp.path, 'second');
  beforeAll(async () => {
    await ingest(SEEDS_DIR, first);
    await ingest(SEEDS_DIR, second);
  });

  it('writes a record per seed, the glossary and the error list', () => {
    const files = filesUnder(first);
    expect(files.filter((f) => f.startsWith('records/') && f.endsWith('.json'))).toHaveLength(Object.keys(SEEDS).length);
    expect(files).toEqual(expect.arrayContaining(['glossary.json', 'errors.json']));
  });

  it('writes identical bytes on two runs', () => {
    expect(folderDifferences(first, second)).toEqual([]);
  });

  it('writes identical bytes when the seeds folder lives elsewhere', async () => {
    const copy = join(tmp.path, 'seeds-copy');
    cpSync(SEEDS_DIR, copy, { recursive: true });
    const elsewhere = join(tmp.path, 'elsewhere');
    await ingest(copy, elsewhere);
    expect(folderDifferences(first, elsewhere)).toEqual([]);
  });

  it('gives the same content whatever order the files are read in', async () => {
    const files = listSeeds(SEEDS_DIR);
    const forward = contentFiles((await ingestFiles(files, SEEDS_DIR)).content);
    const backward = contentFiles((await ingestFiles([...files].reverse(), SEEDS_DIR)).content);
    expect(backward.map(([path]) => path)).toEqual(forward.map(([path]) => path));
    expect(backward).toEqual(forward);
  });
});
