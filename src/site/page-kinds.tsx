import { CONTENT_TYPES } from '../http/content-types.ts'
import type { SiteLinks } from '../links.ts'
import type { SiteArticle } from '../model/article.ts'
import type { TagEntry } from '../model/site.ts'
import { ArticlePage } from '../pages/article-page.tsx'
import { IndexPage } from '../pages/index-page.tsx'
import { TagPage } from '../pages/tag-page.tsx'
import { TagsPage } from '../pages/tags-page.tsx'
import { INDEX_PAGE_SIZE, PINNED_INDEX_PAGES, pageCount, TAG_LIST_PAGE_SIZE } from '../paging.ts'
import { PATHS, pageNumber, ROUTES } from '../paths.ts'
import { type KindRoute, kind, Refusal, type RouteRequest, type SiteContext } from './kind.ts'
import { respelled } from './respelled.ts'

/**
 * The route of page 2 onwards of a paged list: `…/page/1` redirects to the list's first page
 * (`first`), and only plain numbers name pages.
 */
function laterPages<P>(
  path: string,
  first: (links: SiteLinks, request: RouteRequest) => string,
  params: (n: number, request: RouteRequest) => P,
): KindRoute<P> {
  return {
    path,
    params(request, site) {
      const n = request.param('n') ?? ''
      if (n === '1') return new Refusal({ redirect: first(site.links, request) })
      const number = pageNumber(n)
      return number === undefined ? new Refusal({ status: 404, message: `No page ${n}.` }) : params(number, request)
    },
  }
}

/** Number of index pages (at least 1, even for an empty corpus). */
function indexPages(site: SiteContext): number {
  return pageCount(site.corpus.count, INDEX_PAGE_SIZE)
}

/** Number of `/tags` pages (at least 1: it says when there are no tags). */
function tagsPages(site: SiteContext): number {
  return pageCount(site.corpus.tagCount, TAG_LIST_PAGE_SIZE)
}

/** The index: the newest articles on `/`, older ones on `/page/{n}`. */
export const indexKind = kind<{ n: number }, { pages: number }>({
  routes: [
    { path: PATHS.home, params: () => ({ n: 1 }) },
    laterPages(
      ROUTES.page,
      (links) => links.home,
      (n) => ({ n }),
    ),
  ],
  key: ({ n }) => `index ${n}`,
  locate: (site, { n }) => (n <= indexPages(site) ? { pages: indexPages(site) } : undefined),
  memo: ({ n }) => (n <= PINNED_INDEX_PAGES ? 'pinned' : 'indexPages'),
  cacheTag: ({ n }) => `index,index:${n}`,
  profile: (site, _p, _f, tags) => site.profiles.html(tags),
  async load(site, { n }, { pages }, scope) {
    const range = [(n - 1) * INDEX_PAGE_SIZE, n * INDEX_PAGE_SIZE] as const
    const articles = await site.corpus.listRange(scope.files, site.corpus.all, ...range, site.config)
    return {
      render: () => `${<IndexPage site={site} articles={articles} page={n} pages={pages} />}`,
      contentType: CONTENT_TYPES.html,
      updated: site.changed(site.corpus.updated),
    }
  },
  missing: (site, { n }) => ({ status: 404, message: `There is no page ${n}; the index has ${indexPages(site)}.` }),
})

/** The page of one article, which every feed item links to. */
export const articleKind = kind<{ slug: string }, { article: SiteArticle; position: number }>({
  routes: [{ path: ROUTES.article, params: (request) => ({ slug: request.param('slug') ?? '' }) }],
  key: ({ slug }) => `article ${slug}`,
  locate: (site, { slug }, scope) => site.corpus.bySlug(scope.files, slug, site.config),
  // Feed readers link to the newest: those stay; the long tail is bounded.
  memo: (_p, { position }, site) => (position < site.config.feedItems ? 'pinned' : 'articles'),
  cacheTag: ({ slug }) => `articles,article:${slug}`,
  // An article's page names no other article: one appearing changes nothing on it.
  unchangedByReveals: () => true,
  profile: (site, _p, _f, tags) => site.profiles.html(tags),
  load: async (site, _p, { article }) => ({
    render: () => `${<ArticlePage site={site} article={article} />}`,
    contentType: CONTENT_TYPES.html,
    updated: site.changed(article.updated),
  }),
  missing: (_site, _p, request) => ({ status: 404, message: `No article at ${request.path}.` }),
})

/** `/tags`, every tag with its count, 500 per page. */
export const tagsKind = kind<{ n: number }, { pages: number }>({
  routes: [
    { path: PATHS.tags, params: () => ({ n: 1 }) },
    laterPages(
      ROUTES.tagsPage,
      (links) => links.tags(),
      (n) => ({ n }),
    ),
  ],
  key: ({ n }) => `tags ${n}`,
  locate: (site, { n }) => (n <= tagsPages(site) ? { pages: tagsPages(site) } : undefined),
  memo: ({ n }) => (n === 1 ? 'pinned' : 'lists'),
  cacheTag: ({ n }) => `tags,tags:${n}`,
  profile: (site, _p, _f, tags) => site.profiles.html(tags),
  async load(site, { n }, { pages }, scope) {
    const tags = (await site.corpus.tagListPage(scope.files, n)) ?? []
    return {
      render: () => `${<TagsPage site={site} tags={tags} page={n} pages={pages} />}`,
      contentType: CONTENT_TYPES.html,
      updated: site.changed(site.corpus.updated),
    }
  },
  missing: (site, { n }) => ({ status: 404, message: `There is no page ${n}; the tags fill ${tagsPages(site)}.` }),
})

/** The page of one tag: its articles, 30 per page, and its feeds. A tag written another way redirects to its one URL. */
export const tagKind = kind<{ key: string; n: number }, { tag: TagEntry; pages: number }>({
  routes: [
    { path: ROUTES.tag, params: (request) => ({ key: request.param('tag') ?? '', n: 1 }) },
    laterPages(
      ROUTES.tagPage,
      (links, request) => links.tag(request.param('tag') ?? ''),
      (n, request) => ({ key: request.param('tag') ?? '', n }),
    ),
  ],
  key: ({ key, n }) => `tag ${key} ${n}`,
  async locate(site, { key, n }, scope) {
    const tag = await site.corpus.tag(scope.files, key)
    const pages = tag ? pageCount(tag.count, INDEX_PAGE_SIZE) : 0
    return tag && n <= pages ? { tag, pages } : undefined
  },
  memo: () => 'lists',
  // Cache-Tag is ASCII: the tag is named by its id, not its text.
  cacheTag: (_p, { tag }) => `tag-pages,tag-page:${tag.id}`,
  profile: (site, _p, _f, tags) => site.profiles.html(tags),
  async load(site, { n }, { tag, pages }, scope) {
    const range = [(n - 1) * INDEX_PAGE_SIZE, n * INDEX_PAGE_SIZE] as const
    const articles = await site.corpus.listRange(scope.files, site.corpus.tagList(tag), ...range, site.config)
    return {
      render: () => `${<TagPage site={site} tag={tag} articles={articles} page={n} pages={pages} />}`,
      contentType: CONTENT_TYPES.html,
      updated: site.changed(tag.updated),
    }
  },
  missing: async (site, { key }, request, scope) =>
    (await respelled(site, key, request, scope)) ?? {
      status: 404,
      message: `No tag at ${request.path}; every tag is listed at ${site.links.tags()}.`,
    },
})
