/**
 * `npm run init -- --name … --organisation … --url … [options]` — prepares a fresh site for a district:
 * writes gongkai.config.ts from the flags (validated like every build), empties seeds/ of the sample
 * disclosures and writes an empty content/. Refuses to delete any seed that is not one of the samples
 * unless given --force, so running it on a site in use loses nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSiteConfig, SiteConfigError, type SiteConfig } from '../../src/domain/site-config.ts';
import { ingest } from '../ingest/run/corpus.ts';

const HELP = `用法：npm run init -- --name 网站名称 --organisation 主办单位 --contact-email 地址 [选项]

为一个新网站做准备：按参数写入 gongkai.config.ts，清空 seeds/ 中的示例文件，写入空的 content/。
之后把本地区的公开文件放进 seeds/，运行 npm run build。

  --name TEXT             网站名称（页眉、标题、订阅源）
  --organisation TEXT     主办单位
  --url URL               网站正式地址，如 https://yusuan.example.gov.cn（正式构建必需；也可构建时设置 GONGKAI_SITE）
  --base PATH             网站所在子路径，默认 /
  --contact-email ADDR    纠错/联系邮箱          ┐
  --contact-url URL       纠错/联系网页          ├ 至少一项
  --contact-phone TEXT    纠错/联系电话          ┘
  --licence SPDX          开放数据许可协议代码，默认 CC-BY-4.0
  --licence-title TEXT    许可协议名称
  --licence-url URL       许可协议网址
  --website-code TEXT     网站标识码
  --icp TEXT              ICP 备案号
  --public-security TEXT  公安机关备案号
  --dir PATH              网站项目目录，默认当前目录
  --force                 seeds/ 中有示例以外的文件时也清空（这些文件会被删除）
  -h, --help              显示本说明`;

const LICENCES: Record<string, { title: string; path: string }> = {
  'CC-BY-4.0': { title: '知识共享署名 4.0 国际许可协议（CC BY 4.0）', path: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC0-1.0': { title: '知识共享 CC0 1.0 公有领域贡献', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'ODC-BY-1.0': { title: '开放数据共享署名许可 1.0（ODC-By）', path: 'https://opendatacommons.org/licenses/by/1-0/' },
};

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      name: { type: 'string' }, organisation: { type: 'string' }, url: { type: 'string' }, base: { type: 'string' },
      'contact-email': { type: 'string' }, 'contact-url': { type: 'string' }, 'contact-phone': { type: 'string' },
      licence: { type: 'string' }, 'licence-title': { type: 'string' }, 'licence-url': { type: 'string' },
      'website-code': { type: 'string' }, icp: { type: 'string' }, 'public-security': { type: 'string' },
      dir: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}
try {
  ({ values } = parse());
} catch (e) {
  fail(`init: ${(e as Error).message}\n\n${HELP}`);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const dir = values.dir ?? '.';
const licenceName = values.licence ?? 'CC-BY-4.0';
const known = LICENCES[licenceName];
const drop = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

let config: SiteConfig;
try {
  config = parseSiteConfig(drop({
    siteName: values.name,
    organisation: values.organisation,
    url: values.url,
    base: values.base,
    footer: drop({ websiteCode: values['website-code'], icp: values.icp, publicSecurity: values['public-security'] }),
    contact: drop({ email: values['contact-email'], url: values['contact-url'], phone: values['contact-phone'] }),
    licence: drop({ name: licenceName, title: values['licence-title'] ?? known?.title ?? licenceName, path: values['licence-url'] ?? known?.path }),
    districts: {},
  }), 'init');
} catch (e) {
  if (e instanceof SiteConfigError) fail(`${e.message}\n\n${HELP}`);
  throw e;
}

/** The sample seeds (tests/fixtures/seeds/, same bytes as the shipped seeds/), by content digest. */
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const samplesDir = join(dir, 'tests', 'fixtures', 'seeds');
const samples = new Set(existsSync(samplesDir) ? readdirSync(samplesDir).map((f) => digest(join(samplesDir, f))) : []);
const seedsDir = join(dir, 'seeds');
const own = existsSync(seedsDir)
  ? readdirSync(seedsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(seedsDir, f)).isFile() && f !== '.gitkeep' && !samples.has(digest(join(seedsDir, f))))
  : [];
if (own.length && !values.force) {
  fail(`init: seeds/ 中有 ${own.length} 个不是示例的文件（${own.slice(0, 3).join('、')}${own.length > 3 ? '…' : ''}），未做任何改动。\n确需清空 seeds/，请加 --force。`);
}

rmSync(seedsDir, { recursive: true, force: true });
mkdirSync(seedsDir, { recursive: true });
writeFileSync(join(seedsDir, '.gitkeep'), '');
ingest(seedsDir, join(dir, 'content'));
writeFileSync(join(dir, 'gongkai.config.ts'), configSource(config));
console.log(`init: 已写入 gongkai.config.ts，seeds/ 与 content/ 已清空。下一步：把公开文件放进 seeds/，运行 npm run check 与 npm run build。${config.url ? '' : '\n注意：尚未设置网站正式地址（--url 或 GONGKAI_SITE），正式构建会停止。'}`);

/** gongkai.config.ts for `config`, every value a JSON literal. */
function configSource(c: SiteConfig): string {
  const v = (x: unknown) => JSON.stringify(x);
  const obj = (o: Record<string, unknown>, indent: string) => Object.keys(o).length === 0 ? '{}' :
    `{\n${Object.entries(o).map(([k, x]) => `${indent}  ${k}: ${v(x)},`).join('\n')}\n${indent}}`;
  return [
    '/** The site\'s configuration (written by npm run init; every field is documented in src/domain/site-config.ts). */',
    "import { defineConfig } from './src/domain/site-config.ts';",
    '',
    'export default defineConfig({',
    `  siteName: ${v(c.siteName)},`,
    `  organisation: ${v(c.organisation)},`,
    c.url ? `  url: ${v(c.url)},` : '  // url: \'https://…\', // required by a production build (or GONGKAI_SITE)',
    `  base: ${v(c.base)},`,
    `  footer: ${obj(c.footer, '  ')},`,
    `  contact: ${obj(c.contact, '  ')},`,
    `  licence: ${obj(c.licence, '  ')},`,
    '  districts: {},',
    '});',
    '',
  ].join('\n');
}
