import { SITEMAP_BASE } from '../content/layout.ts'
import { PATHS } from '../paths.ts'
import { rfc3339 } from './dates.ts'
import { element, textElement, XML_DECLARATION, xmlText } from './xml.ts'

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/**
 * A sitemap (`<urlset>`) from a fragment the build stored (its `<url>` elements, with
 * `SITEMAP_BASE` where the site's URL goes): one pass that puts the site's URL in, instead of
 * rebuilding thousands of elements per request.
 * @see https://www.sitemaps.org/protocol.html
 *
 * @param base - origin and base path of the site, no trailing slash
 */
export function renderSitemap(fragment: string, base: string): string {
  const urls = fragment.replaceAll(`<loc>${SITEMAP_BASE}`, `<loc>${xmlText(base)}`)
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
