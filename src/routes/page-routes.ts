import type { Context } from 'hono'
import type { SiteLinks } from '../feeds/feed-context.ts'
import { originOf, PATHS } from '../paths.ts'
import { type AppEnv, otherSpelling, pageNumber, type RouteKit, redirect, TAG_ROUTE } from './route-kit.ts'

/**
 * The pages (index, articles, tags) and the files beside them (OPML, sitemap, robots.txt, the
 * stylesheet, the script, the XSLT, the icons).
 */
export function pageRoutes(kit: RouteKit): void {
  const { app, fail, serve, resolver } = kit

  app.get(PATHS.opml, (c) => serve(c, (site, scope) => site.documents.opml(scope)))
  app.get(PATHS.sitemap, (c) => serve(c, (site, scope) => site.documents.sitemap(undefined, scope)))
  // One segment, `sitemap-{n}.xml` (LinearRouter matches a parameter as a whole segment).
  app.get('/:file{sitemap-[1-9][0-9]{0,6}\\.xml}', (c) => {
    const n = Number(/[0-9]+/.exec(c.req.param('file') ?? '')?.[0])
    return serve(c, (site, scope) => site.documents.sitemap(n, scope))
  })
  app.get(PATHS.media(':name'), (c) =>
    serve(c, (site, scope) => site.documents.media(c.req.param('name') ?? '', scope)),
  )
  app.get(PATHS.robots, (c) => serve(c, (site, scope) => site.documents.robots(scope)))
  app.get(PATHS.stylesheet, (c) => serve(c, (site, scope) => site.documents.text('xsl', scope)))
  app.get(PATHS.css, (c) => serve(c, (site, scope) => site.documents.text('css', scope)))
  app.get(PATHS.script, (c) => serve(c, (site, scope) => site.documents.text('js', scope)))
  app.get(PATHS.icon, (c) => serve(c, (site, scope) => site.documents.text('icon', scope)))
  app.get(PATHS.favicon, (c) => serve(c, (site, scope) => site.documents.text('favicon', scope)))

  /** Serves page `n` (1-based) of the index. */
  function serveIndex(c: Context<AppEnv>, n: number) {
    return serve(
      c,
      (site, scope) => site.indexPage(n, scope),
      (site) => fail(c, 404, `There is no page ${n}; the index has ${site.indexPages}.`),
    )
  }

  /**
   * Serves a paged list whose page 1 is `first`: `/x/page/1` redirects there, and only plain
   * numbers name pages.
   */
  async function servePaged(
    c: Context<AppEnv>,
    first: (links: SiteLinks) => string,
    page: (n: number) => Response | Promise<Response>,
  ) {
    const n = c.req.param('n') ?? ''
    if (n === '1') return redirect(first((await resolver.site(c.env, originOf(c.req.url))).links))
    const number = pageNumber(n)
    return number === undefined ? fail(c, 404, `No page ${n}.`) : page(number)
  }

  app.get(PATHS.home, (c) => serveIndex(c, 1))
  app.get(PATHS.page(':n'), (c) =>
    servePaged(
      c,
      (links) => links.home,
      (n) => serveIndex(c, n),
    ),
  )

  app.get(PATHS.article(':slug'), (c) =>
    serve(
      c,
      (site, scope) => site.article(c.req.param('slug') ?? '', scope),
      () => fail(c, 404, `No article at ${c.req.path}.`),
    ),
  )

  /** Serves page `n` of `/tags`. */
  const serveTags = (c: Context<AppEnv>, n: number) =>
    serve(
      c,
      (site, scope) => site.documents.tagsPage(n, scope),
      (site) => fail(c, 404, `There is no page ${n}; the tags fill ${site.documents.tagsPages}.`),
    )
  app.get(PATHS.tags, (c) => serveTags(c, 1))
  app.get(PATHS.tagsPage(':n'), (c) =>
    servePaged(
      c,
      (links) => links.tags(),
      (n) => serveTags(c, n),
    ),
  )

  /** Serves page `n` of a tag's page; a tag written another way (`/tags/Rust`) redirects to its one URL. */
  const serveTag = (c: Context<AppEnv>, n: number) => {
    const asked = c.req.param('tag') ?? ''
    return serve(
      c,
      (site, scope) => site.documents.tagPage(asked, n, scope),
      async (site) =>
        (await otherSpelling(kit, c, site, asked)) ??
        fail(c, 404, `No tag at ${c.req.path}; every tag is listed at ${site.links.tags()}.`),
    )
  }
  app.get(TAG_ROUTE, (c) => serveTag(c, 1))
  app.get(`${TAG_ROUTE}/page/:n`, (c) =>
    servePaged(
      c,
      (links) => links.tag(c.req.param('tag') ?? ''),
      (n) => serveTag(c, n),
    ),
  )
}
