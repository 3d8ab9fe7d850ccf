/**
 * content/ is committed so that every change of a published figure is a reviewable diff. It must be exactly
 * what the current parser writes from the current seeds, whatever seeds/ holds (a district's own disclosures,
 * none at all after `npm run init`, or the samples).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../run/corpus.ts';
import { SITE_CONTENT_DIR, SITE_SEEDS_DIR, folderDifferences, tempDir } from './helpers.ts';

const STALE = 'content/ is stale: run npm run ingest and commit content/';

describe('committed content/', () => {
  const tmp = tempDir('fresh');
  afterAll(tmp.cleanup);

  it('equals a fresh ingest of seeds/, byte for byte', async () => {
    expect(existsSync(SITE_CONTENT_DIR), `content/ is missing: run npm run ingest and commit content/`).toBe(true);
    const fresh = join(tmp.path, 'content');
    await ingest(SITE_SEEDS_DIR, fresh);
    expect(folderDifferences(fresh, SITE_CONTENT_DIR), STALE).toEqual([]);
  });
});
