import type { ResolvedConfig } from '../config.ts'
import { articleId } from '../content/article-id.ts'
import type { Corpus } from '../corpus/corpus.ts'
import type { ContentFiles } from '../corpus/files.ts'
import type { ArticleList, TagEntry } from '../corpus/layout.ts'
import { type SiteLinks, siteFeed } from '../feeds/feed-context.ts'
import { archivePages, archiveRange, type FeedIdentity, type FeedPage, feedPage } from '../feeds/feed-page.ts'
import type { FeedFormat } from '../feeds/formats.ts'
import { PATHS } from '../paths.ts'
import type { FeedView } from './response-profiles.ts'

/** Which document of which feed a request names: the site's or a tag's feed (`tag`: its key), its subscription document or archive page `archive`. */
export interface FeedTarget {
  tag?: string | undefined
  archive?: number | undefined
}

/** The memo key of a feed response: format, view, `…/feed` or not, and the document (one key per document, whatever the tag is called). */
export function feedKey(format: FeedFormat, view: FeedView, negotiated: boolean, target: FeedTarget): string {
  const of =
    (target.tag === undefined ? '' : ` tag:${target.tag}`) +
    (target.archive === undefined ? '' : ` archive:${target.archive}`)
  return `${view} ${format.name}${negotiated ? ' negotiated' : ''}${of}`
}

/** A feed document to render: its links, and which of its list's articles it holds. */
export interface FeedSource {
  page: FeedPage
  list: ArticleList
  /** Positions in the list, newest first: `start` inclusive, `end` exclusive. */
  start: number
  end: number
}

/**
 * Finds the feed document `target` names, or `undefined` when there is none (an unknown tag, an
 * archive page past the last). Reads at most one tag bucket.
 */
export async function feedSource(
  target: FeedTarget,
  corpus: Corpus,
  files: ContentFiles,
  config: ResolvedConfig,
  links: SiteLinks,
): Promise<FeedSource | undefined> {
  let feed = siteFeed(config, links)
  let list = corpus.all
  if (target.tag !== undefined) {
    const tag = await corpus.tag(files, target.tag)
    if (!tag) return undefined
    feed = await tagFeed(tag, config, links)
    list = corpus.tagList(tag)
  }
  const { feedItems } = config
  const { archive } = target
  if (archive === undefined)
    return { page: feedPage(feed, links, list.count, feedItems), list, start: 0, end: feedItems }
  if (archive < 1 || archive > archivePages(list.count, feedItems)) return undefined
  return {
    page: feedPage(feed, links, list.count, feedItems, archive),
    list,
    ...archiveRange(list.count, feedItems, archive),
  }
}

/** The feed of one tag: its own title, id and page. */
async function tagFeed(tag: TagEntry, config: ResolvedConfig, links: SiteLinks): Promise<FeedIdentity> {
  return {
    title: `${config.title}: ${tag.tag}`,
    description: `Articles tagged “${tag.tag}”. ${config.description}`,
    // A name-based UUID (as for articles) of the site's id and the tag's key: permanent and host-independent.
    id: await articleId(`${config.id} ${PATHS.tag(tag.key)}`),
    home: links.tag(tag.key),
    prefix: PATHS.tag(tag.key),
  }
}
