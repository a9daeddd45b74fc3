import { SITEMAP_BASE, SITEMAP_URLS, sitemapPath } from '../content/layout.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { rfc3339 } from '../feeds/dates.ts'
import { element, textElement } from '../feeds/xml.ts'

/** One URL of the sitemap: a path of the site and when its page last changed. */
export interface SitemapUrl {
  path: string
  /** RFC 3339; '' when unknown (a site without articles), then no `<lastmod>`. */
  lastmod: string
}

/**
 * The `<url>` elements of one sitemap file, with {@link SITEMAP_BASE} where the site's URL goes:
 * written at build time, when only paths are known, and completed per site by `renderSitemap`.
 * @see https://www.sitemaps.org/protocol.html
 */
export function sitemapUrls(urls: readonly SitemapUrl[]): string {
  return urls
    .map((url) =>
      element(
        'url',
        {},
        textElement('loc', SITEMAP_BASE + url.path),
        url.lastmod ? textElement('lastmod', rfc3339(url.lastmod)) : '',
      ),
    )
    .join('\n')
}

/** Writes the sitemap fragments, {@link SITEMAP_URLS} URLs each, into `files`; returns each one's newest date. */
export function packSitemaps(files: Map<string, string>, urls: readonly SitemapUrl[]): string[] {
  const lastmods: string[] = []
  for (let n = 1; (n - 1) * SITEMAP_URLS < urls.length; n++) {
    const part = urls.slice((n - 1) * SITEMAP_URLS, n * SITEMAP_URLS)
    files.set(sitemapPath(n), sitemapUrls(part))
    lastmods.push(newestUpdated(part.map((url) => ({ updated: url.lastmod }))))
  }
  return lastmods
}
