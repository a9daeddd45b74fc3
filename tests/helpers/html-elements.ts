/** One element of a parsed HTML fragment: its tag name and attributes. */
export interface ParsedElement {
  tag: string
  attributes: Record<string, string>
}

/**
 * Every element of an HTML document or fragment, read with workerd's HTMLRewriter (lol-html), a
 * browser-grade parser independent of the code under test.
 */
export async function allElements(html: string): Promise<ParsedElement[]> {
  const found: ParsedElement[] = []
  await new HTMLRewriter()
    .on('*', {
      element(el) {
        found.push({ tag: el.tagName, attributes: Object.fromEntries(el.attributes) })
      },
    })
    .transform(new Response(html))
    .text()
  return found
}

/**
 * Elements Markdown may produce (CommonMark and the GFM extensions this site enables), each with the
 * attributes it may carry: anything else (a `style`, an `on…` handler, raw HTML) is a leak.
 */
export const MARKDOWN_MARKUP: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, ['id']])),
  ...Object.fromEntries(
    ['p', 'em', 'strong', 's', 'ul', 'li', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'hr', 'br'].map(
      (tag) => [tag, []],
    ),
  ),
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
  ol: ['start'],
  code: ['class'],
  th: ['class'],
  td: ['class'],
}

/** The values an attribute of {@link MARKDOWN_MARKUP} may take, where Markdown decides them. */
const VALUES: Readonly<Record<string, RegExp>> = {
  id: /^[^\s"'<>&]+$/,
  class: /^(language-\S+|align-(left|center|right))$/,
  width: /^\d+$/,
  height: /^\d+$/,
  loading: /^lazy$/,
  start: /^\d+$/,
}

/**
 * What in parsed Markdown output is not Markdown's own: an element or attribute outside
 * {@link MARKDOWN_MARKUP}, or a link or image URL that could run script.
 *
 * @returns one line per problem; none when the HTML is inert
 */
export function markupProblems(elements: readonly ParsedElement[]): string[] {
  const problems: string[] = []
  for (const { tag, attributes } of elements) {
    const allowed = MARKDOWN_MARKUP[tag]
    if (!allowed) problems.push(`<${tag}>`)
    for (const [name, value] of Object.entries(attributes)) {
      if (!allowed?.includes(name) || !(VALUES[name]?.test(value) ?? true)) problems.push(`<${tag} ${name}="${value}">`)
      if ((name === 'href' || name === 'src') && isLiveDangerousUrl(value)) problems.push(`<${tag} ${name}="${value}">`)
    }
  }
  return problems
}

/** Decodes the character references a browser decodes in an attribute value. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|Tab|NewLine);?/gi, (_, ref: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", tab: '\t', newline: '\n' }
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? ''
    return String.fromCodePoint(
      ref[1]?.toLowerCase() === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
    )
  })
}

/**
 * Whether a URL attribute could run script when followed or loaded, read the way a browser reads
 * it: references decoded, tabs and newlines removed, leading spaces and controls trimmed, scheme in
 * any case (WHATWG URL). Only `http:`, `https:`, `mailto:` and relative URLs pass.
 */
export function isLiveDangerousUrl(value: string): boolean {
  const url = decodeAttribute(value)
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+/, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  return scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)
}
