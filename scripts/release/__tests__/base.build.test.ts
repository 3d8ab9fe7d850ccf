/**
 * Issue 19 cases 14 and 15, through `npm run build` as a user runs it: `--base /sub/` builds pages for
 * /sub/ and a complete search index in the same output folder; a base or site on another host is refused
 * before anything is built. The build runs on the repository as shipped (a fresh clone: the sample site,
 * `demo: true`, no address), which builds with one warning, closed to crawlers and marked 示例站点.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../ingest/__tests__/helpers.ts';
import { runNpmScript } from './helpers.ts';
import { DEMO_WARNING, LOCAL_SITE } from '../../../src/domain/site-config.ts';

const out = tempDir('base');
afterAll(() => out.cleanup());

describe('npm run build -- --base', () => {
  it('/sub/: every page links under /sub/, and the search index is complete in the same folder', () => {
    const dist = join(out.path, 'dist');
    const r = runNpmScript('build', ['--base', '/sub/', '--outDir', dist]);
    expect(r.status, r.stderr).toBe(0);
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    const links = [...home.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const l of links) expect(l.startsWith('/sub/'), l).toBe(true);
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(r.stdout).toMatch(new RegExp(`search-index: ${pages} 个页面已编入 ${dist}/pagefind/`));
    expect(existsSync(join(dist, 'sub'))).toBe(false);
    // The sample site without an address: one warning, built for LOCAL_SITE, closed to crawlers, says 示例站点.
    expect(r.stderr.split('\n').filter((l) => l.includes(DEMO_WARNING))).toHaveLength(1);
    expect(home).toContain(`<link rel="canonical" href="${LOCAL_SITE}sub/">`);
    expect(home).toContain('<meta name="robots" content="noindex">');
    expect(home).toContain('<span class="site-demo">示例站点</span>');
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(/^Disallow: \/$/m);
  }, 600_000);

  for (const [args, env] of [[['--base', '//other.host/'], {}], [['--base=\\\\other.host\\'], {}], [[], { GONGKAI_SITE: '//other.host' }], [['--site', 'https://a.gov.cn//other.host/'], {}]] as [string[], Record<string, string>][]) {
    it(`${JSON.stringify(args)} ${JSON.stringify(env)} is refused with a message, nothing built`, () => {
      const dist = join(out.path, 'refused');
      const r = runNpmScript('build', [...args, '--outDir', dist], env);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^build: 部署设置有误：.*(--base|site).*应/m);
      expect(existsSync(dist) ? readdirSync(dist) : []).toEqual([]);
    });
  }
});
