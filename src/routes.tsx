import { type Context, Hono } from 'hono'
import { LinearRouter } from 'hono/router/linear-router'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ConfigError, type Env, NO_ENV, readConfig } from './config.ts'
import { RefusedContent } from './content/content-error.ts'
import type { FeedFormat } from './feeds/formats.ts'
import { isBrowserNavigation } from './http/browser-navigation.ts'
import { CONTENT_TYPES } from './http/content-types.ts'
import { errorResponse } from './http/error-response.ts'
import { negotiateFormat } from './http/negotiate.ts'
import { type PreparedResponse, sendPrepared } from './http/prepared-response.ts'
import { ALLOWED_METHODS, CORS_HEADERS, NOSNIFF, PREFLIGHT_HEADERS } from './http/response-headers.ts'
import { originOf, PATHS } from './paths.ts'
import type { Site } from './site/site.tsx'
import type { Maybe, RequestScope, WaitUntil } from './site/site-options.ts'
import type { SiteResolver } from './site/site-resolver.ts'

/** The Hono environment of every route: the Worker's bindings. */
export type AppEnv = { Bindings: Env }

/**
 * The routes of the site under `base` (Hono's `basePath`): each asks the request's {@link Site} for
 * a prepared response and sends it.
 */
export function siteRoutes(base: string, formats: readonly FeedFormat[], resolver: SiteResolver): Hono<AppEnv> {
  // LinearRouter: no matcher to compile on an isolate's first request (RegExpRouter's costs ~2 ms
  // of CPU there, measured); with a dozen routes, matching is as fast. It takes `/x/` for `/x`,
  // so trailing slashes are redirected before routing (see `app.fetch`).
  const app = new Hono<AppEnv>({ router: new LinearRouter() }).basePath(base)
  const fail = (c: Context<AppEnv>, status: ContentfulStatusCode, message: string, headers?: Record<string, string>) =>
    errorResponse(c, status, message, { headers, base })

  /**
   * Answers with what `pick` prepares on the request's site, or with `missing` when it has nothing.
   * Everything stays synchronous when the site and the response are in memory: no promise on the
   * hot path.
   */
  function serve(
    c: Context<AppEnv>,
    pick: (site: Site, scope: RequestScope) => Maybe<PreparedResponse | undefined>,
    missing: (site: Site) => Response | Promise<Response> = () => fail(c, 404, `Nothing at ${c.req.path}.`),
  ): Response | Promise<Response> {
    const answer = (site: Site): Response | Promise<Response> => {
      const prepared = pick(site, { files: resolver.files(c.env), waitUntil: waitUntilOf(c) })
      if (prepared instanceof Promise) return prepared.then((p) => (p ? sendPrepared(c.req.raw, p) : missing(site)))
      return prepared ? sendPrepared(c.req.raw, prepared) : missing(site)
    }
    const site = resolver.site(c.env, originOf(c.req.url))
    return site instanceof Promise ? site.then(answer) : answer(site)
  }

  /** Serves a feed, or its readable page to a browser navigation (same URL, `Vary: Sec-Fetch-Dest`). */
  function serveFeed(c: Context<AppEnv>, format: FeedFormat, negotiated: boolean): Response | Promise<Response> {
    // `?view=xslt` sends RSS/Atom as `application/xml`, so browsers apply the XSLT (Chromium ignores it on feed types).
    const xslt = c.req.url.includes('?') && c.req.query('view') === 'xslt'
    const view = isBrowserNavigation(c.req.raw.headers) && !xslt ? 'preview' : xslt && format.xml ? 'xml' : 'feed'
    return serve(c, (site, scope) => site.feed(format, view, negotiated, scope))
  }

  for (const format of formats) app.get(format.path, (c) => serveFeed(c, format, false))

  // One URL for every format, chosen by Accept (RFC 9110 §12.5.1); the first format answers */*.
  app.get(PATHS.negotiated, (c) => {
    const format = negotiateFormat(c.req.header('Accept'), formats)
    if (format) return serveFeed(c, format, true)
    c.header('Vary', 'Accept')
    return fail(
      c,
      406,
      `None of the types in Accept can be served here. Available: ${formats.map((f) => f.mediaType).join(', ')}.`,
    )
  })

  app.get(PATHS.opml, (c) => serve(c, (site, scope) => site.opml(scope)))
  app.get(PATHS.stylesheet, (c) => serve(c, (site, scope) => site.text('xsl', scope)))
  app.get(PATHS.css, (c) => serve(c, (site, scope) => site.text('css', scope)))
  app.get(PATHS.script, (c) => serve(c, (site, scope) => site.text('js', scope)))

  /** Serves page `n` (1-based) of the index. */
  function serveIndex(c: Context<AppEnv>, n: number) {
    return serve(
      c,
      (site, scope) => site.indexPage(n, scope),
      (site) => fail(c, 404, `There is no page ${n}; the index has ${site.indexPages}.`),
    )
  }

  app.get(PATHS.home, (c) => serveIndex(c, 1))
  app.get(PATHS.page(':n'), async (c) => {
    const n = c.req.param('n') ?? ''
    // One URL per page: /page/1 is the home page, and only plain numbers name pages.
    if (n === '1') return redirect((await resolver.site(c.env, originOf(c.req.url))).links.home)
    if (!/^[1-9][0-9]{0,6}$/.test(n)) return fail(c, 404, `No page ${n}.`)
    return serveIndex(c, Number(n))
  })

  app.get(PATHS.article(':slug'), (c) =>
    serve(
      c,
      (site, scope) => site.article(c.req.param('slug') ?? '', scope),
      () => fail(c, 404, `No article at ${c.req.path}.`),
    ),
  )

  // CORS preflight, on any path: a script on any origin may poll the feeds with validators.
  app.options('*', () => new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, ...NOSNIFF } }))

  app.notFound((c) => {
    const path = c.req.path
    // Settings that cannot be used answer every request with 500 and what to fix, wherever it was
    // sent: a bad SITE_URL cannot say under which path the site is. (Routes find out through the site.)
    try {
      readConfig(c.env ?? NO_ENV)
    } catch (error) {
      if (error instanceof ConfigError) return fail(c, 500, error.message)
      throw error
    }
    // A path that exists answers other methods with 405 and what it allows (RFC 9110 §15.5.6).
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && app.router.match('GET', path)[0].length > 0) {
      return fail(c, 405, `${c.req.method} is not allowed here; use GET or HEAD.`, { Allow: ALLOWED_METHODS })
    }
    if (base && !path.startsWith(`${base}/`)) return fail(c, 404, `Nothing at ${path}; this site is at ${base}/.`)
    return fail(c, 404, `Nothing at ${path}.`)
  })

  app.onError((error, c) => {
    // The build already printed these in the terminal: the page shows them, nothing is logged again.
    if (error instanceof RefusedContent) return fail(c, 503, error.message)
    if (error instanceof ConfigError) {
      console.error(error.message)
      return fail(c, 500, error.message)
    }
    console.error(error)
    return fail(c, 500, 'Internal error.')
  })
  return app
}

/** A permanent redirect, with the headers every response carries. */
export function redirect(location: string): Response {
  const headers = {
    Location: location,
    'Cache-Control': 'public, max-age=86400',
    'Content-Type': CONTENT_TYPES.text,
    ...CORS_HEADERS,
    ...NOSNIFF,
  }
  return new Response(`Moved to ${location}\n`, { status: 301, headers })
}

/** The execution context's `waitUntil`, when the app runs inside a Worker invocation. */
function waitUntilOf(c: Context<AppEnv>): WaitUntil {
  try {
    const ctx = c.executionCtx
    return (promise) => ctx.waitUntil(promise)
  } catch {
    return undefined
  }
}
