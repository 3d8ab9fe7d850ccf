/**
 * The validated configuration of this site (gongkai.config.ts at the project root), for pages and
 * components: read it here, never write the site name or the publisher into a page.
 */
import input from '../../gongkai.config.ts';
import { configuredDistrict, parseSiteConfig, type SiteConfig } from '../domain/site-config.ts';

export const siteConfig: SiteConfig = parseSiteConfig(input);

/** A district's display name: the documents' name, else the configured one, else its slug. */
export function districtDisplayName(documentName: string | null | undefined, slug: string): string {
  return documentName ?? configuredDistrict(siteConfig, slug)?.name ?? slug;
}
