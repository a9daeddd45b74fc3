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
import { toStored } from '../content/stored-article.ts'
import { tagKey } from '../content/tag-key.ts'
import { fnv1a } from '../fingerprint.ts'
import type { Article, StoredArticle } from '../model/article.ts'
import type { TagEntry } from '../model/site.ts'
import { TAG_LIST_PAGE_SIZE } from '../paging.ts'
import { PATHS } from '../paths.ts'
import { packSitemaps } from './sitemap-fragments.ts'

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
): Map<string, string | Uint8Array> {
  const files = new Map<string, string>()
  const oldestFirst = articles.map(toStored).reverse()
  writeChunks(files, ARTICLES_DIR, oldestFirst)

  const buckets = bucketCount(oldestFirst.length)
  const slugs: SlugBucket[] = Array.from({ length: buckets }, () => ({}))
  oldestFirst.forEach((article, n) => {
    ;(slugs[bucketOf(article.slug, buckets)] as SlugBucket)[article.slug] = n
  })
  slugs.forEach((bucket, b) => {
    if (Object.keys(bucket).length > 0) files.set(bucketPath(b), JSON.stringify(bucket))
  })

  const tags = packTags(files, oldestFirst)
  const updated = newestUpdated(articles)
  const sitemaps = packSitemaps(files, [
    { path: PATHS.home, lastmod: updated },
    ...(tags.length > 0 ? [{ path: PATHS.tags, lastmod: updated }] : []),
    ...tags.map((t) => ({ path: PATHS.tag(t.key), lastmod: t.updated })),
    ...articles.map((a) => ({ path: PATHS.article(a.slug), lastmod: a.updated })),
  ])

  let all = ''
  for (const [path, text] of files) all += `${path}\n${fnv1a(text)}\n`
  // An image's name is made from its bytes.
  for (const path of media.keys()) all += `${path}\n`
  const manifest: Manifest = {
    layout: LAYOUT_VERSION,
    count: articles.length,
    chunkSize: CHUNK_SIZE,
    buckets,
    updated,
    fingerprint: fnv1a(all),
    tags: { count: tags.length, buckets: bucketCount(tags.length) },
    sitemaps,
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

/** Writes each tag's chunks, the tag buckets and the tag list; returns the tags in list order. */
function packTags(files: Map<string, string>, oldestFirst: readonly StoredArticle[]): TagEntry[] {
  const byKey = new Map<string, { entry: TagEntry; articles: StoredArticle[] }>()
  for (const article of oldestFirst) {
    for (const tag of article.tags) {
      const key = tagKey(tag)
      let found = byKey.get(key)
      if (!found) {
        found = { entry: { tag, key, id: byKey.size, count: 0, updated: '' }, articles: [] }
        byKey.set(key, found)
      }
      found.articles.push(article)
      found.entry.count++
      if (article.updated > found.entry.updated) found.entry.updated = article.updated
    }
  }
  const buckets = bucketCount(byKey.size)
  const tagBuckets: TagBucket[] = Array.from({ length: buckets }, () => ({}))
  for (const { entry, articles } of byKey.values()) {
    writeChunks(files, tagDir(entry.id), articles)
    ;(tagBuckets[bucketOf(entry.key, buckets)] as TagBucket)[entry.key] = entry
  }
  tagBuckets.forEach((bucket, b) => {
    if (Object.keys(bucket).length > 0) files.set(tagBucketPath(b), JSON.stringify(bucket))
  })
  const collator = new Intl.Collator('en')
  const list = [...byKey.values()].map((t) => t.entry).sort((a, b) => collator.compare(a.key, b.key))
  for (let p = 1; (p - 1) * TAG_LIST_PAGE_SIZE < list.length; p++) {
    files.set(tagListPath(p), JSON.stringify(list.slice((p - 1) * TAG_LIST_PAGE_SIZE, p * TAG_LIST_PAGE_SIZE)))
  }
  return list
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
