import { type Context, Hono } from 'hono'
import { LinearRouter } from 'hono/router/linear-router'
import type { Env } from '../config.ts'
import { errorResponse } from '../http/error-response.ts'
import { sendPrepared } from '../http/prepared-response.ts'
import { redirect } from '../http/redirect.ts'
import { NOSNIFF, PREFLIGHT_HEADERS } from '../http/response-headers.ts'
import { originOf } from '../paths.ts'
import type { Answer, SiteResponder, TableRoute } from '../site/kind.ts'
import type { ResponseKinds } from '../site/response-kinds.ts'
import type { Maybe, WaitUntil } from '../site/site-options.ts'
import type { SiteResolver } from '../site/site-resolver.ts'

/** The Hono environment of every route: the Worker's bindings. */
export type AppEnv = { Bindings: Env }

/**
 * Every route of the site, at the site's root (the app mounts them under its base path): one per
 * route of each row of the table of response kinds, each asking the request's site for the row's
 * response; and the CORS preflight on any path.
 *
 * LinearRouter: no matcher to compile on an isolate's first request (RegExpRouter's costs ~2 ms of
 * CPU there, measured); with a few dozen routes, matching is as fast. It takes `/x/` for `/x`, so
 * trailing slashes are redirected before routing (see `canonicalPaths`).
 */
export function siteRoutes(kinds: ResponseKinds, resolver: SiteResolver): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ router: new LinearRouter() })
  for (const { routes } of Object.values(kinds))
    for (const route of routes) app.get(route.path, (c) => serve(c, route, resolver))
  // CORS preflight, on any path: a script on any origin may poll the feeds with validators.
  app.options('*', () => new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, ...NOSNIFF } }))
  return app
}

/**
 * Answers a request to `route` on its site. Everything stays synchronous when the site and the
 * response are in memory: no promise on that path.
 */
function serve(c: Context<AppEnv>, route: TableRoute, resolver: SiteResolver): Response | Promise<Response> {
  const now = resolver.now()
  // One deadline for every read of this request (see `FAULT_POLICY.requestBudgetMs`).
  const files = resolver.files(c.env, resolver.deadline())
  const waitUntil = waitUntilOf(c)
  const reply = (site: SiteResponder): Response | Promise<Response> => {
    const answer = route.answer(c.req, site, { files, waitUntil, now })
    return answer instanceof Promise ? answer.then((a) => send(c, site, a, now)) : send(c, site, answer, now)
  }
  const site: Maybe<SiteResponder> = resolver.site(c.env, originOf(c.req.url))
  if (!(site instanceof Promise)) return reply(site)
  // Opening the corpus may outlast this request's budget: it goes on, for the next request.
  waitUntil?.(site.catch(() => undefined))
  return site.then(reply)
}

/** Sends a route's answer: the prepared response, a redirect, or an error in the format the client accepts. */
function send(c: Context<AppEnv>, site: SiteResponder, answer: Answer, now: number): Response | Promise<Response> {
  if ('representation' in answer) return sendPrepared(c.req.raw, answer, now)
  if ('redirect' in answer) return redirect(answer.redirect)
  return errorResponse(c, answer.status, answer.message, { headers: answer.headers, base: site.config.basePath })
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
