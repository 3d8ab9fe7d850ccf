// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The site is served with a strict Content-Security-Policy (script-src 'self'; style-src 'self'):
// nothing may be inlined, so stylesheets are always files and no script or asset is ever inlined.
export default defineConfig({
  output: 'static',
  site: process.env.GONGKAI_SITE ?? 'https://example.gov.cn',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [mdx()],
});
