/**
 * A digest of the site's code (src/, tests left out): what a build's caches in Astro's cache folder were made by
 * (the downloads writer's, src/integrations/downloads-writer.ts; the record summaries', src/integrations/summary-cache.ts).
 * Computed once per process.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let memo: string | undefined;

export function codeSalt(): string {
  if (memo !== undefined) return memo;
  const h = createHash('sha256');
  const src = join(import.meta.dirname, '..');
  for (const f of (readdirSync(src, { recursive: true }) as string[]).filter((f) => !f.includes('__tests__')).sort()) {
    if (/\.(ts|mjs|js|json)$/.test(f)) h.update(f).update(readFileSync(join(src, f)));
  }
  return (memo = h.digest('hex'));
}
