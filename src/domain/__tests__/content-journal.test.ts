import { describe, expect, test } from 'vitest';
import { changesBetween, noteContentChange } from '../content-journal.ts';

describe('content journal', () => {
  const dir = '/nonexistent/journal-test';
  noteContentChange(dir, { from: 'a', to: 'b', written: ['records/x/u/2024.json', 'index.json', 'glossary.json'], removed: ['records/x/v/2024.json'] });
  noteContentChange(dir, { from: 'b', to: 'c', written: ['records/x/v/2024.json'], removed: ['records/x/u/2024.json', 'originals/ab.pdf'] });

  test('the record files changed along a chain of updates; a file removed then written again is written', () => {
    expect(changesBetween(dir, 'a', 'b')).toEqual({ written: new Set(['records/x/u/2024.json']), removed: new Set(['records/x/v/2024.json']) });
    expect(changesBetween(dir, 'a', 'c')).toEqual({ written: new Set(['records/x/v/2024.json']), removed: new Set(['records/x/u/2024.json']) });
    expect(changesBetween(dir, 'c', 'c')).toEqual({ written: new Set(), removed: new Set() });
  });

  test('no chain (a version the journal never saw, or another folder): null', () => {
    expect(changesBetween(dir, 'z', 'c')).toBeNull();
    expect(changesBetween(dir, 'a', 'z')).toBeNull();
    expect(changesBetween(dir, 'b', 'a')).toBeNull();
    expect(changesBetween('/nonexistent/other', 'a', 'b')).toBeNull();
  });
});
