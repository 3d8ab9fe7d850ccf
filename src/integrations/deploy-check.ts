/**
 * Refuses a build whose base or site would send the site's links and assets to another host
 * (src/lib/deploy-urls.ts): `npm run build -- --base //other.host/` stops with a message, before anything is built.
 */
import type { AstroIntegration } from 'astro';
import { baseProblem, siteProblem } from '../domain/deploy-urls.ts';

export default function deployCheck(): AstroIntegration {
  return {
    name: 'gongkai:deploy-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        const problems = [baseProblem(config.base), config.site ? siteProblem(config.site) : null].filter((p): p is string => p !== null);
        if (problems.length) throw new Error(`部署设置有误：${problems.join('；')}`);
      },
    },
  };
}
