import { type Context, Hono } from 'hono'
import { LinearRouter } from 'hono/router/linear-router'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ConfigError, NO_ENV, readConfig } from '../config.ts'
import { RefusedContent } from '../content/refused-content.ts'
import { errorResponse } from '../http/error-response.ts'
import { ALLOWED_METHODS } from '../http/response-headers.ts'
import type { AppEnv } from './site-routes.ts'

/**
 * The site's routes under its base path (Hono's `route`), with the answers to what no route takes:
 * bad settings (500, naming the variable), a method a path does not allow (405), any other path
 * (404), and errors (503 while the build refuses the content, else 500).
 *
 * @param base - the path of `SITE_URL` (`/blog`), '' for none
 * @param routes - the site's routes at its root (see `siteRoutes`)
 */
export function mountSite(base: string, routes: Hono<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ router: new LinearRouter() })
  app.route(base || '/', routes)
  const fail = (c: Context<AppEnv>, status: ContentfulStatusCode, message: string, headers?: Record<string, string>) =>
    errorResponse(c, status, message, { headers, base })

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
