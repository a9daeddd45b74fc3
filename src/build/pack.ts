import {
  ARTICLES_DIR,
  bucketCount,
  bucketOf,
  bucketPath,
  CHUNK_SIZE,
  chunkPath,
  LAYOUT_VERSION,
  MANIFEST_PATH,
  type Manifest,
  type SlugBucket,
  type TagBucket,
  tagBucketPath,
  tagDir,
  tagListPath,
} from '../content/layout.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { isScheduled } from '../content/reveal-time.ts'
import { toStored } from '../content/stored-article.ts'
import { tagKey } from '../content/tag-key.ts'
import { fnv1a } from '../fingerprint.ts'
import type { Article, StoredArticle } from '../model/article.ts'
import type { TagEntry } from '../model/site.ts'
import { TAG_LIST_PAGE_SIZE } from '../paging.ts'
import { hiddenImages, scheduleOf } from './pack-schedule.ts'
import { packSitemaps } from './sitemap-fragments.ts'

/** Options of {@link packCorpus}. */
export interface PackOptions {
  /**
   * When the build runs (ms since the epoch): an article published after it is scheduled, filed
   * with the others and listed in the manifest's `schedule` for the Worker to reveal on time.
   * Default: nothing is scheduled (every article is visible), as in a preview.
   */
  now?: number
  /** The articles of each image (see `Content.usedBy`): an image only scheduled articles use is hidden until the first appears. */
  usedBy?: ReadonlyMap<string, readonly Article[]>
  /** A preview (drafts in, nothing scheduled): the manifest says so, and every page shows it. */
  preview?: boolean
}

/**
 * Lays articles out as the files the Worker reads (see `layout.ts`). Pure: the build writes the
 * result to disk; tests serve it from memory through the same reader.
 *
 * @param articles - every article, in feed order (newest first, as `loadContent` returns them)
 * @param media - the image files they use, by published path (`media/….png`, see `loadContent`)
 * @returns file path (relative, `/`-separated) → text, or bytes for images
 */
export function packCorpus(
  articles: readonly Article[],
  media: ReadonlyMap<string, Uint8Array> = new Map(),
  options: PackOptions = {},
): Map<string, string | Uint8Array> {
  const files = new Map<string, string>()
  const oldestFirst = articles.map(toStored).reverse()
  writeChunks(files, ARTICLES_DIR, oldestFirst)
  // Feed order is newest first, so the scheduled articles (published after the build) come first.
  const now = options.now
  const scheduledCount = now === undefined ? 0 : articles.filter((a) => isScheduled(a.published, now)).length
  const visible = articles.slice(scheduledCount)
  const visibleCount = visible.length

  const buckets = bucketCount(oldestFirst.length)
  const slugs: SlugBucket[] = Array.from({ length: buckets }, () => ({}))
  oldestFirst.forEach((article, n) => {
    ;(slugs[bucketOf(article.slug, buckets)] as SlugBucket)[article.slug] = n
  })
  // Every bucket is written, empty ones too: a missing bucket is then a fault of the binding, not "no such slug".
  slugs.forEach((bucket, b) => {
    files.set(bucketPath(b), JSON.stringify(bucket))
  })

  const { list: tags, newTags } = packTags(files, oldestFirst, visibleCount)
  const updated = newestUpdated(visible)
  const { lastmods: sitemaps, sitemapTags } = packSitemaps(files, { visible, tags, updated })
  const schedule = scheduleOf(oldestFirst.slice(visibleCount), (i) => newTags.get(visibleCount + i))
  const hiddenMedia = now === undefined ? {} : hiddenImages(media, options.usedBy, now)

  let all = `visible ${visibleCount}\n`
  for (const [path, text] of files) all += `${path}\n${fnv1a(text)}\n`
  // An image's name is made from its bytes; a hidden one's reveal time is in the fingerprint too.
  for (const path of media.keys()) all += `${path}\n`
  for (const [name, at] of Object.entries(hiddenMedia)) all += `hidden ${name} ${at}\n`
  const manifest: Manifest = {
    layout: LAYOUT_VERSION,
    count: articles.length,
    chunkSize: CHUNK_SIZE,
    buckets,
    updated,
    fingerprint: fnv1a(all),
    tags: { count: tags.length, buckets: bucketCount(tags.length) },
    sitemaps,
    ...(schedule.length > 0 && { schedule }),
    ...(Object.keys(sitemapTags).length > 0 && { sitemapTags }),
    ...(Object.keys(hiddenMedia).length > 0 && { hiddenMedia }),
    ...(options.preview && { preview: true as const }),
  }
  files.set(MANIFEST_PATH, JSON.stringify(manifest))
  return new Map<string, string | Uint8Array>([...files, ...media])
}

/** Writes `list` (oldest first) as chunk files in `dir`. */
function writeChunks(files: Map<string, string>, dir: string, list: readonly StoredArticle[]): void {
  for (let c = 0; c * CHUNK_SIZE < list.length; c++) {
    files.set(chunkPath(dir, c), JSON.stringify(list.slice(c * CHUNK_SIZE, (c + 1) * CHUNK_SIZE)))
  }
}

/**
 * Writes each tag's chunks, the tag buckets and the tag list. Articles from number `visible` on
 * (from the oldest) are scheduled: a tag counts only the others, and lists the scheduled ones'
 * dates apart. Returns the tags in list order, and the keys of the tags each scheduled article is
 * the first of, by its number.
 */
function packTags(
  files: Map<string, string>,
  oldestFirst: readonly StoredArticle[],
  visible: number,
): { list: TagEntry[]; newTags: Map<number, string[]> } {
  const byKey = new Map<string, { entry: TagEntry; articles: StoredArticle[] }>()
  const newTags = new Map<number, string[]>()
  oldestFirst.forEach((article, n) => {
    for (const tag of article.tags) {
      const key = tagKey(tag)
      let found = byKey.get(key)
      if (!found) {
        found = { entry: { tag, key, id: byKey.size, count: 0, updated: '' }, articles: [] }
        byKey.set(key, found)
        if (n >= visible) newTags.set(n, [...(newTags.get(n) ?? []), key])
      }
      found.articles.push(article)
      if (n >= visible) {
        found.entry.scheduled ??= []
        found.entry.scheduled.push([article.published, article.updated])
        continue
      }
      found.entry.count++
      if (article.updated > found.entry.updated) found.entry.updated = article.updated
    }
  })
  const buckets = bucketCount(byKey.size)
  const tagBuckets: TagBucket[] = Array.from({ length: buckets }, () => ({}))
  for (const { entry, articles } of byKey.values()) {
    writeChunks(files, tagDir(entry.id), articles)
    ;(tagBuckets[bucketOf(entry.key, buckets)] as TagBucket)[entry.key] = entry
  }
  tagBuckets.forEach((bucket, b) => {
    files.set(tagBucketPath(b), JSON.stringify(bucket))
  })
  const collator = new Intl.Collator('en')
  const list = [...byKey.values()].map((t) => t.entry).sort((a, b) => collator.compare(a.key, b.key))
  for (let p = 1; (p - 1) * TAG_LIST_PAGE_SIZE < list.length; p++) {
    files.set(tagListPath(p), JSON.stringify(list.slice((p - 1) * TAG_LIST_PAGE_SIZE, p * TAG_LIST_PAGE_SIZE)))
  }
  return { list, newTags }
}

/** The manifest of a refused build under `wrangler dev`: no articles, only what is wrong. */
export function problemManifest(problems: string[]): Manifest {
  return {
    layout: LAYOUT_VERSION,
    count: 0,
    chunkSize: CHUNK_SIZE,
    buckets: 1,
    updated: '',
    fingerprint: '',
    tags: { count: 0, buckets: 1 },
    sitemaps: [],
    problems,
  }
}
