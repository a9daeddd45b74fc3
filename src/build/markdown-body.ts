// Build-time only, like markdown.ts.
import type { ArticleImage } from '../model/article.ts'
import type { Problem } from './content-error.ts'
import { firstBlock, markdownLineText, renderMarkdown } from './markdown.ts'
import { type ArticleBody, collapse } from './text-body.ts'

/**
 * The body of a `.md` article: the title is `title` when set, else a first heading (`# Title`, of
 * any level, or setext), else the first line of a first paragraph, as for `.txt`; the rest is
 * rendered as Markdown. A start that is none of these (a list, code, a table) or holds an image is
 * a problem: taken as a title, it would be lost from the body.
 *
 * @param lines - the file's lines after the front matter
 * @param firstLine - line number of `lines[0]` in the file
 * @param image - resolves an image `src` (see `ArticleImages`)
 */
export function markdownBody(
  lines: readonly string[],
  firstLine: number,
  title: string | undefined,
  image: (src: string, written: string) => ArticleImage | Problem,
): ArticleBody {
  let start = 0
  while (start < lines.length && (lines[start] as string).trim() === '') start++
  let heading = title
  let bodyStart = start
  let titleRefused = false
  if (heading === undefined) {
    const block = firstBlock(lines.slice(start).join('\n'))
    if (block.kind === 'heading' && !block.image) {
      heading = block.text
      bodyStart = start + block.lines
    } else if (block.kind === 'paragraph' && !block.image) {
      heading = markdownLineText(lines[start] as string)
      bodyStart = start + 1
    } else {
      heading = ''
      titleRefused = start < lines.length
    }
  }
  const rendered = renderMarkdown(lines.slice(bodyStart).join('\n'), { firstLine: firstLine + bodyStart, image })
  const problems: ArticleBody['problems'] = titleRefused
    ? [
        {
          line: firstLine + start,
          problem: 'the first line is not a title (a heading or a line of text, with no image)',
          fix: 'Start the article with `# Its title`, or set `title:` in front matter.',
        },
      ]
    : []
  return {
    title: collapse(heading),
    titleLine: firstLine + start,
    paragraphs: rendered.paragraphs,
    firstParagraph: rendered.firstParagraph,
    html: rendered.html,
    firstImage: rendered.firstImage,
    titleRefused,
    problems: [...problems, ...rendered.problems],
  }
}
