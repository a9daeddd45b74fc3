import { fromStored } from '../content/article-body.ts'
import { BoundedCache } from '../bounded-cache.ts'
import type { Article } from '../model.ts'
import type { ContentFiles } from './files.ts'
import { bucketOf, bucketPath, chunkPath, LAYOUT_VERSION, MANIFEST_PATH, type Chunk, type Manifest, type SlugBucket } from './layout.ts'

/** Options of {@link Corpus}. */
export interface CorpusOptions {
  /** Parsed chunk files kept per isolate (each up to `chunkSize` articles). Default 64. */
  chunks?: number
  /** Parsed slug buckets kept per isolate. Default 256. */
  buckets?: number
}

/** An article and where it stands in feed order (0 = newest). */
export interface Located {
  article: Article
  position: number
}

/**
 * The articles as the Worker sees them: a manifest read once, then only the chunk and bucket files
 * a request needs, parsed on demand and kept in bounded caches. Nothing here grows with the corpus
 * but those caches' bounds.
 */
export class Corpus {
  readonly manifest: Manifest
  readonly #files: ContentFiles
  readonly #chunks: BoundedCache<Promise<Article[]>>
  readonly #buckets: BoundedCache<Promise<SlugBucket>>

  private constructor(files: ContentFiles, manifest: Manifest, options: CorpusOptions) {
    this.#files = files
    this.manifest = manifest
    this.#chunks = new BoundedCache({ entries: options.chunks ?? 64 })
    this.#buckets = new BoundedCache({ entries: options.buckets ?? 256 })
  }

  /**
   * Reads the manifest and returns the corpus over `files`.
   * @throws Error when there is no manifest (the content was not built) or it has another layout
   */
  static async open(files: ContentFiles, options: CorpusOptions = {}): Promise<Corpus> {
    const text = await files.read(MANIFEST_PATH)
    if (text === undefined) throw new Error(`No ${MANIFEST_PATH} in the content files: run \`npm run build:content\` (npm start, npm test and wrangler deploy run it).`)
    const manifest = JSON.parse(text) as Manifest
    if (manifest.layout !== LAYOUT_VERSION) throw new Error(`The content files have layout ${manifest.layout}; this Worker reads layout ${LAYOUT_VERSION}. Rebuild the content.`)
    return new Corpus(files, manifest, options)
  }

  get count(): number {
    return this.manifest.count
  }

  /** Articles at positions `start` (inclusive) to `end` (exclusive) in feed order, newest first. */
  async range(start: number, end: number): Promise<Article[]> {
    const { chunkSize } = this.manifest
    const from = Math.max(0, start)
    const to = Math.min(this.count, end)
    if (to <= from) return []
    const chunks: Promise<Article[]>[] = []
    for (let k = Math.floor(from / chunkSize); k * chunkSize < to; k++) chunks.push(this.#chunk(k))
    const first = Math.floor(from / chunkSize) * chunkSize
    return (await Promise.all(chunks)).flat().slice(from - first, to - first)
  }

  /** The `n` newest articles. */
  newest(n: number): Promise<Article[]> {
    return this.range(0, n)
  }

  /** The article whose page is `/articles/{slug}`, or `undefined`. */
  async bySlug(slug: string): Promise<Located | undefined> {
    const bucket = await this.#bucket(bucketOf(slug, this.manifest.buckets))
    const position = Object.hasOwn(bucket, slug) ? bucket[slug] : undefined
    if (position === undefined) return undefined
    const [article] = await this.range(position, position + 1)
    return article && { article, position }
  }

  #chunk(k: number): Promise<Article[]> {
    return this.#cached(this.#chunks, k, async () => {
      const text = await this.#files.read(chunkPath(k))
      if (text === undefined) throw new Error(`The content files lack ${chunkPath(k)}; rebuild the content.`)
      return (JSON.parse(text) as Chunk).map(fromStored)
    })
  }

  #bucket(b: number): Promise<SlugBucket> {
    return this.#cached(this.#buckets, b, async () => {
      const text = await this.#files.read(bucketPath(b))
      // A bucket no slug falls in is not written.
      return text === undefined ? {} : (JSON.parse(text) as SlugBucket)
    })
  }

  /** One read per key at a time; a failed read is forgotten so the next request tries again. */
  #cached<T>(cache: BoundedCache<Promise<T>>, key: number, load: () => Promise<T>): Promise<T> {
    return cache.get(String(key), () => {
      const pending = load()
      pending.catch(() => cache.delete(String(key)))
      return pending
    })
  }
}
