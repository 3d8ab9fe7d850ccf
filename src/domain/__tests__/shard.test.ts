import { describe, expect, it } from 'vitest';
import { assignDistricts, districtOfFile, isDistrictRoute, parseShard, recordsByDistrict, shardInputs, shardJob } from '../shard.ts';

describe('sharded builds: which job builds what', () => {
  it('reads --shard I/N as vitest and Playwright do, and refuses anything else', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '2', '2/', '/3', 'a/b', '2/3/4', '-1/3']) expect(parseShard(bad)).toBeNull();
    expect(shardJob({})).toEqual({ kind: 'all' });
    expect(shardJob({ GONGKAI_SHARD: 'merge' })).toEqual({ kind: 'merge' });
    expect(shardJob({ GONGKAI_SHARD: '3/4' })).toEqual({ kind: 'shard', index: 3, count: 4 });
    expect(() => shardJob({ GONGKAI_SHARD: '5/4' })).toThrow(/expected I\/N/);
    expect(shardInputs({ GONGKAI_SHARD_INPUTS: '["a","b"]' })).toEqual(['a', 'b']);
    expect(() => shardInputs({})).toThrow(/names no shard folder/);
  });

  it('gives each district to one shard, largest first to the least loaded, the same in every job', () => {
    const counts = recordsByDistrict(['a/u/2024', 'a/u/2025', 'a/v/2025', 'b/u/2025', 'b/v/2025', 'c/u/2025', 'd/u/2024']);
    expect(counts).toEqual(new Map([['a', 3], ['b', 2], ['c', 1], ['d', 1]]));
    const two = assignDistricts(counts, 2);
    expect(two).toEqual(new Map([['a', 1], ['b', 2], ['c', 2], ['d', 1]]));
    // The order the counts come in does not matter.
    expect(assignDistricts(new Map([...counts].reverse()), 2)).toEqual(two);
    // More shards than districts: some shards build none.
    expect(new Set(assignDistricts(counts, 6).values())).toEqual(new Set([1, 2, 3, 4]));
    expect(assignDistricts(counts, 1)).toEqual(new Map([['a', 1], ['b', 1], ['c', 1], ['d', 1]]));
  });

  it('tells a district file from a site-wide one', () => {
    const districts = new Set(['kaizhou', 'beibei']);
    expect(districtOfFile('kaizhou/index.html', districts)).toBe('kaizhou');
    expect(districtOfFile('kaizhou/u/2026/record.json', districts)).toBe('kaizhou');
    expect(districtOfFile('data/beibei/index.html', districts)).toBe('beibei');
    for (const f of ['index.html', 'data/index.html', 'data/key-figures.csv', 'glossary/index.html', 'yuzhong/index.html', 'kaizhou', 'data/kaizhou', '_astro/a.css']) {
      expect(districtOfFile(f, districts)).toBeNull();
    }
    expect(isDistrictRoute('/[district]/[unit]/[year]')).toBe(true);
    expect(isDistrictRoute('/[district]')).toBe(true);
    expect(isDistrictRoute('/data/[district]')).toBe(true);
    expect(isDistrictRoute('/data')).toBe(false);
    expect(isDistrictRoute('/years/[year]/[...sort]')).toBe(false);
    expect(isDistrictRoute('/')).toBe(false);
  });
});
