import { SITEMAP_URLS, sitemapPath } from '../content/layout.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { type SitemapUrl, sitemapUrls } from '../feeds/sitemap.ts'

/** A URL of the sitemap as the build writes it: its `lastmod` may be a placeholder, standing for `date`. */
export interface PackedSitemapUrl extends SitemapUrl {
  /** The date (RFC 3339) a placeholder `lastmod` stands for at build time. Default: `lastmod`. */
  date?: string
}

/**
 * Writes the sitemap fragments, {@link SITEMAP_URLS} URLs each, into `files` (`sitemaps/{n}.xml`);
 * returns each one's newest date.
 */
export function packSitemaps(files: Map<string, string>, urls: readonly PackedSitemapUrl[]): string[] {
  const lastmods: string[] = []
  for (let n = 1; (n - 1) * SITEMAP_URLS < urls.length; n++) {
    const part = urls.slice((n - 1) * SITEMAP_URLS, n * SITEMAP_URLS)
    files.set(sitemapPath(n), sitemapUrls(part))
    lastmods.push(newestUpdated(part.map((url) => ({ updated: url.date ?? url.lastmod }))))
  }
  return lastmods
}
