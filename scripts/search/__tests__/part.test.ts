import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePage, pack, PagefindWriter } from '../pagefind-writer.ts';
import { decodePartLine, encodePartLine, PartReader, PartWriter } from '../part.ts';
import { extractPage } from '../extract.ts';

const tmp = mkdtempSync(join(tmpdir(), 'search-part-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const page = (title: string, body: string) => extractPage(
  `<html><head><title>${title}</title></head><body><main data-pagefind-body><h1 id="t">${title}</h1><section id="s"><h2>支出</h2><p>${body}</p></section>` +
  `<span data-pagefind-filter="年度">2026</span><span data-pagefind-meta="单位">${title}</span></main></body></html>`);

/** The bundle written by adding pages directly, or through part lines (as a shard and the merge do). */
function bundle(viaPart: boolean): Map<string, string> {
  const files = new Map<string, string>();
  const writer = new PagefindWriter((path, content, packed, stored) => {
    files.set(path, Buffer.from(packed && !stored ? pack(content) : content).toString('base64'));
  });
  const pages = [['/a/', page('甲单位', '一般公共预算拨款收入增加。')], ['/b/', page('乙单位', '公务接待费减少，一般公共预算支出持平。')]] as const;
  for (const [url, p] of pages) {
    const entry = analyzePage(url, { ...p, blocks: p.blocks! });
    if (!viaPart) writer.addEntry(entry);
    else {
      const line = encodePartLine(`${url.slice(1)}index.html`, entry, pack(entry.fragment!));
      const back = decodePartLine(line);
      expect(back.file).toBe(`${url.slice(1)}index.html`);
      writer.addEntry(back.entry, back.packedFragment);
    }
  }
  writer.finish();
  return files;
}

describe('search index parts', () => {
  it('give the same index through a part as pages added directly', () => {
    const direct = bundle(false);
    expect(direct.size).toBeGreaterThan(4);
    expect(bundle(true)).toEqual(direct);
  });

  it('are read back line by line across buffer boundaries', () => {
    const file = join(tmp, 'part.jsonl');
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ file: `p${i}`, text: '预算'.repeat(i * 40) }));
    const w = new PartWriter(file);
    for (const l of lines) w.write(l);
    w.close();
    const r = new PartReader(file);
    const read: string[] = [];
    expect(r.peek()).toBe(lines[0]);
    for (let l = r.take(); l !== null; l = r.take()) read.push(l);
    r.close();
    expect(read).toEqual(lines);
    writeFileSync(file, '');
    const empty = new PartReader(file);
    expect(empty.peek()).toBeNull();
    empty.close();
  });
});
