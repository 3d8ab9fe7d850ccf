import { describe, expect, test } from 'vitest';
import { contentWatchFilter } from '../run/seed-watcher.ts';

describe("the dev server's watch filter for content/", () => {
  const ignored = contentWatchFilter('/p/con.tent');

  test('record files, site files and the ingest staging folders are not watched; content/ and its index.json are', () => {
    for (const p of ['/p/con.tent/records/a/b/2023.json', '/p/con.tent/glossary.json', '/p/con.tent/originals/ab.pdf',
      '/p/con.tent.tmp-12-34', '/p/con.tent.tmp-12-34/records/x.json', '/p/con.tent.old-12-34/index.json']) expect(ignored(p), p).toBe(true);
    for (const p of ['/p/con.tent', '/p/con.tent/index.json', '/p/seeds/a.txt', '/p/conXtent.tmp-1', '/p/con.tent2/x.json', '/p/src/pages/index.astro']) {
      expect(ignored(p), p).toBe(false);
    }
  });
});
