// Build-time only, like markdown.ts.
import type { ArticleImage } from '../model.ts'
import { type ImageProblem, isTextLine, markdownLineText, renderMarkdown } from './markdown.ts'
import { type ArticleBody, collapse } from './text-body.ts'

/**
 * The body of a `.md` article: the title is `title` when set, else a first heading (`# Title`, of
 * any level, or setext), else the first line when it is a line of text, as for `.txt`; the rest is
 * rendered as Markdown. A first line that is none of these (an image, a list, code) is a problem:
 * taken as a title, it would be lost from the body.
 *
 * @param lines - the file's lines after the front matter
 * @param firstLine - line number of `lines[0]` in the file
 * @param image - resolves an image `src` (see `ArticleImages`)
 */
export function markdownBody(
  lines: readonly string[],
  firstLine: number,
  title: string | undefined,
  image: (src: string, written: string) => ArticleImage | ImageProblem,
): ArticleBody {
  let start = 0
  while (start < lines.length && (lines[start] as string).trim() === '') start++
  let heading = title
  let bodyStart = start
  const problems: ArticleBody['problems'] = []
  if (heading === undefined) {
    const line = lines[start] ?? ''
    const atx = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)
    const text = !atx && isTextLine(line)
    const setext = text && /^ {0,3}(=+|-+)[ \t]*$/.test(lines[start + 1] ?? '')
    heading = atx || text ? markdownLineText(atx ? (atx[1] as string) : line) : ''
    bodyStart = start + (setext ? 2 : 1)
    if (!atx && !text && line.trim() !== '')
      problems.push({
        line: firstLine + start,
        problem: 'the first line is not a title (a heading or a line of text)',
        fix: 'Start the article with `# Its title`, or set `title:` in front matter.',
      })
  }
  const rendered = renderMarkdown(lines.slice(bodyStart).join('\n'), { firstLine: firstLine + bodyStart, image })
  return {
    title: collapse(heading),
    titleLine: firstLine + start,
    paragraphs: rendered.paragraphs,
    firstParagraph: rendered.firstParagraph,
    html: rendered.html,
    firstImage: rendered.firstImage,
    problems: [...problems, ...rendered.problems],
  }
}
