/**
 * Build integration: after `astro build` has written the pages, writes each visible record's record.json
 * and CSV downloads into the output folder (src/integrations/downloads-writer.ts). In the dev server the endpoints
 * under src/pages/[district]/[unit]/[year]/ serve them instead.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeDownloads } from './downloads-writer.ts';
import { keepInOutput, presentAtStart } from './keep-output.ts';

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
        // Whether an unchanged record's files are still there: from the folder's inventory at the start of the build
        // (nothing deletes files from it before keep-output does, after this), not one file-system call per file.
        const present = presentAtStart();
        const { records, files, kept } = writeDownloads(fileURLToPath(dir).replace(/\/+$/, ''), undefined, {
          cache, keep: keepInOutput, ...(present ? { exists: (path: string) => present.has(path) } : {}),
        });
        logger.info(`${files} downloads of ${records} records in place (${kept} records unchanged) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
