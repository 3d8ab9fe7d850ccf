// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  output: 'static',
  site: process.env.GONGKAI_SITE ?? 'https://example.gov.cn',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
});
