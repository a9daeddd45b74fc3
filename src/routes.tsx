import { type Context, Hono } from 'hono'
import { LinearRouter } from 'hono/router/linear-router'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ConfigError, NO_ENV, readConfig } from './config.ts'
import { RefusedContent } from './content/content-error.ts'
import type { FeedFormat } from './feeds/formats.ts'
import { errorResponse } from './http/error-response.ts'
import { type PreparedResponse, sendPrepared } from './http/prepared-response.ts'
import { ALLOWED_METHODS, NOSNIFF, PREFLIGHT_HEADERS } from './http/response-headers.ts'
import { originOf } from './paths.ts'
import { feedRoutes } from './routes/feed-routes.ts'
import { pageRoutes } from './routes/page-routes.ts'
import { type AppEnv, type RouteKit, waitUntilOf } from './routes/route-kit.ts'
import type { Site } from './site/site.tsx'
import type { Maybe, RequestScope } from './site/site-options.ts'
import type { SiteResolver } from './site/site-resolver.ts'

export { type AppEnv, redirect } from './routes/route-kit.ts'

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

  const kit: RouteKit = { app, base, resolver, fail, serve }
  feedRoutes(kit, formats)
  pageRoutes(kit)

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
