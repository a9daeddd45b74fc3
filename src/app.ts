import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { LinearRouter } from 'hono/router/linear-router'
import { timeout } from 'hono/timeout'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ConfigError, NO_ENV, readConfig } from './config.ts'
import { RefusedContent } from './content/refused-content.ts'
import { faultLog } from './faults/fault-log.ts'
import { FAULT_POLICY } from './faults/policy.ts'
import { Unavailable } from './faults/unavailable.ts'
import { errorResponse } from './http/error-response.ts'
import { ALLOWED_METHODS, READ_METHODS } from './http/response-headers.ts'
import { canonicalPaths } from './routes/canonical-paths.ts'
import type { AppEnv } from './routes/site-routes.ts'

/**
 * The Hono app of a site served under `base` (the path of `SITE_URL`, '' for none): a path written
 * another way is redirected to its one URL (`canonicalPaths`); the site's routes, one per route of
 * the table of response kinds (`siteRoutes`), are mounted under the base with Hono's `route`; what
 * no route takes gets its answer here: bad settings (500, naming the variable), a method a path does
 * not allow (405), any other path (404), errors (503 while the build refuses the content or the
 * content cannot be had, else 500). No GET or HEAD waits past `budgetMs`: Hono's `timeout` answers it
 * then (a backstop: every read already ends by the budget, see `assetFiles`).
 * The Worker puts the hot path before this app (see `createWorker`).
 *
 * @param routes - the site's routes at its root (see `siteRoutes`)
 * @param budgetMs - the request's budget (`FAULT_POLICY.requestBudgetMs`)
 */
export function createApp(
  base: string,
  routes: Hono<AppEnv>,
  budgetMs: number = FAULT_POLICY.requestBudgetMs,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ router: new LinearRouter() })
  // The backstop, for reads (a POST's form has its own bounds): every read already ends a Cache API
  // lookup before the budget (see `SiteResolver.deadline`), so a copy found then still goes out first.
  const backstop = timeout(
    budgetMs + 250,
    () => new HTTPException(503, { cause: new Unavailable('budget', `a request took longer than ${budgetMs} ms`) }),
  )
  app.use((c, next) => (READ_METHODS.has(c.req.method) ? backstop(c, next) : next()))
  app.use(canonicalPaths(base))
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
    // A path that exists answers other methods with 405 and what it allows (RFC 9110 §15.5.6):
    // asked of the site's own routes (the middleware above matches every path).
    const inSite = base === '' ? path : path.startsWith(`${base}/`) ? path.slice(base.length) : undefined
    if (!READ_METHODS.has(c.req.method) && inSite !== undefined && routes.router.match('GET', inSite)[0].length > 0) {
      const allowed = [...READ_METHODS].join(' or ')
      return fail(c, 405, `${c.req.method} is not allowed here; use ${allowed}.`, { Allow: ALLOWED_METHODS })
    }
    if (base && !path.startsWith(`${base}/`)) return fail(c, 404, `Nothing at ${path}; this site is at ${base}/.`)
    return fail(c, 404, `Nothing at ${path}.`)
  })

  app.onError((error, c) => {
    // The build already printed these in the terminal: the page shows them, nothing is logged again.
    if (error instanceof RefusedContent) return fail(c, 503, error.message)
    // The content (or what stands for it) could not be had: RFC 9110 §15.6.4, with when to come back.
    // The cause goes to the log, once per period; the reader gets no internal path.
    const fault = error instanceof HTTPException && error.status === 503 ? error.cause : error
    if (fault instanceof Unavailable) {
      faultLog.report(fault.kind, fault.message)
      const seconds = FAULT_POLICY.retryAfterSeconds
      return fail(c, 503, `The content cannot be read right now; try again in ${seconds} seconds.`, {
        'Retry-After': String(seconds),
      })
    }
    if (error instanceof ConfigError) {
      console.error(error.message)
      return fail(c, 500, error.message)
    }
    console.error(error)
    return fail(c, 500, 'Internal error.')
  })
  return app
}
