import type { MiddlewareHandler } from 'hono'
import type { FeedFormat } from '../feeds/feed-format.ts'
import { isBrowserNavigation } from '../http/browser-navigation.ts'
import { sendPrepared } from '../http/prepared-response.ts'
import { originOf } from '../paths.ts'
import { feedKey } from '../site/feed-kinds.tsx'
import type { SiteResolver } from '../site/site-resolver.ts'
import type { AppEnv } from './site-routes.ts'

/**
 * The hot path, as the app's first step: most traffic is readers polling a fixed feed URL whose
 * response is already in memory, so that is answered here, before the site's router and its
 * context are built (they cost about 7 % of such a request, measured with `npm run bench`). Any
 * other request, or a feed not yet in memory, goes on to the routes, which make the same
 * response. A URL with a query never matches here (`?view=xslt` is another view).
 *
 * @param formats - the rows of the formats table, each polled at its own path
 */
export function pollFromMemory(resolver: SiteResolver, formats: readonly FeedFormat[]): MiddlewareHandler<AppEnv> {
  const byPath = new Map(formats.map((f) => [f.path, f]))
  return function pollFromMemory(c, next) {
    const request = c.req.raw
    if (request.method === 'GET' || request.method === 'HEAD') {
      const url = request.url
      const origin = originOf(url)
      const site = resolver.ready(c.env, origin)
      const base = site?.config.basePath ?? ''
      const format =
        site && url.startsWith(base, origin.length) ? byPath.get(url.slice(origin.length + base.length)) : undefined
      if (site && format) {
        const view = isBrowserNavigation(request.headers) ? 'preview' : 'feed'
        const prepared = site.peek(feedKey({ format, view, negotiated: false }))
        if (prepared) return Promise.resolve(sendPrepared(request, prepared))
      }
    }
    return next()
  }
}
