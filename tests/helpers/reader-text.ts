// Independent oracles of what a feed can carry and what a reader shows, written from the specs and
// from feedparser's documented behaviour, not from the serializers' code.

/** XML 1.0 §2.2 `Char`, code point by code point: what a document can carry at all. */
export function xmlChars(text: string): string {
  let out = ''
  for (const char of text) {
    const c = char.codePointAt(0) as number
    const allowed =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000
    if (allowed) out += char
  }
  return out
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decodes the HTML character references an escaped text can hold (named basics, decimal, hex). */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole
    return String.fromCodePoint(
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
    )
  })
}

/**
 * What feedparser (and the readers built on it) shows for an RSS `<title>`: it takes the text for
 * HTML when it holds a closing tag or a character reference, and then decodes it.
 */
export function shownByFeedparser(text: string): string {
  return /<\/\w+>|&#?\w+;/.test(text) ? decodeHtml(text) : text
}

/** What an Atom reader shows for a Text construct (RFC 4287 §3.1): `type="html"` is decoded, `text` is not. */
export function shownAtom(element: { text: string; attributes: Record<string, string> }): string {
  return element.attributes.type === 'html' ? decodeHtml(element.text) : element.text
}

/**
 * Whether the W3C Feed Validation Service would warn that this plain-text element "should not
 * contain HTML": a closing tag, or an entity reference, in its parsed text (`&#x` in the source
 * exempts the second, as the validator does).
 */
export function validatorSeesHtml(text: string, source: string): boolean {
  if (/<\/[a-z]/i.test(text)) return true
  return /&#?\w+;|&(amp|lt|gt|quot|apos|nbsp|copy)\b/i.test(text) && !source.includes('&#x')
}
