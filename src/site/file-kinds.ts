import { publishedImageType } from '../content/image-types.ts'
import { NO_ARTICLES_UPDATED } from '../feeds/feed-document.ts'
import type { FeedFormat } from '../feeds/feed-format.ts'
import { FORMATS } from '../feeds/formats.ts'
import { renderOpml, SUBSCRIPTION_FORMATS } from '../feeds/opml.ts'
import { renderSitemap, renderSitemapIndex } from '../feeds/sitemap.ts'
import { CONTENT_TYPES } from '../http/content-types.ts'
import { PATHS, ROUTES, sitemapPartNumber } from '../paths.ts'
import { kind, type Rendering, type SiteContext } from './kind.ts'
import type { RequestScope } from './site-options.ts'
import { STATIC_FILES, type StaticFileName } from './static-files.ts'

/**
 * A row for a document at one fixed URL that always exists, read by programs (the OPML,
 * `robots.txt`): kept for the isolate's life, tagged with its key.
 */
function fixedDocument(
  path: string,
  key: string,
  load: (site: SiteContext, scope: RequestScope) => Promise<Rendering>,
  { unchanged = false, cacheTag = key }: { unchanged?: boolean; cacheTag?: string } = {},
) {
  return kind<Record<string, never>, true>({
    routes: [{ path, params: () => ({}) }],
    key: () => key,
    locate: () => true,
    memo: () => 'pinned',
    cacheTag: () => cacheTag,
    unchangedByReveals: () => unchanged,
    profile: (site, _p, _f, tags) => site.profiles.service(tags),
    load: (site, _p, _f, scope) => load(site, scope),
  })
}

/**
 * An OPML subscription list of the site's feed and every tag's, in `formats`; both lists carry the
 * Cache-Tag `opml`, purged together. Reads every tag-list file.
 */
function opmlList(path: string, key: string, formats: readonly FeedFormat[]) {
  return fixedDocument(
    path,
    key,
    async (site, scope) => {
      const { corpus } = site
      const tags = await corpus.allTags(scope.files)
      return {
        render: () => renderOpml(site.config, site.links, tags, corpus.updated || NO_ARTICLES_UPDATED, formats),
        contentType: CONTENT_TYPES.opml,
        updated: site.changed(corpus.updated),
      }
    },
    { cacheTag: 'opml' },
  )
}

/** `/feeds.opml`: one subscription per topic, to import into a reader. */
export const opmlKind = opmlList(PATHS.opml, 'opml', SUBSCRIPTION_FORMATS)

/** `/feeds-all.opml`: every format of every topic. */
export const opmlAllKind = opmlList(PATHS.opmlAll, 'opml-all', FORMATS)

/** `robots.txt`: everything may be crawled; it names the sitemap. */
export const robotsKind = fixedDocument(
  PATHS.robots,
  'robots',
  async (site) => ({
    render: () => `User-agent: *\nAllow: /\n\nSitemap: ${site.links.url(PATHS.sitemap)}\n`,
    contentType: CONTENT_TYPES.text,
    updated: site.changed(),
  }),
  { unchanged: true },
)

/**
 * `/sitemap.xml` (`n` undefined): the one sitemap, or on large sites the index of them; else
 * sitemap `n` of the index, at `/sitemap-{n}.xml`.
 */
export const sitemapKind = kind<{ n: number | undefined }, { part: number | undefined }>({
  routes: [
    { path: PATHS.sitemap, params: () => ({ n: undefined }) },
    { path: ROUTES.sitemapPart, params: (request) => ({ n: sitemapPartNumber(request.param('file')) }) },
  ],
  key: ({ n }) => `sitemap ${n ?? ''}`,
  locate(site, { n }) {
    const parts = site.corpus.sitemaps.length
    if (n !== undefined && (parts <= 1 || n > parts)) return undefined
    return { part: n ?? (parts <= 1 ? 1 : undefined) }
  },
  memo: ({ n }) => (n === undefined ? 'pinned' : 'documents'),
  cacheTag: () => 'sitemaps',
  profile: (site, _p, _f, tags) => site.profiles.service(tags),
  async load(site, _p, { part }, scope) {
    const { corpus } = site
    const { sitemaps } = corpus
    const base = site.links.url('')
    const fragment = part === undefined ? '' : ((await corpus.sitemap(scope.files, part)) ?? '')
    return {
      render: () =>
        part === undefined
          ? renderSitemapIndex(sitemaps, base)
          : renderSitemap(fragment, base, corpus.bound(corpus.updated) ?? ''),
      contentType: CONTENT_TYPES.xml,
      updated: site.changed(part === undefined ? corpus.updated : sitemaps[part - 1] || undefined),
    }
  },
})

/** Where each of the {@link STATIC_FILES} is served. */
const STATIC_PATHS: Record<StaticFileName, string> = {
  xsl: PATHS.xslt,
  css: PATHS.css,
  js: PATHS.script,
  icon: PATHS.icon,
  favicon: PATHS.favicon,
  faviconIco: PATHS.faviconIco,
  touchIcon: PATHS.touchIcon,
  feedImage: PATHS.feedImage,
}

/** The stylesheet, the script, the XSLT and the default icons. */
export const staticKind = kind<{ name: StaticFileName }, true>({
  routes: Object.entries(STATIC_PATHS).map(([name, path]) => ({
    path,
    params: () => ({ name: name as StaticFileName }),
  })),
  key: ({ name }) => `file ${name}`,
  locate: () => true,
  memo: () => 'pinned',
  cacheTag: ({ name }) => `assets,asset:${name}`,
  unchangedByReveals: () => true,
  profile: (site, _p, _f, tags) => site.profiles.service(tags),
  load: async (site, { name }) => {
    const { body, contentType } = STATIC_FILES[name]
    return { render: () => (typeof body === 'string' ? body : body(site.links)), contentType, updated: site.changed() }
  },
})

/**
 * A published image (`/media/{hash}.{ext}`). Not kept in memory: images are the same for every site
 * (origin) and up to 5 MiB, so each request reads the file, and their name, made from a hash of
 * their bytes, is their ETag (no hashing).
 */
export const mediaKind = kind<{ name: string }, { bytes: Uint8Array; contentType: string }>({
  routes: [{ path: ROUTES.media, params: (request) => ({ name: request.param('name') ?? '' }) }],
  key: ({ name }) => `media ${name}`,
  async locate(site, { name }, scope) {
    const contentType = publishedImageType(name)
    // An image only scheduled articles use is missing until the first of them appears.
    const bytes = contentType && (await site.corpus.media(scope.files, name))
    return contentType && bytes ? { bytes, contentType } : undefined
  },
  memo: () => 'none',
  cacheTag: () => 'media',
  unchangedByReveals: () => true,
  profile: (site, _p, _f, tags) => site.profiles.media(tags),
  load: async (site, { name }, { bytes, contentType }) => ({
    render: () => bytes,
    contentType,
    updated: site.changed(),
    etag: `"${name.slice(0, name.indexOf('.'))}"`,
  }),
})
