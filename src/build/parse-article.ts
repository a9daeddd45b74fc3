import { articleId } from '../content/article-id.ts'
import { displayDate, isPlainEnglish } from '../content/display-date.ts'
import { bodyHtml, bodyText } from '../content/stored-article.ts'
import type { Article } from '../model/article.ts'
import { ArticleImages, type ImageLookup } from './article-images.ts'
import { ContentError, ContentErrors, lineOf } from './content-error.ts'
import { readArticleMetadata } from './front-matter.ts'
import { markdownBody } from './markdown-body.ts'
import { slugify } from './slugify.ts'
import { type ArticleBody, textBody } from './text-body.ts'

/** Longest summary taken from the first paragraph when none is given, in characters. */
export const SUMMARY_LENGTH = 280

/** The text of one article file, with its optional sidecar metadata. */
export interface ArticleSource {
  /** Path shown in errors, e.g. `seeds/000_x.txt`. */
  file: string
  /** File name without extension: the input of the default id. */
  stem: string
  text: string
  /** The sidecar `seeds/{stem}.meta`, when there is one. */
  meta?: { file: string; text: string }
  /** Finds the image files of `seeds/` the article names; none when absent. */
  images?: ImageLookup
}

/** An article and the image files of `seeds/` it uses (the build publishes them). */
export interface ParsedArticle {
  article: Article
  images: ArticleImages['used']
  /** `draft: true` in its metadata: checked like any article, left out of the deploy. */
  draft: boolean
}

/**
 * Turns an article file into an {@link Article}.
 *
 * The format (documented in README): optional front matter between `---` lines; then the title on
 * the first line; then the body: paragraphs separated by blank lines for `.txt` (see `textBody`),
 * Markdown for `.md` (see `markdownBody`).
 *
 * @param source - the decoded file (LF line endings) and its sidecar
 * @throws ContentErrors with every problem of the file, each naming file and line, with a fix
 */
export async function parseArticle(source: ArticleSource): Promise<ParsedArticle> {
  const { file } = source
  const lines = source.text.split('\n')
  let read: ReturnType<typeof readArticleMetadata>
  try {
    read = readArticleMetadata(file, lines, source.stem, source.meta)
  } catch (error) {
    throw error instanceof ContentError ? new ContentErrors([error]) : error
  }
  const { meta, start, metaFile, errors } = read
  const images = new ArticleImages(source.images ?? (() => undefined))
  const markdown = file.endsWith('.md')
  const body = markdown
    ? markdownBody(lines.slice(start), start + 1, meta.title, (src, written) => images.image(src, written))
    : textBody(lines.slice(start), start + 1, meta.title)
  for (const p of body.problems) errors.push(new ContentError(file, p.line, p.problem, p.fix))
  errors.push(...bodyProblems(file, lines, start, body))
  const imageSource = meta.image ?? body.firstImage
  const image = imageSource === undefined ? undefined : images.image(imageSource)
  if (image && 'problem' in image && meta.image !== undefined) {
    const where = source.meta ?? source
    errors.push(new ContentError(where.file, lineOf(where.text, /^\s*image\s*:/i), image.problem, image.fix))
  }
  const published = meta.published ?? ''
  const updated = meta.updated ?? published
  if (meta.published !== undefined && updated < meta.published) errors.push(dateProblem(metaFile, published, updated))
  if (errors.length > 0) throw new ContentErrors(errors)

  const { title, paragraphs } = body
  const article: Article = {
    slug: meta.slug ?? (slugify(title) || slugify(source.stem) || 'article'),
    id: meta.id ?? (await articleId(source.stem)),
    title,
    summary: meta.summary ?? summarize(body.firstParagraph ?? (paragraphs[0] as string)),
    format: markdown ? 'markdown' : 'text',
    contentHtml: body.html ?? bodyHtml(paragraphs),
    contentText: bodyText(paragraphs),
    paragraphs,
    published,
    updated,
    authors: meta.authors,
    tags: meta.tags,
    source: file,
  }
  if (image && !('problem' in image)) article.image = image
  if (meta.language !== undefined) setLanguage(article, meta.language)
  return { article, images: images.used, draft: meta.draft === true }
}

/** Sets an article's own language, and its dates as a reader of that language writes them (see `Article.dateLabels`). */
function setLanguage(article: Article, language: string): void {
  article.language = language
  if (!isPlainEnglish(language))
    article.dateLabels = {
      published: displayDate(article.published, language),
      updated: displayDate(article.updated, language),
    }
}

/** `updated` before `published`: the reader would see an article changed before it appeared. */
function dateProblem(file: string, published: string, updated: string): ContentError {
  return new ContentError(
    file,
    1,
    `updated (${updated}) is before published (${published})`,
    'Fix one of the two dates.',
  )
}

/** What is wrong with a body as a whole: empty, a title with no letter or digit, or a title with no text. */
function bodyProblems(file: string, lines: readonly string[], start: number, body: ArticleBody): ContentError[] {
  let first = start
  while (first < lines.length && (lines[first] as string).trim() === '') first++
  if (first >= lines.length)
    return [
      new ContentError(
        file,
        Math.max(1, first),
        'the article is empty',
        'Put the title on the first line, then the text.',
      ),
    ]
  if (!/[\p{L}\p{N}]/u.test(body.title))
    // A Markdown start that cannot be a title (an image, a list) has said so already.
    return body.titleRefused
      ? []
      : [
          new ContentError(
            file,
            body.titleLine,
            'the first line has no title (no letter or digit)',
            'Put the title on the first line.',
          ),
        ]
  if (body.paragraphs.length === 0)
    return [
      new ContentError(
        file,
        body.titleLine,
        `"${body.title}" has a title but no text`,
        'Add the article text after the title, separated by a blank line.',
      ),
    ]
  return []
}

/** The paragraph itself when short, otherwise cut at the last word boundary with an ellipsis. */
function summarize(paragraph: string): string {
  if (paragraph.length <= SUMMARY_LENGTH) return paragraph
  const cut = paragraph.slice(0, SUMMARY_LENGTH - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}
