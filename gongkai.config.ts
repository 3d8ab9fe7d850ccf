/**
 * The site's configuration: the one place for its name, publisher, address, footer identifiers, contact,
 * data licence and district names. Checked when the site builds (src/domain/site-config.ts documents every
 * field); `npm run init` writes a new one. This one describes the sample site built from the five
 * Chongqing disclosures (demo: true).
 */
import { defineConfig } from './src/domain/site-config.ts';

export default defineConfig({
  siteName: '公开 · 预算公开',
  organisation: 'Gongkai 示例站点',
  // The production address. A production build (npm run build) stops without it; set it here or with
  // GONGKAI_SITE=https://… in the build environment.
  // url: 'https://yusuan.example.gov.cn',
  // This is the sample site: every page says 示例站点, and a production build without an address builds for
  // http://localhost:4321/ with a warning, closed to search engines. `npm run init` writes a real site's
  // configuration without it (there a missing address stops the build).
  demo: true,
  base: '/',
  footer: {
    // websiteCode: '5001000001',          // 网站标识码
    // icp: '渝ICP备00000000号',            // ICP 备案号
    // publicSecurity: '渝公网安备 50000000000000号', // 公安机关备案号
  },
  // 纠错/联系: an address of the sample; a real site gives its own e-mail, page or telephone.
  contact: { email: 'jiucuo@example.gov.cn' },
  licence: {
    name: 'CC-BY-4.0',
    path: 'https://creativecommons.org/licenses/by/4.0/',
    title: '知识共享署名 4.0 国际许可协议（CC BY 4.0）',
  },
  districts: {},
});
