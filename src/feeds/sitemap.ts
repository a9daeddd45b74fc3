import { SITEMAP_BASE, SITEMAP_UPDATED } from '../content/layout.ts'
import { PATHS } from '../paths.ts'
import { rfc3339 } from './dates.ts'
import { element, textElement, XML_DECLARATION, xmlText } from './xml.ts'

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/** One URL of the sitemap: a path of the site and when its page last changed. */
export interface SitemapUrl {
  path: string
  /**
   * RFC 3339; '' when unknown, then no `<lastmod>`; or a placeholder the Worker fills in per
   * request (`SITEMAP_UPDATED` for the pages that change with every article, `sitemapTagUpdated`
   * for a tag that scheduled articles will change).
   */
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
        url.lastmod.startsWith('{') ? url.lastmod : lastmodElement(url.lastmod),
      ),
    )
    .join('\n')
}

/** `<lastmod>` of an RFC 3339 date; nothing for '' (unknown). */
export function lastmodElement(date: string): string {
  return date ? textElement('lastmod', rfc3339(date)) : ''
}

/**
 * A sitemap (`<urlset>`) from a fragment the build stored (its `<url>` elements, with
 * `SITEMAP_BASE` where the site's URL goes): one pass that puts the site's URL in, instead of
 * building every URL again per request.
 * @see https://www.sitemaps.org/protocol.html
 *
 * @param base - origin and base path of the site, no trailing slash
 * @param updated - the site's newest date (RFC 3339), the `<lastmod>` of the pages that change with every article; '' for none
 */
export function renderSitemap(fragment: string, base: string, updated: string): string {
  const urls = fragment
    .replaceAll(`<loc>${SITEMAP_BASE}`, `<loc>${xmlText(base)}`)
    .replaceAll(SITEMAP_UPDATED, lastmodElement(updated))
  return `${XML_DECLARATION}<urlset xmlns="${NAMESPACE}">\n${urls}\n</urlset>\n`
}

/**
 * A sitemap index listing the site's sitemap files, `lastmods[n - 1]` being the date of the n-th.
 * @see https://www.sitemaps.org/protocol.html#index
 */
export function renderSitemapIndex(lastmods: readonly string[], base: string): string {
  const entries = lastmods.map((lastmod, i) =>
    element(
      'sitemap',
      {},
      textElement('loc', base + PATHS.sitemapPart(i + 1)),
      lastmod ? textElement('lastmod', rfc3339(lastmod)) : '',
    ),
  )
  return `${XML_DECLARATION}${element('sitemapindex', { xmlns: NAMESPACE }, '\n', entries.join('\n'), '\n')}\n`
}
