/**
 * A district adopts Gongkai (issue "Any district can adopt it"): `npm run init` on a copy of the project,
 * one fixture seed of its own (with the official publication's address in its sidecar) and one draft,
 * `npm run build` under the configured base path and address; then the canonical URLs, sitemap, feed,
 * record schema, records index and Data Packages (validated against the Frictionless profile) of the
 * built site, its footer and CORS headers; and a production build without an address stops with the message.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, npmRun } from '../scripts/release/__tests__/project.ts';
import { SEEDS, SEEDS_DIR, tempDir } from '../scripts/ingest/__tests__/helpers.ts';
import { MISSING_URL_MESSAGE } from '../src/domain/site-config.ts';
import type { RunResult } from '../scripts/release/__tests__/helpers.ts';
import { parseRss } from './rss.ts';

const project = tempDir('adopt');
afterAll(project.cleanup);
const ORIGIN = 'https://yusuan.example.gov.cn';
const BASE = '/yusuan/';
const SOURCE_URL = 'https://www.cqkz.gov.cn/zwgk/ys/2026/zhengwuxinxizhongxin.html';
const PUBLISHED = SEEDS['000'];
const DRAFT = SEEDS['002'];
const RECORD_PATH = `${BASE}kaizhou/zhengwuxinxizhongxin/2026/`;

let init: RunResult;
let build: RunResult;
const dist = (path: string): string => readFileSync(join(project.path, 'dist', path.slice(BASE.length)), 'utf8');
const json = (path: string): any => JSON.parse(dist(path)); // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  copyProject(project.path);
  init = await npmRun(project.path, 'init', {}, [
    '--name', '开州区预算公开', '--organisation', '重庆市开州区财政局', '--url', ORIGIN, '--base', BASE,
    '--contact-email', 'jiucuo@example.gov.cn', '--website-code', '5001540001',
    '--icp', '渝ICP备00000001号', '--public-security', '渝公网安备 50015402000001号',
  ]);
  const seeds = join(project.path, 'seeds');
  copyFileSync(join(SEEDS_DIR, PUBLISHED), join(seeds, PUBLISHED));
  writeFileSync(join(seeds, `${PUBLISHED}.meta.yml`), `sourceUrl: ${SOURCE_URL}\n`);
  copyFileSync(join(SEEDS_DIR, DRAFT), join(seeds, DRAFT));
  writeFileSync(join(seeds, `${DRAFT}.meta.yml`), 'status: draft\n');
  build = await npmRun(project.path, 'build');
}, 600_000);

test('init empties seeds/ and content/ and writes the configuration; the build succeeds', () => {
  expect(init.status, init.stderr).toBe(0);
  const config = readFileSync(join(project.path, 'gongkai.config.ts'), 'utf8');
  expect(config).toContain('"重庆市开州区财政局"');
  expect(config, 'a real site is not the sample site').not.toMatch(/demo/);
  expect(build.status, `${build.stdout.slice(-2000)}\n${build.stderr.slice(-2000)}`).toBe(0);
  const index = JSON.parse(readFileSync(join(project.path, 'content', 'index.json'), 'utf8')) as unknown[];
  expect(index).toHaveLength(2); // the published seed and the draft; no sample left
});

describe('the built site, under the base path and on the configured address', () => {
  test('canonical URL and og:url of a record page; the site name in header and title', () => {
    const html = dist(`${RECORD_PATH}index.html`);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}${RECORD_PATH}">`);
    expect(html).toContain(`<meta property="og:url" content="${ORIGIN}${RECORD_PATH}">`);
    expect(html).toMatch(/<title>[^<]* - 开州区预算公开<\/title>/);
    expect(html).toContain('>开州区预算公开</a>');
    expect(html).not.toContain('示例站点');
    expect(html).not.toContain('name="robots"');
  });

  test('the footer carries 主办单位, 纠错, 网站标识码, ICP and 公安 records', () => {
    const html = dist(`${BASE}index.html`);
    expect(html).toContain('主办单位：重庆市开州区财政局');
    expect(html).toContain('<a href="mailto:jiucuo@example.gov.cn">');
    expect(html).toContain('网站标识码：5001540001');
    expect(html).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener">渝ICP备00000001号</a>');
    expect(html).toContain('href="https://beian.mps.gov.cn/#/query/webSearch?code=50015402000001"');
  });

  test('the record page links the official publication (官方发布原文)', () => {
    expect(dist(`${RECORD_PATH}index.html`)).toMatch(new RegExp(`<dt[^>]*>官方发布原文</dt><dd[^>]*><a href="${SOURCE_URL}"`));
  });

  test('robots.txt names the sitemap, which lists the record page and never the draft', () => {
    const sitemapUrl = /^Sitemap: (\S+)$/m.exec(dist(`${BASE}robots.txt`))![1]!;
    expect(sitemapUrl.startsWith(`${ORIGIN}${BASE}`)).toBe(true);
    let xml = dist(new URL(sitemapUrl).pathname);
    for (const loc of xml.includes('<sitemapindex') ? [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!) : []) {
      xml += dist(new URL(loc).pathname);
    }
    expect(xml).toContain(`<loc>${ORIGIN}${RECORD_PATH}</loc>`);
    expect(xml).not.toContain('shuzihuachengshi');
  });

  test('the feeds are valid RSS and list the published disclosure, never the draft', () => {
    for (const path of [`${BASE}feed.xml`, `${BASE}kaizhou/feed.xml`]) {
      const feed = parseRss(dist(path));
      expect(feed.self).toBe(`${ORIGIN}${path}`);
      expect(feed.link).toBe(`${ORIGIN}${BASE}`);
      expect(feed.items.map((i) => i.link)).toEqual([`${ORIGIN}${RECORD_PATH}`]);
      expect(dist(path)).not.toContain('数字化城市运行和治理中心');
    }
  });

  test('the record schema validates the published record.json', () => {
    const schema = json(`${BASE}data/schema/record.schema.json`);
    expect(schema.$id).toBe(`${ORIGIN}${BASE}data/schema/record.schema.json`);
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const record = json(`${RECORD_PATH}record.json`);
    expect(validate(record), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(validate({ ...record, keyFigures: 'x' })).toBe(false);
    expect(record.release.sourceUrl).toBe(SOURCE_URL);
  });

  test('records.json lists the published record with its URLs and key figures', () => {
    const index = json(`${BASE}data/records.json`);
    expect(index.records).toHaveLength(1);
    expect(index.records[0]).toMatchObject({
      id: 'kaizhou/zhengwuxinxizhongxin/2026', url: `${ORIGIN}${RECORD_PATH}`, json: `${ORIGIN}${RECORD_PATH}record.json`,
      sourceUrl: SOURCE_URL, keyFigures: { incomeTotal: 14_839_600 },
    });
  });

  test('the Data Packages are valid against the Frictionless profile, with licence and IANA encodings', () => {
    const profile = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/frictionless/data-package.json'), 'utf8'));
    const validate = new AjvDraft04({ strict: false, allErrors: true }).compile(profile);
    for (const path of [`${BASE}data/datapackage.json`, `${BASE}data/kaizhou/datapackage.json`]) {
      const pkg = json(path);
      expect(validate(pkg), `${path}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
      expect(pkg.licenses[0]).toMatchObject({ name: 'CC-BY-4.0' });
      for (const r of pkg.resources) expect(r.encoding).toBe('utf-8');
      expect(JSON.stringify(pkg)).not.toContain('shuzihuachengshi');
    }
    expect(validate({ resources: [{ name: 'Bad Name!', path: 'x.csv' }] })).toBe(false);
  });

  test('CSV headers are Chinese, with amounts labelled', () => {
    const header = dist(`${BASE}data/key-figures.csv`).replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['编号', '单位', '区县', '行政区划代码', '年度']);
    expect(header).toContain('收入预算合计（元）');
    expect(header.at(-1)).toBe('官方发布原文');
  });

  test('every file may be read cross-origin (the open data and record files)', () => {
    expect(dist(`${BASE}_headers`)).toMatch(/^\/\*\n {2}Access-Control-Allow-Origin: \*$/m);
  });
});

test('a production build without an address stops with the message', async () => {
  const config = join(project.path, 'gongkai.config.ts');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^ {2}url: .*\n/m, ''));
  const r = await npmRun(project.path, 'build');
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain(MISSING_URL_MESSAGE.split('\n')[0]);
  expect(r.stderr).toContain('GONGKAI_SITE=');
  expect(r.stderr).not.toMatch(/^\s+at /m);
}, 300_000);
