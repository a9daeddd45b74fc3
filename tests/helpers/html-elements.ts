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

/** Elements Markdown may produce (CommonMark and the GFM extensions this site enables). */
export const MARKDOWN_ELEMENTS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'strong',
  's',
  'del',
  'a',
  'img',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'br',
])

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
