import { BoundedCache } from '../bounded-cache.ts'
import {
  ARTICLES_DIR,
  type ArticleList,
  bucketOf,
  bucketPath,
  type Chunk,
  chunkLength,
  chunkPath,
  LAYOUT_VERSION,
  MANIFEST_PATH,
  type Manifest,
  type SlugBucket,
  sitemapPath,
  storedArticles,
  type TagBucket,
  tagBucketPath,
  tagDir,
  tagListPath,
} from '../content/layout.ts'
import { RefusedContent } from '../content/refused-content.ts'
import type { SiteDefaults } from '../content/site-defaults.ts'
import { fromStored } from '../content/stored-article.ts'
import { Unavailable } from '../faults/unavailable.ts'
import type { SiteArticle } from '../model/article.ts'
import type { TagEntry } from '../model/site.ts'
import { TAG_LIST_PAGE_SIZE } from '../paging.ts'
import { checkedBucket, checkedChunk, existing, parsed } from './checked-reads.ts'
import type { ContentFiles } from './files.ts'

/** Options of {@link Corpus}. */
export interface CorpusOptions {
  /** Parsed chunk files kept per isolate (each up to `chunkSize` articles). Default 16. */
  chunks?: number
  /** Parsed slug buckets kept per isolate. Default 64. */
  buckets?: number
}

/** An article and where it stands in feed order (0 = newest). */
export interface Located {
  article: SiteArticle
  position: number
}

/**
 * The articles as the Worker sees them: a manifest read once, then only the chunk and bucket files
 * a request needs, parsed on demand and kept in bounded caches. Nothing here grows with the corpus
 * but those caches' bounds.
 *
 * Nothing read is trusted blindly: the manifest says which files exist and how many articles each
 * chunk holds, so a file that is missing, unparsable or short is a fault of the binding
 * (`Unavailable`), never "no such article" or a shorter list, and nothing faulty is kept.
 *
 * Each read takes the files of the request that asks, and nothing pending is shared between
 * requests: workerd runs the continuation of a promise in the context of the request that settled
 * it, and refuses I/O through one request's binding on behalf of another. Caches hold parsed files
 * only; two requests that miss the same file at the same moment each read it.
 */
export class Corpus {
  readonly manifest: Manifest
  readonly #chunks: BoundedCache<Chunk>
  readonly #buckets: BoundedCache<SlugBucket>
  readonly #tagBuckets: BoundedCache<TagBucket>
  /** The whole corpus as a list. */
  readonly all: ArticleList
  private constructor(manifest: Manifest, options: CorpusOptions) {
    this.manifest = manifest
    this.all = { count: manifest.count, stored: manifest.count, dir: ARTICLES_DIR }
    this.#chunks = new BoundedCache({ entries: options.chunks ?? 16 })
    this.#buckets = new BoundedCache({ entries: options.buckets ?? 64 })
    this.#tagBuckets = new BoundedCache({ entries: options.buckets ?? 64 })
  }

  /**
   * Reads the manifest and returns the corpus over `files`.
   * @throws Unavailable when the manifest cannot be read, is missing (the binding lies, or the content
   *   was not built: the message says to run the build) or is not JSON; Error when it has another layout;
   *   RefusedContent when the build (under `wrangler dev`) refused the files and left only their problems
   */
  static async open(files: ContentFiles, options: CorpusOptions = {}): Promise<Corpus> {
    const text = await files.read(MANIFEST_PATH)
    if (text === undefined)
      throw new Unavailable(
        'content',
        `No ${MANIFEST_PATH} in the content files: the binding answers 404, or the content was not built (run \`npm run build:content\`; npm start, npm test and wrangler deploy run it).`,
      )
    const manifest = parsed<Manifest>(text, MANIFEST_PATH)
    if (manifest.problems) throw new RefusedContent(manifest.problems)
    if (manifest.layout !== LAYOUT_VERSION)
      throw new Error(
        `The content files have layout ${manifest.layout}; this Worker reads layout ${LAYOUT_VERSION}. Rebuild the content.`,
      )
    return new Corpus(manifest, options)
  }

  get count(): number {
    return this.manifest.count
  }

  /** Positions `start` to `end` (exclusive) of the whole corpus (see {@link listRange}). */
  range(files: ContentFiles, start: number, end: number, site: SiteDefaults): Promise<SiteArticle[]> {
    return this.listRange(files, this.all, start, end, site)
  }

  /**
   * Positions `start` to `end` (exclusive), newest first, of `list`: the whole corpus ({@link all})
   * or a tag's articles ({@link tagList}), as `site` serves them (see `authorAndLanguage`). Chunks
   * are filed from the oldest: position `p` is article `count - 1 - p` from the oldest.
   */
  async listRange(
    files: ContentFiles,
    list: ArticleList,
    start: number,
    end: number,
    site: SiteDefaults,
  ): Promise<SiteArticle[]> {
    const { chunkSize } = this.manifest
    // From the oldest: [first, last) is the same run of articles, counted the other way.
    const first = Math.max(0, list.count - end)
    const last = Math.min(list.count, list.count - Math.max(0, start))
    if (last <= first) return []
    const chunks: Promise<Chunk>[] = []
    // A list (a feed, an index page) keeps its chunks; one article of the long tail does not evict them.
    const keep = last - first > 1
    const c0 = Math.floor(first / chunkSize)
    for (let c = c0; c * chunkSize < last; c++)
      chunks.push(this.#chunk(files, chunkPath(list.dir, c), chunkLength(list.stored, chunkSize, c), keep))
    // Only the articles asked for get their HTML and text forms; the rest of a chunk stays as stored.
    return (await Promise.all(chunks))
      .flat()
      .slice(first - c0 * chunkSize, last - c0 * chunkSize)
      .reverse()
      .map((stored) => fromStored(stored, site))
  }

  /**
   * The number from the oldest of the article whose page is `/articles/{slug}`, scheduled or not,
   * or `undefined`: the Worker asks its `Edition`, which finds only what has appeared.
   */
  async slugNumber(files: ContentFiles, slug: string): Promise<number | undefined> {
    const bucket = await this.#bucket(files, this.#buckets, bucketPath(bucketOf(slug, this.manifest.buckets)))
    return Object.hasOwn(bucket, slug) ? bucket[slug] : undefined
  }

  /** The tag whose page is `/tags/{key}`, or `undefined`. */
  async tag(files: ContentFiles, key: string): Promise<TagEntry | undefined> {
    const bucket = await this.#bucket(files, this.#tagBuckets, tagBucketPath(bucketOf(key, this.manifest.tags.buckets)))
    return Object.hasOwn(bucket, key) ? bucket[key] : undefined
  }

  /** The articles of `tag`, as a list for {@link listRange}. */
  tagList(tag: TagEntry): ArticleList {
    return { count: tag.count, stored: storedArticles(tag), dir: tagDir(tag.id) }
  }

  /** Tags `(p - 1) * TAG_LIST_PAGE_SIZE …` by key (`p` from 1), or `undefined` past the last. */
  async tagListPage(files: ContentFiles, p: number): Promise<TagEntry[] | undefined> {
    const path = tagListPath(p)
    if (p < 1 || (p - 1) * TAG_LIST_PAGE_SIZE >= this.manifest.tags.count) return undefined
    return parsed<TagEntry[]>(await existing(files, path), path)
  }

  /** The stored `<url>` elements of sitemap `n` (from 1), or `undefined`. */
  async sitemap(files: ContentFiles, n: number): Promise<string | undefined> {
    if (n < 1 || n > this.manifest.sitemaps.length) return undefined
    return existing(files, sitemapPath(n))
  }

  /** Chunk `path`, checked to hold the `length` articles the manifest counts there (kept only then, when `keep`). */
  async #chunk(files: ContentFiles, path: string, length: number, keep: boolean): Promise<Chunk> {
    const hit = this.#chunks.peek(path)
    if (hit) return hit
    const chunk = await checkedChunk(files, path, length)
    if (keep) this.#chunks.set(path, chunk)
    return chunk
  }

  /** A slug or tag bucket file, parsed and kept in `cache`. */
  async #bucket<T>(
    files: ContentFiles,
    cache: BoundedCache<Record<string, T>>,
    path: string,
  ): Promise<Record<string, T>> {
    const hit = cache.peek(path)
    if (hit) return hit
    const bucket = await checkedBucket<T>(files, path)
    cache.set(path, bucket)
    return bucket
  }
}
