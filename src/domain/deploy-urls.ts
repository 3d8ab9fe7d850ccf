/**
 * The deploy settings a build takes from the command line and the environment: `--base` (a path on the
 * site's own host) and `site` (GONGKAI_SITE, the site's absolute URL). A base such as `//other.host/` is a
 * URL on another host to a browser: every asset and link would load from there. Both are checked before
 * anything is built; each error says what is wrong and what is expected.
 */

/** Why `base` is not a path on the site's own host, or null when it is one. */
export function baseProblem(base: string): string | null {
  if (!base.startsWith('/')) return `--base “${base}” 应以 / 开头，是本站的路径，如 /sub/`;
  if (/^[/\\]{2}/.test(base) || base.includes('\\')) return `--base “${base}” 以 // 开头或含反斜杠，浏览器会把它当作另一个主机的网址；应为本站的路径，如 /sub/`;
  if (/[?#:@]|\/\/|(^|\/)\.\.?(\/|$)|\s/.test(base)) return `--base “${base}” 含 ?、#、:、@、空白、// 或 ..；应为简单的路径，如 /sub/`;
  return null;
}

/** Why `site` is not the absolute http(s) URL of the site, or null when it is one. */
export function siteProblem(site: string): string | null {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    return `site（GONGKAI_SITE）“${site}” 不是完整的网址；应为 https://主机名/ 形式，如 https://czj.example.gov.cn/`;
  }
  if (!/^https?:$/.test(url.protocol) || !/^https?:\/\/[^/\\]/i.test(site)) return `site（GONGKAI_SITE）“${site}” 应以 https:// 或 http:// 加主机名开头`;
  if (url.username || url.password) return `site（GONGKAI_SITE）“${site}” 不应含用户名或密码`;
  if (url.search || url.hash) return `site（GONGKAI_SITE）“${site}” 不应含 ? 或 #`;
  const pathProblem = url.pathname === '/' ? null : baseProblem(url.pathname);
  if (pathProblem || url.pathname.startsWith('//')) return `site（GONGKAI_SITE）“${site}” 的路径部分不是本站的路径（${pathProblem ?? '以 // 开头'}）`;
  return null;
}
