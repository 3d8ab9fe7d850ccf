/**
 * Build integration: after `astro build` has written the pages, writes each visible record's record.json
 * and CSV downloads into the output folder (src/integrations/downloads-writer.ts). In the dev server the endpoints
 * under src/pages/[district]/[unit]/[year]/ serve them instead.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeDownloads } from './downloads-writer.ts';
import { keepInOutput } from './keep-output.ts';

export default function downloads(): AstroIntegration {
  let cache = '';
  return {
    name: 'gongkai:downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = fileURLToPath(new URL('gongkai-downloads.json', config.cacheDir));
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        // Unchanged records' files stay in the kept output folder (keep-output.ts, which runs next).
        const { records, files, kept } = writeDownloads(fileURLToPath(dir).replace(/\/+$/, ''), undefined, { cache, keep: keepInOutput });
        logger.info(`${files} downloads of ${records} records in place (${kept} records unchanged) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
