/** Issue 19 case 15 — a base or site that would load the site from another host is refused (generated variants). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baseProblem, siteProblem } from '../deploy-urls.ts';

const host = fc.constantFrom('other.host', 'evil.example', '127.0.0.1', 'xn--fiq228c.cn', 'a.b:8080');
const path = fc.constantFrom('', 'sub/', 'a/b/', 'x');

describe('base', () => {
  it('paths on the own host are accepted', () => {
    for (const b of ['/', '/sub/', '/a/b/', '/gongkai', '/预算/']) expect(baseProblem(b)).toBeNull();
  });
  it('anything a browser reads as another host, or not a plain path, is refused with a message', () => {
    const prefix = fc.constantFrom('//', '\\\\', '/\\', '\\/', 'http://', 'https://', 'javascript:', '', ' //', '///');
    fc.assert(fc.property(prefix, host, path, (p, h, rest) => {
      const problem = baseProblem(`${p}${h}/${rest}`);
      expect(problem).toMatch(/--base .*应/);
    }), { seed: 15, numRuns: 500 });
    for (const b of ['/sub//x/', '/a/../b/', '/a?b', '/a#b', '/a b/']) expect(baseProblem(b)).not.toBeNull();
  });
});

describe('site', () => {
  it('absolute http(s) URLs of a host are accepted', () => {
    for (const s of ['https://example.gov.cn', 'https://czj.example.gov.cn/', 'http://localhost:4321/sub/']) expect(siteProblem(s)).toBeNull();
  });
  it('protocol-relative, other schemes, credentials and paths that name another host are refused', () => {
    const bad = fc.oneof(
      fc.tuple(fc.constantFrom('//', 'javascript:', 'ftp://', 'file://', 'https:///', 'https:', 'data:'), host).map(([p, h]) => `${p}${h}`),
      fc.tuple(host, host).map(([a, b]) => `https://${a}//${b}/`),
      fc.tuple(host, host).map(([a, b]) => `https://user:pw@${a}/${b}`),
      fc.tuple(host, path).map(([h, p]) => `https://${h}/${p}?x=1`),
    );
    fc.assert(fc.property(bad, (s) => { expect(siteProblem(s)).toMatch(/site（GONGKAI_SITE）/); }), { seed: 15, numRuns: 500 });
  });
});
