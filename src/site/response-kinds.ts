import type { FeedFormat } from '../feeds/feed-format.ts'
import { feedKinds } from './feed-kinds.tsx'
import { mediaKind, opmlKind, robotsKind, sitemapKind, staticKind } from './file-kinds.ts'
import { articleKind, indexKind, tagKind, tagsKind } from './page-kinds.tsx'

/**
 * Every kind of response the site makes, one row each: its routes, memo key and memo, `Cache-Tag`,
 * header profile and loader are the row's fields (see `ResponseKind`). The routes loop over this
 * table, as the feed routes loop over the formats: adding a kind of page is one row and its loader.
 *
 * | row          | routes (under the base path)                   | memo                      | Cache-Tag               | profile |
 * | ------------ | ---------------------------------------------- | ------------------------- | ----------------------- | ------- |
 * | `feed`       | `/feed.xml`, `/atom.xml`, `/feed.json`, `/feed` | pinned                    | `feeds,feed:{f}`        | feed    |
 * | `archive`    | `/archive/{n}/…` (the same four)                | documents                 | `archives,feed:{f}`     | feed    |
 * | `tagFeed`    | `/tags/{tag}/…`                                 | documents                 | `tag-feeds,feed:{f}`    | feed    |
 * | `tagArchive` | `/tags/{tag}/archive/{n}/…`                     | documents                 | `archives,feed:{f}`     | feed    |
 * | `index`      | `/`, `/page/{n}`                                | pinned (3 pages), bounded | `index,index:{n}`       | html    |
 * | `article`    | `/articles/{slug}`                              | pinned (newest), bounded  | `articles,article:{s}`  | html    |
 * | `tags`       | `/tags`, `/tags/page/{n}`                       | pinned (page 1), lists    | `tags,tags:{n}`         | html    |
 * | `tag`        | `/tags/{tag}`, `/tags/{tag}/page/{n}`           | lists                     | `tag-pages,tag-page:{id}` | html  |
 * | `opml`       | `/feeds.opml`                                   | pinned                    | `opml`                  | service |
 * | `sitemap`    | `/sitemap.xml`, `/sitemap-{n}.xml`              | pinned, documents         | `sitemaps`              | service |
 * | `robots`     | `/robots.txt`                                   | pinned                    | `robots`                | service |
 * | `static`     | `/feed.xsl`, `/assets/…`, `/icon.png`, `/favicon.png` | pinned              | `assets,asset:{name}`   | service |
 * | `media`      | `/media/{hash}.{ext}`                           | none (read per request)   | `media`                 | media   |
 *
 * @param formats - the feed formats (`FORMATS`; tests wrap them to count renders)
 */
export function responseKinds(formats: readonly FeedFormat[]) {
  return {
    ...feedKinds(formats),
    index: indexKind,
    article: articleKind,
    tags: tagsKind,
    tag: tagKind,
    opml: opmlKind,
    sitemap: sitemapKind,
    robots: robotsKind,
    static: staticKind,
    media: mediaKind,
  }
}

/** The table of one set of formats (see {@link responseKinds}). */
export type ResponseKinds = ReturnType<typeof responseKinds>
