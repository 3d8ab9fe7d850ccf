/** Renders a record component through Astro's container API, without dev-only source attributes. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

let container: AstroContainer | undefined;

/** HTML of `component` rendered with `props`. */
export async function render(component: AstroComponentFactory, props: Record<string, unknown>): Promise<string> {
  container ??= await AstroContainer.create({ astroConfig: { site: 'https://example.gov.cn', trailingSlash: 'always' } });
  const html = await container.renderToString(component, { props });
  return html.replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, '').replace(/ data-astro-cid-[a-z0-9]+(="")?/g, '');
}

/** Number of matches of `re` (global) in `html`. */
export const count = (html: string, re: RegExp): number => html.match(re)?.length ?? 0;
