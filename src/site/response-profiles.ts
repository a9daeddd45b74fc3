import type { ResolvedConfig } from '../config.ts'
import type { SiteLinks } from '../feeds/feed-context.ts'
import type { FeedFormat } from '../feeds/formats.ts'
import { cacheControl } from '../http/cache-control.ts'
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

/** How a feed URL is answered: the feed, the feed as `application/xml` (`?view=xslt`), or the browser page. */
export type FeedView = 'feed' | 'xml' | 'preview'

/**
 * The headers of each kind of response of one site, beyond its validators: who consumes it
 * decides what it carries (see `src/http/response-headers.ts`).
 */
export class ResponseProfiles {
  readonly #config: ResolvedConfig
  readonly #links: SiteLinks
  readonly #cacheControl: string

  constructor(config: ResolvedConfig, links: SiteLinks) {
    this.#config = config
    this.#links = links
    this.#cacheControl = cacheControl(config)
  }

  /**
   * A feed. RSS and Atom, which a browser may render through `/feed.xsl`, get a CSP; the JSON Feed,
   * read by programs, does not. On `/feed` (`negotiated`) it names the fixed URL of its format and
   * varies by `Accept` too.
   */
  feed(format: FeedFormat, view: FeedView, negotiated: boolean): ResponseProfile {
    const vary = negotiated ? ['Accept', 'Sec-Fetch-Dest'] : ['Sec-Fetch-Dest']
    const shared = negotiated ? { ...CORS_HEADERS, 'Content-Location': this.#links.feed(format.path) } : CORS_HEADERS
    const tags = `feeds,feed:${format.name}`
    if (view === 'preview') return { ...this.html(tags), vary, shared }
    const self = [
      { href: this.#links.feed(format.path), rel: 'self', type: format.mediaType },
      ...(this.#config.websubHub ? [{ href: this.#config.websubHub, rel: 'hub' }] : []),
    ]
    return {
      cacheControl: this.#cacheControl,
      vary,
      shared,
      headers: {
        // WebSub §4 and RFC 8288: the feed's own URL and its hub; the other formats are linked from the documents.
        Link: linkHeader(self),
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

  /** A file a program or a browser fetches but never shows as a page (OPML, CSS, JS, XSLT). */
  service(tags: string): ResponseProfile {
    return {
      cacheControl: this.#cacheControl,
      shared: CORS_HEADERS,
      headers: { ...NOSNIFF, ...CORS_EXPOSE, ...this.#cacheTags(tags) },
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
