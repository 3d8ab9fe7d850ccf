/**
 * The built site (seeds/ as they are) read as files: the figures and links issue 3 names, the glossary of
 * issue 5 (every term of seed 003 on /glossary/, term links in the pages' own text and in the MDX guide),
 * and the CSV downloads. Browser behaviour is in pages.test.ts; this file reads HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, type BuiltSite } from './site-build.ts';
import { SEED_003_GLOSSARY_TERMS } from '../../../scripts/ingest/__tests__/helpers.ts';

let site: BuiltSite;
const html = (path: string) => readFileSync(join(site.outDir, path), 'utf8');
const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

beforeAll(async () => {
  site = await builtSite('normal');
}, 600_000);

describe('the 开州区政务信息中心 pages of 2024 and 2026', () => {
  it('show 592.29 and 1,483.96 as their totals and link to each other', () => {
    const p2024 = html('kaizhou/zhengwuxinxizhongxin/2024/index.html');
    const p2026 = html('kaizhou/zhengwuxinxizhongxin/2026/index.html');
    expect(text(p2024)).toContain('592.29');
    expect(text(p2026)).toContain('1,483.96');
    expect(p2024).toContain('href="/kaizhou/zhengwuxinxizhongxin/2026/"');
    expect(p2026).toContain('href="/kaizhou/zhengwuxinxizhongxin/2024/"');
  });

  it('link every figure of the key-figure cards to its source line, which exists', () => {
    const p = html('kaizhou/zhengwuxinxizhongxin/2026/index.html');
    expect(p).toMatch(/<a href="source\/#L44"[^>]*>1,483.96<\/a>/);
    expect(html('kaizhou/zhengwuxinxizhongxin/2026/source/index.html')).toContain('id="L44"');
  });
});

describe('glossary', () => {
  it('lists all 19 terms of seed 003, each with an anchor and its definition', () => {
    const g = html('glossary/index.html');
    const dfns = [...g.matchAll(/<dfn[^>]*>([^<]+)<\/dfn>/g)].map((m) => m[1]);
    for (const term of SEED_003_GLOSSARY_TERMS) expect(dfns, term).toContain(term);
    expect(text(g)).toContain('反映事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心、医务室等附属事业单位。');
    expect(g).toMatch(/<section class="glossary-entry" id="shi-ye-yun-xing"/);
  });

  it('links terms in the unit-year pages’ own paragraphs to their glossary entries, with a tooltip', () => {
    const p = html('yuzhong/renminzhengfubangongshi/2026/index.html');
    expect(p).toMatch(/<span class="term" data-term="基本支出"><a href="\/glossary\/#ji-ben-zhi-chu" aria-describedby="tip-s\d+-\d+">基本支出<\/a><span class="term-tip" role="tooltip"/);
    // Never inside the original-text view.
    const source = p.slice(p.indexOf('id="L1"'));
    expect(source).not.toContain('class="term"');
  });

  it('links terms in the hand-written MDX guide with the same plugin', () => {
    const g = html('guide/index.html');
    expect(g).toMatch(/<span class="term" data-term="财政拨款收入"><a href="\.\.\/glossary\/#cai-zheng-bo-kuan-shou-ru"/);
  });
});

describe('downloads', () => {
  it('serves each attached table as CSV with a BOM, its caption rows and amounts as printed', () => {
    const csv = readFileSync(join(site.outDir, 'jiulongpo/dianzizhengwuzhongxin/2026/t9.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('科目编码');
    expect(csv).toMatch(/2010350,事业运行,115\.78,115\.78/);
  });

  it('serves record.json as the bytes of the ingested content file', () => {
    const id = 'kaizhou/zhengwuxinxizhongxin/2026';
    expect(readFileSync(join(site.outDir, id, 'record.json'))).toEqual(readFileSync(join(site.contentDir, 'records', `${id}.json`)));
  });

  it('lists, per district on /data/<district>/, exactly the JSON and CSV files built for it; /data/ links each district', () => {
    const data = html('data/index.html');
    // /data/schema/ holds the record's JSON Schema, not a district.
    const districts = readdirSync(join(site.outDir, 'data'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'schema').map((e) => e.name);
    expect(districts.sort()).toEqual(['jiulongpo', 'kaizhou', 'yuzhong']);
    for (const d of districts) {
      expect(data).toContain(`href="/data/${d}/"`);
      const page = html(`data/${d}/index.html`);
      const linked = [...page.matchAll(/href="([^"]+\.(?:csv|json))"/g)].map((m) => m[1]!).sort();
      const built: string[] = [];
      const walk = (dir: string): void => {
        for (const e of readdirSync(join(site.outDir, dir), { withFileTypes: true })) {
          const rel = `${dir}/${e.name}`;
          if (e.isDirectory()) walk(rel);
          else if (/\.(csv|json)$/.test(e.name)) built.push(`/${rel}`);
        }
      };
      walk(d);
      expect(linked).toEqual(built.sort());
      expect(linked.length).toBeGreaterThan(2);
    }
    expect(data).not.toMatch(/record\.json/);
  });
});
