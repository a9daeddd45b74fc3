import type { FeedFormat } from '../feeds/feed-format.ts'
import { cacheControl, IMMUTABLE } from '../http/cache-control.ts'
import { linkHeader } from '../http/link-header.ts'
import type { ResponseProfile } from '../http/prepared-response.ts'
import {
  BROWSER_HEADERS,
  CORS_EXPOSE,
  CORS_EXPOSE_NEGOTIATED,
  CORS_HEADERS,
  FEED_SECURITY_POLICY,
  NOSNIFF,
} from '../http/response-headers.ts'
import type { FeedPlacement } from '../model/feed.ts'
import type { SiteConfig } from '../model/site.ts'

/** How a feed URL is answered: the feed, the feed as `application/xml` (`?view=xslt`), or the browser page. */
export type FeedView = 'feed' | 'xml' | 'preview'

/**
 * The headers of each kind of response of one site, beyond its validators: who consumes it
 * decides what it carries (see `src/http/response-headers.ts`).
 */
export class ResponseProfiles {
  readonly #config: SiteConfig
  readonly #cacheControl: string

  constructor(config: SiteConfig) {
    this.#config = config
    this.#cacheControl = cacheControl(config)
  }

  /**
   * A feed document (`doc` says which). RSS and Atom, which a browser may render through
   * `/feed.xsl`, get a CSP; the JSON Feed, read by programs, does not. On a `…/feed` URL
   * (`negotiated`) it names the fixed URL of its format and varies by `Accept` too. A full archive
   * page is cached for a year: its bytes never change.
   */
  feed(format: FeedFormat, view: FeedView, negotiated: boolean, doc: FeedPlacement, tags: string): ResponseProfile {
    const url = doc.self(format.path)
    const vary = negotiated ? ['Accept', 'Sec-Fetch-Dest'] : ['Sec-Fetch-Dest']
    const shared = negotiated ? { ...CORS_HEADERS, 'Content-Location': url } : CORS_HEADERS
    // The readable page is made by code as well as from the articles: it is cached like any page.
    if (view === 'preview') return { ...this.html(tags), vary, shared }
    // WebSub §4 and RFC 8288: the feed's own URL and its hub; the other formats are linked from the
    // documents. No `type` on self: the response's Content-Type says it, and the bytes go to the hub link.
    const links = [{ href: url, rel: 'self' }, ...(doc.hub ? [{ href: doc.hub, rel: 'hub' }] : [])]
    return {
      cacheControl: doc.immutable ? IMMUTABLE : this.#cacheControl,
      vary,
      shared,
      headers: {
        Link: linkHeader(links),
        ...(format.xml ? { ...NOSNIFF, 'Content-Security-Policy': FEED_SECURITY_POLICY } : NOSNIFF),
        ...(negotiated ? CORS_EXPOSE_NEGOTIATED : CORS_EXPOSE),
        ...this.#cacheTags(tags),
      },
    }
  }

  /** An HTML page: every header a browser acts on. */
  html(tags: string): ResponseProfile {
    return {
      cacheControl: this.#cacheControl,
      shared: CORS_HEADERS,
      headers: { ...BROWSER_HEADERS, ...this.#cacheTags(tags) },
    }
  }

  /** A file a program or a browser fetches but never shows as a page (OPML, sitemap, CSS, JS, XSLT). */
  service(tags: string): ResponseProfile {
    return {
      cacheControl: this.#cacheControl,
      shared: CORS_HEADERS,
      headers: { ...NOSNIFF, ...CORS_EXPOSE, ...this.#cacheTags(tags) },
    }
  }

  /**
   * A published image: its name is made from its bytes, so any cache may keep it for a year; any
   * site may show it (feed readers and other sites embed it).
   */
  media(tags: string): ResponseProfile {
    return {
      cacheControl: IMMUTABLE,
      shared: CORS_HEADERS,
      headers: { ...NOSNIFF, 'Cross-Origin-Resource-Policy': 'cross-origin', ...this.#cacheTags(tags) },
    }
  }

  /**
   * `Cache-Tag` for Workers Cache purges by kind or by one representation. Without `SITE_URL`, the
   * links in the bytes depend on the host asked, while Workers Cache keys by path and query alone,
   * so those responses are kept out of it (`Cloudflare-CDN-Cache-Control: no-store`; browsers and
   * readers still cache by `Cache-Control`).
   */
  #cacheTags(tags: string): Record<string, string> {
    return this.#config.baseUrl
      ? { 'Cache-Tag': tags }
      : { 'Cache-Tag': tags, 'Cloudflare-CDN-Cache-Control': 'no-store' }
  }
}
