/**
 * Build integration: after `astro build` has written the pages, writes each visible record's record.json
 * and CSV downloads into the output folder (src/integrations/downloads-writer.ts). In the dev server the endpoints
 * under src/pages/[district]/[unit]/[year]/ serve them instead.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeDownloads } from './downloads-writer.ts';

export default function downloads(): AstroIntegration {
  return {
    name: 'gongkai:downloads',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const { records, files } = writeDownloads(fileURLToPath(dir));
        logger.info(`${files} downloads of ${records} records written in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
