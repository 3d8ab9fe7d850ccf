/**
 * The site's configuration, written once in `gongkai.config.ts` at the project root: who publishes the
 * site, where it is served, what its footer must carry, under which licence the data is released, and the
 * names of districts their documents do not state. Read by astro.config.mjs (site, base), the pages
 * (src/lib/site-config.ts) and `npm run init` (which writes the file).
 */
import { z } from 'astro/zod';

/** A production URL: http(s), an origin with no path, query or fragment (the path is `base`). */
const siteUrl = z.string().trim().refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password;
  } catch {
    return false;
  }
}, '应为网站的根地址，如 https://czj.example.gov.cn（不含路径；子路径写在 base）');

/** A base path: '/' or '/segment/…/', no '//' (which a browser reads as another host). */
const basePath = z.string().regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, '应以 / 开头和结尾，如 / 或 /yusuan/（不得以 // 开头）');

/** The footer identifiers a Chinese government website shows (GB/T 网站标识码, ICP and 公安 records). */
const footerSchema = z.object({
  /** 网站标识码 issued by the government website census (e.g. 5001000001); government sites must show it. */
  websiteCode: z.string().trim().min(1).optional(),
  /** ICP 备案号 (e.g. 渝ICP备12345678号), where the site has one; linked to beian.miit.gov.cn. */
  icp: z.string().trim().min(1).optional(),
  /** 公安机关备案号 (e.g. 渝公网安备 50010302000001号), where applicable; linked to beian.mps.gov.cn. */
  publicSecurity: z.string().trim().min(1).optional(),
}).strict();

/** Where readers report an error or ask a question (纠错/联系): at least one of the three. */
const contactSchema = z.object({
  /** E-mail address. */
  email: z.email().optional(),
  /** A web page or form (e.g. the portal's 我为政府网站找错 page). */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Telephone, as printed (e.g. 023-12345678). */
  phone: z.string().trim().min(1).optional(),
}).strict().refine((c) => c.email || c.url || c.phone, '纠错/联系方式至少填写 email、url、phone 之一');

/** The licence of the open data (a Frictionless `licenses` entry: an SPDX `name` and/or a `path`). */
const licenceSchema = z.object({
  /** SPDX identifier (e.g. CC-BY-4.0) or an open-definition id. */
  name: z.string().regex(/^[A-Za-z0-9._-]+$/).optional(),
  /** URL of the licence text. */
  path: z.url({ protocol: /^https?$/ }).optional(),
  /** Its name for readers, e.g. 知识共享署名 4.0 国际许可协议. */
  title: z.string().trim().min(1),
}).strict().refine((l) => l.name || l.path, '许可协议至少填写 name（SPDX 代码）或 path（协议网址）');

/** A district's name (and 行政区划代码) for records whose documents do not state it, by district slug. */
const districtSchema = z.object({
  /** Full name, e.g. 重庆市开州区. */
  name: z.string().trim().min(1),
  /** Six-digit administrative division code (GB/T 2260), e.g. 500154. */
  code: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字').optional(),
}).strict();

export const siteConfigSchema = z.object({
  /** The site's name, shown in the header, every page title and the feeds. */
  siteName: z.string().trim().min(1),
  /** 主办单位: the organisation that runs the site (shown in the footer and the data's publisher). */
  organisation: z.string().trim().min(1),
  /** Production URL (origin). The environment variable GONGKAI_SITE overrides it; a production build needs one (unless `demo`). */
  url: siteUrl.optional(),
  /**
   * This configuration describes the sample site (the repository as shipped, built from its sample
   * disclosures), not a real one. Every page then says 示例站点, and a production build without an address
   * still succeeds: it builds for LOCAL_SITE, warns once, and keeps search engines out (robots noindex on
   * every page, robots.txt Disallow). `npm run init` writes a configuration without it, so a district's
   * production build without its real address is an error.
   */
  demo: z.boolean().default(false),
  /**
   * Content collections for pages added to the site (README, “Content collections”): with true,
   * `getCollection('records')` lists the records the build shows (src/content.config.ts, loaded through
   * Astro's Content Loader API by src/lib/records-loader.ts). Off by default: Astro serialises the collection
   * into its data store on every build and dev update, which costs a province-scale build and the dev server
   * time and memory (BENCHMARKS.md, “Content collections”). The site's own pages never need it.
   */
  collections: z.boolean().default(false),
  /** Base path the site is served under; `npm run build -- --base /x/` overrides it. */
  base: basePath.default('/'),
  /** Default page description. */
  description: z.string().trim().min(1).optional(),
  footer: footerSchema.default({}),
  contact: contactSchema,
  licence: licenceSchema,
  /** District names and codes by district slug (the folder name under the site root), when documents omit them. */
  districts: z.record(z.string().regex(/^[a-z0-9-]+$/), districtSchema).default({}),
}).strict();

/** What `gongkai.config.ts` exports (before defaults). */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
/** The validated configuration. */
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Identity helper for `gongkai.config.ts`: types the object for editors; validation is `parseSiteConfig`. */
export const defineConfig = (config: SiteConfigInput): SiteConfigInput => config;

/** Thrown for an invalid configuration: one line per problem, naming the field. */
export class SiteConfigError extends Error {}

/** Validates a configuration; the error names the file and each bad field in plain words. */
export function parseSiteConfig(input: unknown, file = 'gongkai.config.ts'): SiteConfig {
  const r = siteConfigSchema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const missing = i.code === 'invalid_type' && i.input === undefined;
    const unknown = i.code === 'unrecognized_keys' ? `未知的字段 ${i.keys.join('、')}（拼写有误？）` : undefined;
    return `${file}: ${i.path.join('.') || '(整个配置)'}: ${missing ? '必须填写' : unknown ?? i.message}`;
  });
  throw new SiteConfigError(`网站配置有误：\n${lines.join('\n')}`);
}

/** How to set the production URL, printed when a production build has none. */
export const MISSING_URL_MESSAGE = [
  '正式构建需要网站的正式地址（规范链接、站点地图、订阅源和开放数据都用它）。请任选其一：',
  "  1. 在 gongkai.config.ts 中填写 url: 'https://你的网站域名'",
  '  2. 构建时设置环境变量：GONGKAI_SITE=https://你的网站域名 npm run build',
  '预览构建（npm run build:preview）和开发服务器（npm run dev）不需要正式地址。',
].join('\n');

/** The address of dev servers, preview builds and the sample site built without an address: never published. */
export const LOCAL_SITE = 'http://localhost:4321/';

/** True when a build's `site` is no real address (none given, so LOCAL_SITE). */
export const isLocalSite = (site: URL | string | undefined): boolean =>
  site === undefined || new URL(site).href === LOCAL_SITE;

/** The one warning line of a production build of the sample site (`demo: true`) without an address. */
export const DEMO_WARNING = `注意：这是示例站点（gongkai.config.ts 中 demo: true），未设置正式地址，按 ${LOCAL_SITE} 构建，所有页面禁止搜索引擎收录。正式网站请运行 npm run init，或在 gongkai.config.ts 填写 url、或设置 GONGKAI_SITE=https://你的网站域名。`;

/**
 * The production address: GONGKAI_SITE, else the configured `url`, as an absolute URL ending in '/';
 * undefined when neither is set. A malformed GONGKAI_SITE is an error.
 */
export function configuredSiteUrl(config: SiteConfig, env: Record<string, string | undefined>): string | undefined {
  const fromEnv = env.GONGKAI_SITE?.trim();
  if (fromEnv) {
    const r = siteUrl.safeParse(fromEnv);
    if (!r.success) throw new SiteConfigError(`GONGKAI_SITE=${fromEnv}: ${r.error.issues[0]!.message}`);
    return new URL(fromEnv).href;
  }
  return config.url ? new URL(config.url).href : undefined;
}

/** The district's configured name for a slug, if any. */
export const configuredDistrict = (config: SiteConfig, slug: string): z.output<typeof districtSchema> | undefined =>
  Object.hasOwn(config.districts, slug) ? config.districts[slug] : undefined;
