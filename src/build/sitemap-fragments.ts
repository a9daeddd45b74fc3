import { SITEMAP_UPDATED, SITEMAP_URLS, sitemapPath, sitemapTagUpdated } from '../content/layout.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { type SitemapUrl, sitemapUrls } from '../feeds/sitemap.ts'
import type { Article } from '../model/article.ts'
import type { TagEntry } from '../model/site.ts'
import { PATHS } from '../paths.ts'

/** A URL of the sitemap as the build writes it: its `lastmod` may be a placeholder, standing for `date`. */
interface PackedSitemapUrl extends SitemapUrl {
  /** The date (RFC 3339) a placeholder `lastmod` stands for at build time. Default: `lastmod`. */
  date?: string
}

/** What the sitemaps list: the site as it is visible at build time. */
export interface SitemapContent {
  /** The visible articles, newest first. */
  visible: readonly Article[]
  /** Every tag, in list order (those with no visible article are left out). */
  tags: readonly TagEntry[]
  /** Newest `updated` of the visible articles. */
  updated: string
}

/**
 * Writes the sitemap fragments of what is visible at build time: the home page, `/tags`, every tag
 * with a visible article and every visible article. The dates a reveal moves are placeholders the
 * Worker fills in (the home page's and `/tags`', and those of the tags scheduled articles join),
 * and the Worker appends each scheduled article's URLs when it appears (see `Edition`).
 *
 * @returns each file's newest date, and the tags whose `lastmod` a reveal moves with the file that lists each
 */
export function packSitemaps(
  files: Map<string, string>,
  { visible, tags, updated }: SitemapContent,
): { lastmods: string[]; sitemapTags: Record<string, { file: number; updated: string }> } {
  const visibleTags = tags.filter((t) => t.count > 0)
  const head: PackedSitemapUrl[] = [
    { path: PATHS.home, lastmod: SITEMAP_UPDATED, date: updated },
    ...(visibleTags.length > 0 ? [{ path: PATHS.tags, lastmod: SITEMAP_UPDATED, date: updated }] : []),
  ]
  const lastmods = writeFragments(files, [
    ...head,
    ...visibleTags.map((t) => ({
      path: PATHS.tag(t.key),
      lastmod: t.scheduled ? sitemapTagUpdated(t.key) : t.updated,
      date: t.updated,
    })),
    ...visible.map((a) => ({ path: PATHS.article(a.slug), lastmod: a.updated })),
  ])
  const sitemapTags: Record<string, { file: number; updated: string }> = {}
  visibleTags.forEach((t, i) => {
    if (t.scheduled) sitemapTags[t.key] = { file: Math.floor((head.length + i) / SITEMAP_URLS) + 1, updated: t.updated }
  })
  return { lastmods, sitemapTags }
}

/** Writes `urls` as sitemap fragments, {@link SITEMAP_URLS} URLs each (`sitemaps/{n}.xml`); returns each one's newest date. */
function writeFragments(files: Map<string, string>, urls: readonly PackedSitemapUrl[]): string[] {
  const lastmods: string[] = []
  for (let n = 1; (n - 1) * SITEMAP_URLS < urls.length; n++) {
    const part = urls.slice((n - 1) * SITEMAP_URLS, n * SITEMAP_URLS)
    files.set(sitemapPath(n), sitemapUrls(part))
    lastmods.push(newestUpdated(part.map((url) => ({ updated: url.date ?? url.lastmod }))))
  }
  return lastmods
}
