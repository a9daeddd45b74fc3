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
 * The text of an Atom Text construct (RFC 4287 §3.1) as its type says to read it: `type="html"` is
 * decoded, `text` is not.
 */
export function shownAtom(element: { text: string; attributes: Record<string, string> }): string {
  return element.attributes.type === 'html' ? decodeHtml(element.text) : element.text
}

/**
 * Whether a plain-text element's source writes every reference as a hexadecimal one (`&#x26;`, the
 * RSS Best Practices Profile's form) and holds no `<`: no named or decimal reference a reader or the
 * W3C validator could take for an HTML entity of the author's. What real readers then show is
 * measured in tests/node/readers.test.ts.
 */
export function hexReferencesOnly(source: string): boolean {
  return !source.includes('<') && !/&(?!#x[0-9A-Fa-f]+;)/.test(source)
}
