import { publishedImageType } from '../content/image-types.ts'
import { TAG_LIST_PAGE_SIZE, type TagEntry } from '../corpus/layout.ts'
import { renderOpml } from '../feeds/opml.ts'
import { renderSitemap, renderSitemapIndex } from '../feeds/sitemap.ts'
import { CONTENT_TYPES } from '../http/content-types.ts'
import { type PreparedResponse, prepareResponse } from '../http/prepared-response.ts'
import { TagPage } from '../pages/tag-page.tsx'
import { TagsPage } from '../pages/tags-page.tsx'
import { PATHS } from '../paths.ts'
import { INDEX_PAGE_SIZE } from './page-size.ts'
import type { Site } from './site.tsx'
import type { Maybe, RequestScope } from './site-options.ts'
import { STATIC_TEXTS } from './static-texts.ts'

/**
 * The lists of a site beyond its feeds and index (`/tags`, each tag's page, the OPML, the sitemap,
 * `robots.txt`) and its fixed files (stylesheet, script, XSLT, icons). Each is a response of its {@link Site}, kept in the site's memo.
 */
export class SiteDocuments {
  readonly #site: Site

  constructor(site: Site) {
    this.#site = site
  }

  /** Number of `/tags` pages (at least 1: it says when there are no tags). */
  get tagsPages(): number {
    return Math.max(1, Math.ceil(this.#site.corpus.manifest.tags.count / TAG_LIST_PAGE_SIZE))
  }

  /** Page `n` (from 1) of `/tags`, or `undefined` past the last. */
  tagsPage(n: number, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    const site = this.#site
    const pages = this.tagsPages
    if (n > pages) return undefined
    const profile = site.profiles.html(`tags,tags:${n}`)
    return site.respond(`tags ${n}`, n === 1 ? 'pinned' : 'lists', profile, scope, async () => {
      const tags = (await site.corpus.tagListPage(scope.files, n)) ?? []
      const feed = site.context([])
      return {
        render: () => `${<TagsPage feed={feed} tags={tags} page={n} pages={pages} />}`,
        contentType: CONTENT_TYPES.html,
        updated: site.changed(site.corpus.manifest.updated),
      }
    })
  }

  /** Page `n` (from 1) of the tag whose key is `key`, or `undefined` when there is no such tag or page. */
  tagPage(key: string, n: number, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    return this.#site.peek(`tag ${key} ${n}`) ?? this.#loadTagPage(key, n, scope)
  }

  async #loadTagPage(key: string, n: number, scope: RequestScope): Promise<PreparedResponse | undefined> {
    const site = this.#site
    const tag = await site.corpus.tag(scope.files, key)
    const pages = tag ? Math.ceil(tag.count / INDEX_PAGE_SIZE) : 0
    if (!tag || n > pages) return undefined
    // Cache-Tag is ASCII: the tag is named by its id, not its text.
    const profile = site.profiles.html(`tag-pages,tag-page:${tag.id}`)
    return site.respond(`tag ${key} ${n}`, 'lists', profile, scope, async () => {
      const list = site.corpus.tagList(tag)
      const range = [(n - 1) * INDEX_PAGE_SIZE, n * INDEX_PAGE_SIZE] as const
      const articles = await site.corpus.listRange(scope.files, list, ...range, site.config)
      const feed = site.context(articles)
      return {
        render: () => `${<TagPage feed={feed} tag={tag} page={n} pages={pages} />}`,
        contentType: CONTENT_TYPES.html,
        updated: site.changed(tag.updated),
      }
    })
  }

  /** The OPML subscription list: the site's feeds and every tag's. Reads every tag-list file. */
  opml(scope: RequestScope): Maybe<PreparedResponse> {
    const site = this.#site
    return site.respond('opml', 'pinned', site.profiles.service('opml'), scope, async () => {
      const pages = Array.from({ length: this.tagsPages }, (_, i) => site.corpus.tagListPage(scope.files, i + 1))
      const tags: TagEntry[] = (await Promise.all(pages)).flatMap((page) => page ?? [])
      return {
        render: () => renderOpml(site.context([]), tags),
        contentType: CONTENT_TYPES.opml,
        updated: site.changed(site.corpus.manifest.updated),
      }
    })
  }

  /**
   * `/sitemap.xml` (`n` undefined): the one sitemap, or on large sites the index of them; else
   * sitemap `n` of the index. `undefined` when there is no such sitemap.
   */
  sitemap(n: number | undefined, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    const site = this.#site
    const lastmods = site.corpus.manifest.sitemaps
    const single = lastmods.length <= 1
    if (n !== undefined && (single || n > lastmods.length)) return undefined
    const part = n ?? (single ? 1 : undefined)
    const base = site.links.home.slice(0, -PATHS.home.length)
    const profile = site.profiles.service('sitemaps')
    return site.respond(`sitemap ${n ?? ''}`, n === undefined ? 'pinned' : 'documents', profile, scope, async () => {
      const fragment = part === undefined ? '' : ((await site.corpus.sitemap(scope.files, part)) ?? '')
      return {
        render: () => (part === undefined ? renderSitemapIndex(lastmods, base) : renderSitemap(fragment, base)),
        contentType: CONTENT_TYPES.xml,
        updated: site.changed(part === undefined ? site.corpus.manifest.updated : lastmods[part - 1] || undefined),
      }
    })
  }

  /** The stylesheet, the script, the XSLT or an icon. */
  text(name: keyof typeof STATIC_TEXTS, scope: RequestScope): Maybe<PreparedResponse> {
    const site = this.#site
    const profile = site.profiles.service(`assets,asset:${name}`)
    return site.respond(`text ${name}`, 'pinned', profile, scope, async () => {
      const { text, contentType } = STATIC_TEXTS[name]
      return {
        render: () => (typeof text === 'string' ? text : text(site.links)),
        contentType,
        updated: site.changed(),
      }
    })
  }

  /**
   * A published image (`media/{hash}.{ext}`), or `undefined` when there is none of that name. Not
   * kept in memory: images are the same for every site (origin) and up to 5 MiB, so each request
   * reads the file, and their name, made from a hash of their bytes, is their ETag (no hashing).
   */
  async media(name: string, scope: RequestScope): Promise<PreparedResponse | undefined> {
    const contentType = publishedImageType(name)
    if (!contentType) return undefined
    const bytes = await scope.files.bytes(`media/${name}`)
    if (!bytes) return undefined
    const updated = this.#site.changed()
    return prepareResponse(
      {
        body: bytes,
        etag: `"${name.slice(0, name.indexOf('.'))}"`,
        contentType,
        ...(updated && { lastModified: new Date(updated).toUTCString() }),
      },
      this.#site.profiles.media(),
    )
  }

  /** `robots.txt`: everything may be crawled; it names the sitemap. */
  robots(scope: RequestScope): Maybe<PreparedResponse> {
    const site = this.#site
    return site.respond('robots', 'pinned', site.profiles.service('robots'), scope, async () => ({
      render: () => `User-agent: *\nAllow: /\n\nSitemap: ${site.links.feed(PATHS.sitemap)}\n`,
      contentType: CONTENT_TYPES.text,
      updated: site.changed(),
    }))
  }
}
