// Build-time only, like markdown.ts.
import { type ImageProblem, markdownLineText, type ResolvedImage, renderMarkdown } from './markdown.ts'
import { type ArticleBody, collapse } from './text-body.ts'

/**
 * The body of a `.md` article: the title is `title` when set, else a first `# heading` (ATX or
 * setext), else the first line, as for `.txt`; the rest is rendered as Markdown.
 *
 * @param lines - the file's lines after the front matter
 * @param firstLine - line number of `lines[0]` in the file
 * @param image - resolves an image `src` (see `articleImages`)
 */
export function markdownBody(
  lines: readonly string[],
  firstLine: number,
  title: string | undefined,
  image: (src: string) => ResolvedImage | ImageProblem,
): ArticleBody {
  let start = 0
  while (start < lines.length && (lines[start] as string).trim() === '') start++
  let heading = title
  let bodyStart = start
  if (heading === undefined) {
    const line = lines[start] ?? ''
    const atx = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)
    const setext = /^ {0,3}=+[ \t]*$/.test(lines[start + 1] ?? '')
    heading = markdownLineText(atx ? (atx[1] as string) : line)
    bodyStart = start + (setext && !atx ? 2 : 1)
  }
  const rendered = renderMarkdown(lines.slice(bodyStart).join('\n'), { firstLine: firstLine + bodyStart, image })
  return {
    title: collapse(heading),
    titleLine: firstLine + start,
    paragraphs: rendered.paragraphs,
    firstParagraph: rendered.firstParagraph,
    html: rendered.html,
    firstImage: rendered.firstImage,
    problems: rendered.problems,
  }
}
