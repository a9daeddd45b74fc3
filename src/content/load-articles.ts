import type { Article } from '../model.ts'
import { ContentError, ContentErrors } from './content-error.ts'
import { decodeText } from './decode-text.ts'
import { type ImageFile, isImageName, readImage } from './images.ts'
import type { ImageProblem } from './markdown.ts'
import { parseArticle } from './parse-article.ts'
import { type MetadataText, tagClashes } from './tag-clashes.ts'

/**
 * Largest article file accepted. Feeds carry the whole text of their newest items, readers time out
 * or truncate multi-megabyte documents, and the Worker bundle is limited (3 MiB gzip on the Free plan).
 */
export const MAX_ARTICLE_BYTES = 1024 * 1024

/** Largest image accepted: feed readers download an article's images with it, often on a phone. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

/** What the build publishes: the articles, and the image files they use by published path (`media/….png`). */
export interface Content {
  articles: Article[]
  media: Map<string, Uint8Array>
}

/** A file found in `seeds/`: its name relative to that folder and its bytes. */
export interface SourceFile {
  name: string
  bytes: Uint8Array
}

/** Options of {@link loadArticles}. */
export interface LoadOptions {
  /** Prefix of file names in error messages. Default `seeds/`. */
  dir?: string
  /** Called after each article file is parsed, with the count so far and the total (long builds report progress). */
  progress?: (parsed: number, total: number) => void
}

/** The articles of `seeds/`, newest first (see {@link loadContent}). */
export async function loadArticles(files: readonly SourceFile[], options: LoadOptions = {}): Promise<Article[]> {
  return (await loadContent(files, options)).articles
}

/**
 * Turns the files of `seeds/` into articles, newest first, and the images they use.
 * `*.txt` and `*.md` files at the top are articles; `{stem}.meta` beside one holds its metadata;
 * PNG, JPEG, GIF, WebP and AVIF files anywhere (`images/`) are images an article may show (one
 * that cannot be used is a problem of the article that shows it); other files in subfolders and
 * names starting with `.` are ignored. Every problem in every file is collected, then thrown together.
 *
 * @returns articles sorted by `published` descending (ties by slug, so the order is stable)
 * @throws ContentErrors listing each problem with file, line and fix
 */
export async function loadContent(files: readonly SourceFile[], options: LoadOptions = {}): Promise<Content> {
  const dir = options.dir ?? 'seeds/'
  const errors: ContentError[] = []
  const texts = new Map<string, { file: string; text: string }>()
  const metas = new Map<string, { file: string; text: string }>()
  // An image's problem is reported only if an article uses it, at the line that does.
  const images = new Map<string, ImageFile | ImageProblem>()
  for (const { name, bytes } of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (name.startsWith('.') || name.includes('/.')) continue
    const file = dir + name
    if (isImageName(name)) {
      const image =
        bytes.byteLength > MAX_IMAGE_BYTES
          ? { problem: `the image is larger than ${MAX_IMAGE_BYTES / 1048576} MiB`, fix: 'Resize or compress it.' }
          : await readImage(name, bytes)
      images.set(name, image)
      continue
    }
    // Subfolders hold images; anything else there (drafts, notes) is not the build's, as before images.
    if (name.includes('/')) continue
    const match = /^([^/]+)\.(txt|md|meta)$/.exec(name)
    if (!match) {
      errors.push(
        new ContentError(
          file,
          1,
          'unsupported file type',
          'Articles are `.txt` or `.md` files at the top of seeds/, their metadata `.meta` files of the same name, images PNG, JPEG, GIF, WebP or AVIF files. Move other files out of seeds/.',
        ),
      )
      continue
    }
    const [, stem = '', ext] = match
    if (ext !== 'meta' && texts.has(stem)) {
      errors.push(
        new ContentError(
          file,
          1,
          `${texts.get(stem)?.file} has the same name`,
          'Rename one of them: an article is one file.',
        ),
      )
      continue
    }
    if (bytes.byteLength > MAX_ARTICLE_BYTES) {
      errors.push(
        new ContentError(
          file,
          1,
          `the file is ${(bytes.byteLength / 1048576).toFixed(1)} MiB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MiB`,
          'Split it into several articles, or move bulky material out of the text.',
        ),
      )
      continue
    }
    try {
      ;(ext === 'meta' ? metas : texts).set(stem, { file, text: decodeText(file, bytes) })
    } catch (error) {
      errors.push(asContentError(error, file))
    }
  }
  for (const [stem, meta] of metas) {
    if (!texts.has(stem))
      errors.push(
        new ContentError(
          meta.file,
          1,
          `no article ${dir}${stem}.txt or .md for this metadata`,
          'Rename it to match its article, or remove it.',
        ),
      )
  }

  const articles: Article[] = []
  const media = new Map<string, Uint8Array>()
  const stems = new Map<string, string>()
  let done = 0
  for (const [stem, { file, text }] of texts) {
    stems.set(file, stem)
    const meta = metas.get(stem)
    try {
      const { article, images: used } = await parseArticle({
        file,
        stem,
        text,
        images: (path) => images.get(path),
        ...(meta && { meta }),
      })
      articles.push(article)
      for (const image of used) media.set(image.published, image.bytes)
    } catch (error) {
      if (error instanceof ContentErrors) errors.push(...error.errors)
      else errors.push(asContentError(error, file))
    }
    options.progress?.(++done, texts.size)
  }
  if (texts.size === 0 && errors.length === 0) {
    errors.push(
      new ContentError(
        dir,
        1,
        'there are no articles',
        'Add at least one `.txt` or `.md` article: a feed needs a newest date.',
      ),
    )
  }
  for (const key of ['slug', 'id'] as const) {
    const owners = new Map<string, Article>()
    for (const article of articles) {
      const first = owners.get(article[key])
      if (first)
        errors.push(
          new ContentError(
            article.source,
            1,
            `${key} "${article[key]}" is also used by ${first.source}`,
            `Give one of them its own \`${key}:\` in metadata.`,
          ),
        )
      else owners.set(article[key], article)
    }
  }
  errors.push(
    ...tagClashes(articles, (article) => {
      const stem = stems.get(article.source) as string
      return metas.get(stem) ?? (texts.get(stem) as MetadataText)
    }),
  )
  if (errors.length > 0) throw new ContentErrors(errors)
  articles.sort((a, b) =>
    a.published === b.published ? (a.slug < b.slug ? -1 : 1) : a.published < b.published ? 1 : -1,
  )
  return { articles, media }
}

function asContentError(error: unknown, file: string): ContentError {
  if (error instanceof ContentError) return error
  return new ContentError(file, 1, `could not be read (${String(error)})`, 'Check the file.')
}
