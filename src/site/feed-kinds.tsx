import { articleId } from '../content/article-id.ts'
import type { ArticleList } from '../content/layout.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import {
  feedDocument,
  NO_ARTICLES_UPDATED,
  type PlannedDocument,
  planDocument,
  siteFeed,
} from '../feeds/feed-document.ts'
import type { FeedFormat } from '../feeds/feed-format.ts'
import { isBrowserNavigation } from '../http/browser-navigation.ts'
import { CONTENT_TYPES, feedContentType } from '../http/content-types.ts'
import { negotiateFormat } from '../http/negotiate.ts'
import type { FeedIdentity } from '../model/feed.ts'
import type { TagEntry } from '../model/site.ts'
import { FeedPreviewPage } from '../pages/feed-preview-page.tsx'
import { PATHS, pageNumber, ROUTES } from '../paths.ts'
import { type KindRoute, kind, Refusal, type RouteRequest, type SiteContext } from './kind.ts'
import { respelled } from './respelled.ts'
import type { FeedView } from './response-profiles.ts'
import type { MemoKind } from './site-memo.ts'
import type { RequestScope } from './site-options.ts'

/** What a feed URL names: the format, the view, `…/feed` or not, and the document (a tag's feed, an archive page). */
export interface FeedParams {
  format: FeedFormat
  view: FeedView
  /** Answers `…/feed` (chosen by `Accept`): then it names its own URL and varies by `Accept`. */
  negotiated: boolean
  /** The tag's key, for a tag's feed. */
  tag?: string | undefined
  /** The archive page (RFC 5005), from 1. */
  archive?: number | undefined
}

/** The memo key of a feed response (one key per document, whatever the tag is called): the hot path asks for it too. */
export function feedKey(p: Pick<FeedParams, 'format' | 'view' | 'negotiated' | 'tag' | 'archive'>): string {
  const of = (p.tag === undefined ? '' : ` tag:${p.tag}`) + (p.archive === undefined ? '' : ` archive:${p.archive}`)
  return `${p.view} ${p.format.name}${p.negotiated ? ' negotiated' : ''}${of}`
}

/**
 * The view a request asks of a feed URL: a browser's navigation gets the readable page
 * (`Vary: Sec-Fetch-Dest`); `?view=xslt` the RSS or Atom as `application/xml`, so browsers apply
 * the XSLT (Chromium ignores it on feed types); anything else, the feed.
 */
export function feedView(request: Request, format: FeedFormat): FeedView {
  const xslt = request.url.includes('?') && new URL(request.url).searchParams.get('view') === 'xslt'
  if (isBrowserNavigation(request.headers) && !xslt) return 'preview'
  return xslt && format.xml ? 'xml' : 'feed'
}

/** One family of feeds: its routes' prefix, and the tag and archive page a request names. */
interface FeedFamily {
  prefix: string
  target(request: RouteRequest): Pick<FeedParams, 'tag' | 'archive'> | undefined
  memo: MemoKind
  /** `Cache-Tag` of the family (with `feed:{format}`). */
  tag: string
}

/** What a feed's `locate` finds: the document and the list its articles come from. */
interface LocatedFeed {
  planned: PlannedDocument
  list: ArticleList
}

/**
 * A row of the table for one family of feeds: every format at its own path and all of them at
 * `…/feed`, chosen by `Accept` (RFC 9110 §12.5.1; the first format answers `*\/*`).
 */
function feedKind(formats: readonly FeedFormat[], family: FeedFamily) {
  const routes: KindRoute<FeedParams>[] = formats.map((format) => ({
    path: family.prefix + format.path,
    params: (request) => feedParams(request, format, false, family),
  }))
  routes.push({
    path: family.prefix + PATHS.negotiated,
    params: (request) => {
      const format = negotiateFormat(request.raw.headers.get('Accept') ?? undefined, formats)
      if (format) return feedParams(request, format, true, family)
      const available = formats.map((f) => f.mediaType).join(', ')
      const message = `None of the types in Accept can be served here. Available: ${available}.`
      return new Refusal({ status: 406, message, headers: { Vary: 'Accept' } })
    },
  })
  return kind<FeedParams, LocatedFeed>({
    routes,
    key: feedKey,
    locate: locateFeed,
    memo: () => family.memo,
    // The newest archive page changes when an article appears: `archives:head` purges it without the full ones.
    cacheTag: (p, found) =>
      `${family.tag},feed:${p.format.name}${p.archive !== undefined && !found.planned.immutable ? ',archives:head' : ''}`,
    unchangedByReveals: (_p, found) => found.planned.immutable === true,
    profile: (site, p, found, tags) => site.profiles.feed(p.format, p.view, p.negotiated, found.planned, tags),
    load: loadFeed,
    // The same bytes as the format's own URL: only the headers differ.
    sameBytesAs: (p) => (p.negotiated ? { ...p, negotiated: false } : undefined),
    missing: async (site, p, request, scope) =>
      (await respelled(site, p.tag, request, scope)) ?? { status: 404, message: `No feed at ${request.path}.` },
  })
}

function feedParams(request: RouteRequest, format: FeedFormat, negotiated: boolean, family: FeedFamily) {
  const target = family.target(request)
  if (!target) return new Refusal({ status: 404, message: `Nothing at ${request.path}.` })
  return { format, view: feedView(request.raw, format), negotiated, ...target }
}

/** Finds the document a feed URL names; reads at most one tag bucket. */
async function locateFeed(site: SiteContext, p: FeedParams, scope: RequestScope): Promise<LocatedFeed | undefined> {
  let identity = siteFeed(site.config, site.links)
  let list = site.corpus.all
  if (p.tag !== undefined) {
    const tag = await site.corpus.tag(scope.files, p.tag)
    if (!tag) return undefined
    identity = await tagFeed(tag, site)
    list = site.corpus.tagList(tag)
  }
  const planned = planDocument(identity, site.config, site.links, list.count, p.archive)
  return planned && { planned, list }
}

/** The feed of one tag: its own title, id and page. */
async function tagFeed(tag: TagEntry, site: SiteContext): Promise<FeedIdentity> {
  const { config, links } = site
  return {
    title: `${config.title}: ${tag.tag}`,
    description: `Articles tagged “${tag.tag}”. ${config.description}`,
    // A name-based UUID (as for articles) of the site's id and the tag's key: permanent and host-independent.
    id: await articleId(`${config.id} ${PATHS.tag(tag.key)}`),
    home: links.tag(tag.key),
    prefix: PATHS.tag(tag.key),
  }
}

/** Reads the document's articles and renders it as the view asks: the feed, as `application/xml`, or the browser's page. */
async function loadFeed(site: SiteContext, p: FeedParams, found: LocatedFeed, scope: RequestScope) {
  const { planned, list } = found
  const articles = await site.corpus.listRange(scope.files, list, planned.start, planned.end, site.config)
  const updated = newestUpdated(articles) || site.corpus.updated || NO_ARTICLES_UPDATED
  const doc = feedDocument(planned, site.config, site.links, articles, updated)
  const { format, view } = p
  if (view === 'preview')
    return {
      render: () => `${<FeedPreviewPage site={site} doc={doc} format={format} />}`,
      contentType: CONTENT_TYPES.html,
      updated: site.changed(doc.updated),
    }
  return {
    render: () => format.render(doc, format),
    contentType: view === 'xml' ? CONTENT_TYPES.xml : feedContentType(format.mediaType),
    updated: site.changed(doc.updated),
  }
}

/** The four rows of feeds: the site's, its archive pages, each tag's, and their archive pages. */
export function feedKinds(formats: readonly FeedFormat[]) {
  const archive = (request: RouteRequest, tag: string | undefined) => {
    const n = pageNumber(request.param('n'))
    return n === undefined ? undefined : { tag, archive: n }
  }
  return {
    feed: feedKind(formats, { prefix: '', target: () => ({}), memo: 'pinned', tag: 'feeds' }),
    archive: feedKind(formats, {
      prefix: ROUTES.archive(''),
      target: (request) => archive(request, undefined),
      memo: 'documents',
      tag: 'archives',
    }),
    tagFeed: feedKind(formats, {
      prefix: ROUTES.tag,
      target: (request) => ({ tag: request.param('tag') }),
      memo: 'documents',
      tag: 'tag-feeds',
    }),
    tagArchive: feedKind(formats, {
      prefix: ROUTES.archive(ROUTES.tag),
      target: (request) => archive(request, request.param('tag')),
      memo: 'documents',
      tag: 'archives',
    }),
  }
}
