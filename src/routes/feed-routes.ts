import type { Context } from 'hono'
import type { FeedFormat } from '../feeds/formats.ts'
import { isBrowserNavigation } from '../http/browser-navigation.ts'
import { negotiateFormat } from '../http/negotiate.ts'
import { PATHS } from '../paths.ts'
import type { FeedTarget } from '../site/feed-source.ts'
import { type AppEnv, otherSpelling, pageNumber, type RouteKit, TAG_ROUTE } from './route-kit.ts'

/**
 * Every feed in every format, each also at `…/feed` chosen by Accept (RFC 9110 §12.5.1; the first
 * format answers `*\/*`): the site's, its archive pages (RFC 5005), each tag's and their archive
 * pages. A browser navigation gets the feed's readable page at the same URL (`Vary: Sec-Fetch-Dest`).
 */
export function feedRoutes(kit: RouteKit, formats: readonly FeedFormat[]): void {
  const { app, fail, serve } = kit

  function serveFeed(c: Context<AppEnv>, format: FeedFormat, negotiated: boolean, target: FeedTarget | undefined) {
    if (!target) return fail(c, 404, `Nothing at ${c.req.path}.`)
    // `?view=xslt` sends RSS/Atom as `application/xml`, so browsers apply the XSLT (Chromium ignores it on feed types).
    const xslt = c.req.url.includes('?') && c.req.query('view') === 'xslt'
    const view = isBrowserNavigation(c.req.raw.headers) && !xslt ? 'preview' : xslt && format.xml ? 'xml' : 'feed'
    return serve(
      c,
      (site, scope) => site.feed(format, view, negotiated, scope, target),
      async (site) => (await otherSpelling(kit, c, site, target.tag)) ?? fail(c, 404, `No feed at ${c.req.path}.`),
    )
  }

  /** The archive page a route's `:n` names, of the site's feed or of `tag`'s; `undefined` when `:n` is not a page number. */
  const archive = (c: Context<AppEnv>, tag: string | undefined): FeedTarget | undefined => {
    const n = pageNumber(c.req.param('n'))
    return n === undefined ? undefined : { tag, archive: n }
  }
  const families: [string, (c: Context<AppEnv>) => FeedTarget | undefined][] = [
    ['', () => ({})],
    [PATHS.archive('', ':n'), (c) => archive(c, undefined)],
    [TAG_ROUTE, (c) => ({ tag: c.req.param('tag') })],
    [PATHS.archive(TAG_ROUTE, ':n'), (c) => archive(c, c.req.param('tag'))],
  ]
  for (const [prefix, target] of families) {
    for (const format of formats) app.get(prefix + format.path, (c) => serveFeed(c, format, false, target(c)))
    app.get(prefix + PATHS.negotiated, (c) => {
      const format = negotiateFormat(c.req.header('Accept'), formats)
      if (format) return serveFeed(c, format, true, target(c))
      c.header('Vary', 'Accept')
      const available = formats.map((f) => f.mediaType).join(', ')
      return fail(c, 406, `None of the types in Accept can be served here. Available: ${available}.`)
    })
  }
}
