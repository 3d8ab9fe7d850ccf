/**
 * A tiny static file server for the browser tests: serves a built site (an Astro outDir) on 127.0.0.1
 * under a base path, with the production Content-Security-Policy (read from public/_headers, so the test
 * and the shipped header cannot drift apart) and a CSP report endpoint. Mirrors a plain static host:
 * `/x/` → `x/index.html`, `/x` → 301 to `/x/` when that directory exists, anything else → 404.html (status 404).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** Headers applied to every response of the site, parsed from the `/*` block of a Netlify-style `_headers` file. */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line === '/*';
      continue;
    }
    if (!inAll) continue;
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The site-wide headers shipped in public/_headers (CSP included). */
export function shippedHeaders(): Record<string, string> {
  return parseHeadersFile(readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8'));
}

/** One CSP violation reported by the browser to the server's report endpoint. */
export interface CspReport {
  body: string;
}

export interface StaticServer {
  /** Origin plus base, ending in '/': e.g. `http://127.0.0.1:40123/sub/path/`. */
  root: string;
  origin: string;
  /** CSP reports received so far (report-uri). */
  reports: CspReport[];
  close(): Promise<void>;
}

const REPORT_PATH = '/__csp-report';

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/**
 * Serves `dir` under `base` ('/' or '/sub/path/') with `headers` on every response (default: the shipped
 * `_headers`); the CSP also gets a `report-uri` pointing at this server so violations are recorded
 * server-side as well as in the page.
 */
export async function serveStatic(dir: string, base = '/', headers: Record<string, string> = shippedHeaders()): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const reports: CspReport[] = [];
  const withReport = { ...headers };
  if (withReport['Content-Security-Policy']) {
    withReport['Content-Security-Policy'] += `; report-uri ${REPORT_PATH}`;
  }
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === REPORT_PATH && req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      reports.push({ body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
      return;
    }
    const send = async (status: number, file: string) => {
      const body = await readFile(file);
      res.writeHead(status, { ...withReport, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = async () => {
      const page = join(dir, '404.html');
      if (await isFile(page)) await send(404, page);
      else res.writeHead(404, withReport).end();
    };
    if (!path.startsWith(prefix) && `${path}/` !== prefix) return notFound();
    const rel = path.slice(prefix.length - 1);
    const target = normalize(join(dir, rel));
    if (target !== normalize(dir) && !target.startsWith(normalize(dir) + sep)) return notFound();
    if (rel.endsWith('/') || rel === '') {
      const index = join(target, 'index.html');
      return (await isFile(index)) ? send(200, index) : notFound();
    }
    if (await isFile(target)) return send(200, target);
    if (await isDir(target)) {
      res.writeHead(301, { ...withReport, Location: `${path}/` }).end();
      return;
    }
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${prefix}`,
    reports,
    close: () => new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}
