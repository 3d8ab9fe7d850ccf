/// <reference types="vitest/config" />
// Vitest runs inside Astro's Vite config so .astro components render through the container API.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['src/**/__tests__/**/*.test.ts', 'scripts/**/__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
