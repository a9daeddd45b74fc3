import type { Edition } from '../corpus/edition.ts'
import type { PreparedResponse, ResponseProfile } from '../http/prepared-response.ts'
import type { RepresentationSpec } from '../http/representation-store.ts'
import type { SiteLinks } from '../links.ts'
import type { SiteConfig } from '../model/site.ts'
import type { ResponseProfiles } from './response-profiles.ts'
import type { MemoKind } from './site-memo.ts'
import type { Maybe, RequestScope } from './site-options.ts'

/** What a kind may use of the site it answers for (the `Site` object). */
export interface SiteContext {
  readonly config: SiteConfig
  readonly links: SiteLinks
  /** The corpus as readers see it now: the articles published by then (see `Edition`). */
  readonly corpus: Edition
  readonly profiles: ResponseProfiles
  /** A preview build: drafts and scheduled articles are served, and every page says so. */
  readonly preview: boolean
  /** `Last-Modified` of bytes made from content last changed at `content`; of code-only bytes without it. */
  changed(content?: string): string | undefined
}

/** A request as a kind's routes read it: Hono's `c.req` has this shape. */
export interface RouteRequest {
  /** The path as requested, base path included. */
  path: string
  url: string
  raw: Request
  param(name: string): string | undefined
  query(name: string): string | undefined
}

/** An answer other than the document: an error (404, 406) with its message, or a redirect to the document's one URL. */
export type Miss = { status: 404 | 406; message: string; headers?: Record<string, string> } | { redirect: string }

/** A route's answer instead of parameters: the request names no document of the kind (see {@link KindRoute}). */
export class Refusal {
  readonly miss: Miss

  constructor(miss: Miss) {
    this.miss = miss
  }
}

/** What a kind renders: the bytes (made on a miss of every cache), their type and their date. */
export type Rendering = Omit<RepresentationSpec, 'key'>

/** One route of a kind: a Hono path under the site's base path, and the kind's parameters it names. */
export interface KindRoute<P> {
  path: string
  /** The parameters of a request to this route, or what to answer instead (a bad page number, a redirect). */
  params(request: RouteRequest, site: SiteContext): P | Refusal
}

/**
 * One kind of response of the site (a feed, an article page, the sitemap, …): where it is routed,
 * how it is kept and tagged, which headers it gets, and how it is found and made. `P` is what a
 * request names (a page number, a slug), `F` what `locate` found. Rows of the table in
 * `response-kinds.ts`; `Site.respond` and the routes read nothing else.
 */
export interface ResponseKind<P, F> {
  routes: readonly KindRoute<P>[]
  /** The memo key: one key, one response (bytes and headers), per site. */
  key(params: P): string
  /**
   * Finds the document `params` name, reading no more than it must (a bucket, no article), or
   * `undefined` when there is none.
   */
  locate(site: SiteContext, params: P, scope: RequestScope): Maybe<F | undefined>
  /** Where the response is kept: for the isolate's life, in a bounded memo, or not at all (`none`). */
  memo(params: P, found: F, site: SiteContext): MemoKind
  /** `Cache-Tag` (comma-separated ASCII), for Workers Cache purges by kind or by one document. */
  cacheTag(params: P, found: F): string
  /** The headers it gets beyond its validators (see `ResponseProfiles`). */
  profile(site: SiteContext, params: P, found: F, cacheTag: string): ResponseProfile
  /**
   * Whether no scheduled article can change these bytes (an article's page, a full archive page, a
   * file): then they are not cut to end by the next reveal. Default false: lists, feeds, counts
   * and the sitemap change when an article appears.
   */
  unchangedByReveals?(params: P, found: F): boolean
  /** Reads the content the document shows and says how to render it. */
  load(site: SiteContext, params: P, found: F, scope: RequestScope): Promise<Rendering>
  /**
   * Parameters of the same document whose response has the same bytes (only the headers differ),
   * if any: what `locate` found and those bytes serve both.
   */
  sameBytesAs?(params: P): P | undefined
  /** What to answer when `locate` finds nothing; default `404 Nothing at {path}.` */
  missing?(site: SiteContext, params: P, request: RouteRequest, scope: RequestScope): Maybe<Miss>
}

/** The site as a route sees it: what its kinds read at an instant, and the responses they make (the `Site` object). */
export interface SiteResponder {
  readonly config: SiteConfig
  /** What the kinds read of the site at `now` (ms since the epoch): the corpus as it stands then. */
  context(now: number): SiteContext
  /** The response `params` name, from memory at once or made now; `undefined` when there is no such document. */
  respond<P, F>(kind: ResponseKind<P, F>, params: P, scope: RequestScope): Maybe<PreparedResponse | undefined>
}

/** What a route answers: the document, or a {@link Miss}. */
export type Answer = PreparedResponse | Miss

/** One route of the table, its kind's types closed over: what the router registers. */
export interface TableRoute {
  path: string
  answer(request: RouteRequest, site: SiteResponder, scope: RequestScope): Maybe<Answer>
}

/**
 * A row of the table, checked against its own parameter and lookup types, as the router sees it:
 * its routes, each answering a request (a miss when the route refuses it or nothing is found).
 */
export function kind<P, F>(row: ResponseKind<P, F>): { row: ResponseKind<P, F>; routes: TableRoute[] } {
  const routes = row.routes.map((route) => ({
    path: route.path,
    answer(request: RouteRequest, site: SiteResponder, scope: RequestScope): Maybe<Answer> {
      // One instant per request: its parameters, its document and its messages read the same edition.
      const context = site.context(scope.now)
      const params = route.params(request, context)
      if (params instanceof Refusal) return params.miss
      const missing = (): Maybe<Miss> =>
        row.missing?.(context, params, request, scope) ?? { status: 404, message: `Nothing at ${request.path}.` }
      const prepared = site.respond(row, params, scope)
      if (prepared instanceof Promise) return prepared.then((found) => found ?? missing())
      return prepared ?? missing()
    },
  }))
  return { row, routes }
}
