import { describe, expect, test } from 'vitest';
import { configuredSiteUrl, DEMO_WARNING, isLocalSite, LOCAL_SITE, MISSING_URL_MESSAGE, parseSiteConfig, SiteConfigError } from '../site-config.ts';
import shipped from '../../../gongkai.config.ts';

const minimal = {
  siteName: '某区预算公开',
  organisation: '某区财政局',
  contact: { email: 'jiucuo@czj.example.gov.cn' },
  licence: { name: 'CC-BY-4.0', title: 'CC BY 4.0' },
};

describe('gongkai.config.ts', () => {
  test('the shipped configuration is valid, and says it is the sample site', () => {
    const c = parseSiteConfig(shipped);
    expect(c.siteName).toBe('公开 · 预算公开');
    expect(c.demo).toBe(true);
    expect(c.url).toBeUndefined();
    // Content collections are opt-in: the shipped site does not pay for them (BENCHMARKS.md).
    expect(c.collections).toBe(false);
  });

  test('defaults: not the sample site, base /, no footer identifiers, no district names, no collections', () => {
    const c = parseSiteConfig(minimal);
    expect(c.demo).toBe(false);
    expect(c.collections).toBe(false);
    expect(parseSiteConfig({ ...minimal, collections: true }).collections).toBe(true);
    expect(c.base).toBe('/');
    expect(c.footer).toEqual({});
    expect(c.districts).toEqual({});
  });

  test.each([
    [{ url: 'https://czj.example.gov.cn/yusuan/' }, 'url'],
    [{ url: 'ftp://czj.example.gov.cn' }, 'url'],
    [{ url: 'czj.example.gov.cn' }, 'url'],
    [{ base: '//other.host/' }, 'base'],
    [{ base: 'yusuan/' }, 'base'],
    [{ contact: {} }, 'contact'],
    [{ licence: { title: '某协议' } }, 'licence'],
    [{ districts: { kaizhou: { name: '开州区', code: '5001' } } }, 'districts.kaizhou.code'],
    [{ sitename: 'typo' }, ''],
    [{ demo: 'yes' }, 'demo'],
  ])('%j is refused, naming the field', (change, field) => {
    expect(() => parseSiteConfig({ ...minimal, ...change })).toThrow(SiteConfigError);
    try {
      parseSiteConfig({ ...minimal, ...change });
    } catch (e) {
      expect((e as Error).message).toMatch(new RegExp(`gongkai\\.config\\.ts: ${field.replace('.', '\\.')}`));
    }
  });
});

describe('the address a build uses', () => {
  const c = parseSiteConfig({ ...minimal, url: 'https://yusuan.example.gov.cn' });
  test('GONGKAI_SITE overrides the configured url; none is undefined', () => {
    expect(configuredSiteUrl(c, { GONGKAI_SITE: 'https://test.example.org' })).toBe('https://test.example.org/');
    expect(configuredSiteUrl(c, {})).toBe('https://yusuan.example.gov.cn/');
    expect(configuredSiteUrl(parseSiteConfig(minimal), {})).toBeUndefined();
  });

  test('the message for a production build without one says how to set it', () => {
    expect(MISSING_URL_MESSAGE).toContain('GONGKAI_SITE=');
    expect(MISSING_URL_MESSAGE).toContain("url: 'https://");
  });

  test('LOCAL_SITE (or none) is no real address', () => {
    expect(isLocalSite(undefined)).toBe(true);
    expect(isLocalSite(LOCAL_SITE)).toBe(true);
    expect(isLocalSite(new URL('http://localhost:4321'))).toBe(true);
    expect(isLocalSite('https://yusuan.example.gov.cn/')).toBe(false);
    expect(isLocalSite(new URL('http://localhost:8080/'))).toBe(false);
  });

  test('the sample site built without one warns in one line that says how to set it', () => {
    expect(DEMO_WARNING).not.toContain('\n');
    expect(DEMO_WARNING).toContain('示例站点');
    expect(DEMO_WARNING).toContain(LOCAL_SITE);
    expect(DEMO_WARNING).toContain('npm run init');
    expect(DEMO_WARNING).toContain('GONGKAI_SITE=');
  });

  test('a GONGKAI_SITE on a path or another scheme is refused', () => {
    expect(() => configuredSiteUrl(c, { GONGKAI_SITE: 'https://x.example.org/sub/' })).toThrow(/GONGKAI_SITE/);
    expect(() => configuredSiteUrl(c, { GONGKAI_SITE: 'javascript:alert(1)' })).toThrow(/GONGKAI_SITE/);
  });
});
