/// <reference types="vitest/config" />
// Vitest runs inside Astro's Vite config so .astro components render through the container API.
//
// Two projects:
// - `unit`: pure modules, ingest, components (container API) — parallel, fast.
// - `build`: tests that run `astro build` and/or drive Chromium (`*.build.test.ts`, `src/__tests__/browser/`).
//   Astro keeps per-project state in .astro/, so two builds of this repo must not run at once: this
//   project runs its files one after another.
// `npm test` runs `unit`, then `build`.
import { getViteConfig } from 'astro/config';

const buildTests = ['**/*.build.test.ts', 'src/__tests__/browser/**/*.test.ts'];

export default getViteConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/__tests__/**/*.test.ts', 'scripts/**/__tests__/**/*.test.ts'],
          exclude: [...buildTests, '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: buildTests,
          exclude: ['**/node_modules/**'],
          fileParallelism: false,
          testTimeout: 300_000,
        },
      },
    ],
  },
});
