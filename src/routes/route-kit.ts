import type { Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Env } from '../config.ts'
import { tagKey } from '../content/tag-key.ts'
import { CONTENT_TYPES } from '../http/content-types.ts'
import type { PreparedResponse } from '../http/prepared-response.ts'
import { CORS_HEADERS, NOSNIFF } from '../http/response-headers.ts'
import { PATHS } from '../paths.ts'
import type { Site } from '../site/site.tsx'
import type { Maybe, RequestScope, WaitUntil } from '../site/site-options.ts'
import type { SiteResolver } from '../site/site-resolver.ts'

/** The Hono environment of every route: the Worker's bindings. */
export type AppEnv = { Bindings: Env }

/** What every group of routes is given: the app to add routes to and the two ways to answer. */
export interface RouteKit {
  app: Hono<AppEnv>
  /** The base path the routes are under ('' or `/blog`). */
  base: string
  resolver: SiteResolver
  /** An error response in the format the client accepts (see `errorResponse`). */
  fail(
    c: Context<AppEnv>,
    status: ContentfulStatusCode,
    message: string,
    headers?: Record<string, string>,
  ): Response | Promise<Response>
  /**
   * Answers with what `pick` prepares on the request's site, or with `missing` when it has nothing
   * (default: 404). Synchronous when the site and the response are in memory.
   */
  serve(
    c: Context<AppEnv>,
    pick: (site: Site, scope: RequestScope) => Maybe<PreparedResponse | undefined>,
    missing?: (site: Site) => Response | Promise<Response>,
  ): Response | Promise<Response>
}

/** The route of a tag's page and the prefix of its feeds (`PATHS.tag` percent-encodes its argument). */
export const TAG_ROUTE = '/tags/:tag'

/**
 * A redirect to the one URL of a tag written another way (`/tags/Rust/feed.xml` →
 * `/tags/rust/feed.xml`, any page or feed of it), or `undefined` when no tag has that URL.
 */
export async function otherSpelling(
  kit: RouteKit,
  c: Context<AppEnv>,
  site: Site,
  tag: string | undefined,
): Promise<Response | undefined> {
  const key = tag === undefined ? '' : tagKey(tag)
  if (key === '' || key === tag || !(await site.corpus.tag(kit.resolver.files(c.env), key))) return undefined
  const target = new URL(c.req.url)
  target.pathname = kit.base + target.pathname.slice(kit.base.length).replace(/^\/tags\/[^/]+/, PATHS.tag(key))
  return redirect(target.href)
}

/** A page number in a path: a plain positive number (no sign, no leading zero), else `undefined`. */
export function pageNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9][0-9]{0,6}$/.test(text) ? Number(text) : undefined
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
export function waitUntilOf(c: Context<AppEnv>): WaitUntil {
  try {
    const ctx = c.executionCtx
    return (promise) => ctx.waitUntil(promise)
  } catch {
    return undefined
  }
}
