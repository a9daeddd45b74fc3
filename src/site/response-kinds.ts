import type { FeedFormat } from '../feeds/feed-format.ts'
import { feedKinds } from './feed-kinds.tsx'
import { mediaKind, opmlAllKind, opmlKind, robotsKind, sitemapKind, staticKind } from './file-kinds.ts'
import { articleKind, indexKind, tagKind, tagsKind } from './page-kinds.tsx'

/**
 * Every kind of response the site makes, one row each: its routes, memo key and memo, `Cache-Tag`,
 * header profile and loader are the row's fields (see `ResponseKind` in `kind.ts`). The routes
 * loop over this table, as the feed routes loop over the formats: adding a kind of page is one row
 * and its loader. Routes are matched in the table's order, so a feed path (`/tags/{tag}/feed.xml`)
 * is tried before the paged lists (`/tags/page/{n}`): a tag named "page" keeps its feeds.
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
    opmlAll: opmlAllKind,
    sitemap: sitemapKind,
    robots: robotsKind,
    static: staticKind,
    media: mediaKind,
  }
}

/** The table of one set of formats (see {@link responseKinds}). */
export type ResponseKinds = ReturnType<typeof responseKinds>
