import type { Article } from '../model/article.ts'
import { ContentError, ContentErrors } from './content-error.ts'
import { parseArticle } from './parse-article.ts'
import { asContentError, type SeedText, type SourceFile, sortSeedFiles } from './seed-files.ts'
import { tagClashes } from './tag-clashes.ts'

/** What the build publishes: the articles, and the image files they use by published path (`media/….png`). */
export interface Content {
  articles: Article[]
  media: Map<string, Uint8Array>
  /** The articles of each image of {@link media}, by published path: `packCorpus` hides an image until its first article appears. */
  usedBy: Map<string, Article[]>
  /** The drafts (`draft: true`), newest first: checked, and left out of `articles` unless {@link LoadOptions.drafts}. */
  drafts: Article[]
}

/** Options of {@link loadContent}. */
export interface LoadOptions {
  /** Prefix of file names in error messages. Default `seeds/`. */
  dir?: string
  /** Called after each article file is parsed, with the count so far and the total (long builds report progress). */
  progress?: (parsed: number, total: number) => void
  /** Publish the drafts too (a preview under `npm start`, never a deploy). Default false: they are checked and left out. */
  drafts?: boolean
}

/**
 * Turns the files of `seeds/` into articles, newest first, and the images they use (see
 * `sortSeedFiles` for which files are what). Every problem in every file is collected, then
 * thrown together. Drafts are checked like the rest (a slug or tag clash with one is refused now,
 * not on the day it is published) and returned apart.
 *
 * @returns articles sorted by `published` descending (ties by slug, so the order is stable)
 * @throws ContentErrors listing each problem with file, line and fix
 */
export async function loadContent(files: readonly SourceFile[], options: LoadOptions = {}): Promise<Content> {
  const dir = options.dir ?? 'seeds/'
  const { texts, metas, images, errors } = await sortSeedFiles(files, dir)
  const articles: Article[] = []
  const drafts: Article[] = []
  const media = new Map<string, Uint8Array>()
  const usedBy = new Map<string, Article[]>()
  let done = 0
  for (const [stem, { file, text }] of texts) {
    const meta = metas.get(stem)
    try {
      const parsed = await parseArticle({ file, stem, text, images: (path) => images.get(path), ...(meta && { meta }) })
      // A draft is checked like any article (and its slug and id kept from others), but neither it nor its images are published.
      if (parsed.draft) drafts.push(parsed.article)
      if (!parsed.draft || options.drafts) {
        articles.push(parsed.article)
        for (const image of parsed.images) {
          media.set(image.published, image.bytes)
          usedBy.set(image.published, [...(usedBy.get(image.published) ?? []), parsed.article])
        }
      }
    } catch (error) {
      if (error instanceof ContentErrors) errors.push(...error.errors)
      else errors.push(asContentError(error, file))
    }
    options.progress?.(++done, texts.size)
  }
  if (texts.size === 0 && errors.length === 0)
    errors.push(
      new ContentError(
        dir,
        1,
        'there are no articles',
        'Add at least one `.txt` or `.md` article: a feed needs a newest date.',
      ),
    )
  const checked = options.drafts ? articles : [...articles, ...drafts]
  errors.push(...duplicates(checked))
  // Where each article's metadata was written, for the `tags:` line a clash points at.
  const stems = new Map([...texts].map(([stem, text]) => [text.file, stem]))
  errors.push(
    ...tagClashes(checked, (article) => {
      const stem = stems.get(article.source) as string
      return metas.get(stem) ?? (texts.get(stem) as SeedText)
    }),
  )
  if (errors.length > 0) throw new ContentErrors(errors)
  articles.sort(newestFirst)
  drafts.sort(newestFirst)
  return { articles, media, usedBy, drafts }
}

/** Feed order: `published` descending, ties by slug (so the order is stable). */
function newestFirst(a: Article, b: Article): number {
  return a.published === b.published ? (a.slug < b.slug ? -1 : 1) : a.published < b.published ? 1 : -1
}

/** Two articles with the same slug (one page) or the same id (one item to readers): each later one is refused. */
function duplicates(articles: readonly Article[]): ContentError[] {
  const errors: ContentError[] = []
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
  return errors
}
