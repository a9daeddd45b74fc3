import type { LinedProblem } from './content-error.ts'

/** An article's title and body as read from its text, before metadata and dates. */
export interface ArticleBody {
  title: string
  /** Line of the title in the file (where title problems point). */
  titleLine: number
  /** Plain text of each block: the text form and, for `.txt`, the HTML's source. */
  paragraphs: string[]
  /** Plain text the summary is cut from when `summary:` is not set. */
  firstParagraph?: string | undefined
  /** Rendered HTML of a Markdown body. */
  html?: string
  /** The first image's `src`, for an article image when `image:` names none. */
  firstImage?: string | undefined
  /** Whether the start of the text cannot be a title (a problem saying so is in `problems`). */
  titleRefused?: boolean
  /** Images or lines that cannot be used, with their line. */
  problems: LinedProblem[]
}

/**
 * The body of a `.txt` article: the title on the first line (unless `title` is set), then
 * paragraphs separated by blank lines, the lines of each joined with a space. A first paragraph
 * that repeats the title is dropped, so the title appears once.
 *
 * @param lines - the file's lines after the front matter
 * @param firstLine - line number of `lines[0]` in the file
 */
export function textBody(lines: readonly string[], firstLine: number, title?: string): ArticleBody {
  let start = 0
  while (start < lines.length && (lines[start] as string).trim() === '') start++
  const heading = title ?? collapse(lines[start] ?? '')
  const paragraphs = toParagraphs(lines.slice(title === undefined ? start + 1 : start))
  if (paragraphs[0] !== undefined && sameText(paragraphs[0], heading)) paragraphs.shift()
  return { title: heading, titleLine: firstLine + start, paragraphs, firstParagraph: paragraphs[0], problems: [] }
}

/** Splits lines into paragraphs at blank lines, joining the lines of each with one space. */
function toParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = []
  let current: string[] = []
  for (const line of [...lines, '']) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join(' '))
      current = []
    } else {
      current.push(line.trim())
    }
  }
  return paragraphs
}

/** Trims and collapses runs of white space to one space. */
export function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

function sameText(a: string, b: string): boolean {
  return collapse(a).toLowerCase() === collapse(b).toLowerCase()
}
