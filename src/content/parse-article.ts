import type { Article } from '../model.ts'
import { bodyHtml, bodyText } from './article-body.ts'
import { articleId } from './article-id.ts'
import { ArticleImages, type ImageLookup } from './article-images.ts'
import { ContentError, ContentErrors, lineOf } from './content-error.ts'
import { displayDate, isPlainEnglish } from './display-date.ts'
import { markdownBody } from './markdown-body.ts'
import { METADATA_KEYS } from './metadata.ts'
import { parseMetadata } from './parse-metadata.ts'
import { slugify } from './slugify.ts'
import { textBody } from './text-body.ts'

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
  const errors: ContentError[] = []
  const fail = (at: string, line: number, problem: string, fix: string) => {
    errors.push(new ContentError(at, line, problem, fix))
  }
  let start = 0
  let metadata: ReturnType<typeof parseMetadata> = { meta: { authors: [], tags: [] }, errors: [], keys: new Set() }
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
    if (close === -1) {
      fail(file, 1, 'the front matter opened here is never closed', 'End it with a line holding only `---`.')
      throw new ContentErrors(errors)
    }
    metadata = parseMetadata({ file, firstLine: 2, lines: lines.slice(1, close) })
    start = close + 1
  }
  const metaFile = source.meta?.file ?? file
  if (source.meta) {
    if (start > 0) {
      fail(
        metaFile,
        1,
        `${file} has front matter too`,
        'Keep the metadata in one place: the front matter or this file.',
      )
    } else {
      metadata = parseMetadata({ file: metaFile, firstLine: 1, lines: source.meta.text.split('\n') })
    }
  }
  const { meta } = metadata
  errors.push(...metadata.errors)
  for (const key of METADATA_KEYS) {
    if (key.required && !metadata.keys.has(key.key)) {
      fail(
        metaFile,
        1,
        `the article has no \`${key.key}\``,
        `${key.fix} in front matter or in seeds/${source.stem}.meta.`,
      )
    }
  }

  const images = new ArticleImages(source.images ?? (() => undefined))
  const body = file.endsWith('.md')
    ? markdownBody(lines.slice(start), start + 1, meta.title, (src, written) => images.image(src, written))
    : textBody(lines.slice(start), start + 1, meta.title)
  const { title, titleLine, paragraphs } = body
  for (const p of body.problems) fail(file, p.line, p.problem, p.fix)
  let first = start
  while (first < lines.length && (lines[first] as string).trim() === '') first++
  if (first >= lines.length) {
    fail(file, Math.max(1, first), 'the article is empty', 'Put the title on the first line, then the text.')
  } else if (!/[\p{L}\p{N}]/u.test(title)) {
    // A Markdown start that cannot be a title (an image, a list) has said so already.
    if (!body.titleRefused)
      fail(file, titleLine, 'the first line has no title (no letter or digit)', 'Put the title on the first line.')
  } else if (paragraphs.length === 0) {
    fail(
      file,
      titleLine,
      `"${title}" has a title but no text`,
      'Add the article text after the title, separated by a blank line.',
    )
  }
  const imageSource = meta.image ?? body.firstImage
  const image = imageSource === undefined ? undefined : images.image(imageSource)
  if (image && 'problem' in image && meta.image !== undefined) {
    const where = source.meta ?? source
    fail(where.file, lineOf(where.text, /^\s*image\s*:/i), image.problem, image.fix)
  }
  const published = meta.published ?? ''
  const updated = meta.updated ?? published
  if (meta.published !== undefined && updated < meta.published) {
    fail(metaFile, 1, `updated (${updated}) is before published (${meta.published})`, 'Fix one of the two dates.')
  }
  if (errors.length > 0) throw new ContentErrors(errors)

  const article: Article = {
    slug: meta.slug ?? (slugify(title) || slugify(source.stem) || 'article'),
    id: meta.id ?? (await articleId(source.stem)),
    title,
    summary: meta.summary ?? summarize(body.firstParagraph ?? (paragraphs[0] as string)),
    contentHtml: body.html ?? bodyHtml(paragraphs),
    contentText: bodyText(paragraphs),
    paragraphs,
    published,
    updated,
    authors: meta.authors,
    tags: meta.tags,
    source: file,
  }
  if (body.html !== undefined) article.html = body.html
  if (image && !('problem' in image)) article.image = image
  if (meta.language !== undefined) {
    article.language = meta.language
    if (!isPlainEnglish(meta.language))
      article.dateLabels = {
        published: displayDate(article.published, meta.language),
        updated: displayDate(updated, meta.language),
      }
  }
  return { article, images: images.used }
}

/** The paragraph itself when short, otherwise cut at the last word boundary with an ellipsis. */
function summarize(paragraph: string): string {
  if (paragraph.length <= SUMMARY_LENGTH) return paragraph
  const cut = paragraph.slice(0, SUMMARY_LENGTH - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}
