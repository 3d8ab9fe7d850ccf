/**
 * The validated configuration of this site (gongkai.config.ts at the project root), for pages and
 * components: read it here, never write the site name or the publisher into a page.
 */
import input from '../../gongkai.config.ts';
import { configuredDistrict, isLocalSite, parseSiteConfig, type SiteConfig } from '../domain/site-config.ts';

export const siteConfig: SiteConfig = parseSiteConfig(input);

/** A district's display name: the documents' name, else the configured one, else its slug. */
export function districtDisplayName(documentName: string | null | undefined, slug: string): string {
  return documentName ?? configuredDistrict(siteConfig, slug)?.name ?? slug;
}

/**
 * The sample site (`demo: true`) built without an address (for LOCAL_SITE): every page is noindex and
 * robots.txt disallows all, so a copy of the sample put online is never indexed under a fake address.
 */
export const unaddressedDemo = (site: URL | undefined): boolean => siteConfig.demo && isLocalSite(site);
