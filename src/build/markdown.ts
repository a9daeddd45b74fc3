// Build-time only (the Worker never imports it): Markdown is rendered once, when the content is
// built, so neither the parser nor its work reaches the Worker's bundle or a request's CPU.
import MarkdownIt, { type Token } from 'markdown-it'
import { tagKey } from '../content/tag-key.ts'
import type { ArticleImage } from '../model/article.ts'
import type { LinedProblem, Problem } from './content-error.ts'

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Line of the file where the Markdown text starts (after the front matter and the title). */
  firstLine: number
  /**
   * Resolves an image's `src` (as markdown-it normalized it, percent-encoded): a local file
   * (published with a hashed URL) or an https URL. `written` is the same as the author wrote it.
   */
  image(src: string, written: string): ArticleImage | Problem
}

/** A Markdown body rendered for the pages and feeds. */
export interface RenderedMarkdown {
  /** Safe HTML: no raw HTML, no script URL, links and images relative to the article page. */
  html: string
  /** Plain text of each block, code as written: the text form, and the summary's source. */
  paragraphs: string[]
  /** Plain text of the first paragraph (the summary's default), if there is one. */
  firstParagraph?: string
  /** The first image's `src` as written: the article's image when `image:` names none. */
  firstImage?: string
  /** Images that cannot be used, with their line in the file. */
  problems: LinedProblem[]
}

/**
 * Whether a link or image URL may become live: `http:`, `https:`, `mailto:` or relative (no scheme),
 * and one a URL parser can resolve (the feeds make it absolute; `//` cannot be). markdown-it hands it
 * over decoded and percent-encoded, so `jav&#x09;ascript:` arrives as `jav%09ascript:`, which has a
 * scheme that is none of these: refused, as are `javascript:`, `vbscript:`, `data:` and `file:` in
 * any case.
 */
export function isSafeUrl(url: string): boolean {
  const scheme = /^([^/?#]*):/.exec(url)
  if (scheme && !/^(https?|mailto)$/i.test(scheme[1] as string)) return false
  return URL.canParse(url, 'https://example.invalid/articles/a')
}

/**
 * CommonMark with GFM tables, strikethrough and autolinks (linkify). Raw HTML is escaped, never
 * passed through (`html: false`); link and image URLs must pass {@link isSafeUrl}, else they stay text.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false })
md.validateLink = isSafeUrl

/** The plain text of inline tokens: text and code as written, images by their alternative text. */
function inlineText(tokens: readonly Token[] | null): string {
  let text = ''
  for (const token of tokens ?? []) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' '
    else if (token.type === 'image') text += inlineText(token.children)
  }
  return text
}

/** The plain text of one line of Markdown (a title): emphasis, links and code reduced to their text. */
export function markdownLineText(line: string): string {
  return inlineText(md.parseInline(line, {})[0]?.children ?? null)
    .trim()
    .replace(/\s+/g, ' ')
}

/** What an article's Markdown starts with, for its title (see {@link firstBlock}). */
export type FirstBlock =
  | { kind: 'heading'; text: string; lines: number; image: boolean }
  | { kind: 'paragraph'; image: boolean }
  | { kind: 'other' }

/**
 * The first block of a Markdown text, parsed with all that follows it (a line that opens a table
 * or a setext heading is only known to from the next line): a heading with its plain text and the
 * lines it spans, a paragraph, or something else (a list, a quote, code, a table). `image` says
 * whether the heading, or the paragraph's first line, holds an image.
 */
export function firstBlock(text: string): FirstBlock {
  const [open, inline] = md.parse(text, {})
  const hasImage = (tokens: readonly Token[] | null | undefined) => tokens?.some((t) => t.type === 'image') ?? false
  if (open?.type === 'heading_open')
    return {
      kind: 'heading',
      text: inlineText(inline?.children ?? null),
      lines: open.map?.[1] ?? 1,
      image: hasImage(inline?.children),
    }
  if (open?.type === 'paragraph_open') {
    const firstLine = text.split('\n', 1)[0] as string
    return { kind: 'paragraph', image: hasImage(md.parseInline(firstLine, {})[0]?.children) }
  }
  return { kind: 'other' }
}

/**
 * Renders an article's Markdown body: headings get stable ids (their text as a tag key, `-2`,
 * `-3`… when repeated), images the URL and size `options.image` gives, and every block a plain-text
 * form.
 */
export function renderMarkdown(text: string, options: MarkdownOptions): RenderedMarkdown {
  const tokens = md.parse(text, {})
  const lines = text.split('\n')
  const result: RenderedMarkdown = { html: '', paragraphs: [], problems: [] }
  const ids = new Set<string>()
  let block: Token | undefined
  // A table row is one line of text, its cells joined with ` | `.
  let row: string[] | undefined
  for (const [i, token] of tokens.entries()) {
    if (token.map) block = token
    if (token.type === 'tr_open') row = []
    if (token.type === 'tr_close' && row) {
      result.paragraphs.push(row.join(' | '))
      row = undefined
    }
    if (token.type === 'heading_open') {
      const base = tagKey(inlineText(tokens[i + 1]?.children ?? null)) || 'section'
      let id = base
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
      ids.add(id)
      token.attrSet('id', id)
    }
    // Column alignment as a class: the pages' CSP forbids style attributes.
    if (token.type === 'th_open' || token.type === 'td_open') {
      const align = /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1]
      token.attrs = align ? [['class', `align-${align}`]] : null
    }
    if (token.type === 'inline') {
      const plain = inlineText(token.children)
      if (row) row.push(plain)
      else if (plain.trim() !== '') result.paragraphs.push(plain)
      if (tokens[i - 1]?.type === 'paragraph_open' && result.firstParagraph === undefined && plain.trim() !== '')
        result.firstParagraph = plain
      for (const child of token.children ?? [])
        if (child.type === 'image') resolveImage(child, block, lines, options, result)
    }
    if (token.type === 'fence' || token.type === 'code_block') result.paragraphs.push(token.content.replace(/\n$/, ''))
  }
  result.html = md.renderer.render(tokens, md.options, {})
  return result
}

/** Puts the resolved URL and size on an image token, or records why it cannot be used. */
function resolveImage(
  image: Token,
  block: Token | undefined,
  lines: readonly string[],
  options: MarkdownOptions,
  result: RenderedMarkdown,
): void {
  const src = String(image.attrGet('src') ?? '')
  const written = md.normalizeLinkText(src)
  result.firstImage ??= src
  const resolved = options.image(src, written)
  if ('problem' in resolved) {
    const [start = 0, end = start + 1] = block?.map ?? []
    const offset = lines.slice(start, end).findIndex((l) => l.includes(written))
    result.problems.push({ ...resolved, line: options.firstLine + start + Math.max(0, offset) })
    return
  }
  image.attrSet('src', resolved.url)
  if (resolved.width && resolved.height) {
    // The page reserves the image's box before it loads, so the text does not jump.
    image.attrSet('width', String(resolved.width))
    image.attrSet('height', String(resolved.height))
  }
  image.attrSet('loading', 'lazy')
}
