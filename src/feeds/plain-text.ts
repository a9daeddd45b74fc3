import { element, xmlText } from './xml.ts'

// Titles, descriptions and summaries are plain text and are sent as plain text, in RSS and in
// Atom alike, whatever they hold: measured with the readers themselves (docs/http.md, "What readers
// show"), that is what shows the author's text in the most of them. SimplePie (FreshRSS,
// WordPress), newsboat and sfeed show an RSS title as text, so escaping it as HTML puts `&lt;` on
// their screens; feedparser, Tiny Tiny RSS and Liferea read it as HTML, and only they gain by
// that (so text holding `</b>` or `&amp;` is lost there: no encoding serves both sides). In Atom,
// `type="html"` puts entities on sfeed's screen and loses text in Liferea, while `type="text"` is
// exact everywhere but in Tiny Tiny RSS, which strips anything tag-like. The W3C validator warns
// on a closing tag in such text; the readers come first.

const HEX_REFERENCES: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '\r': '&#xD;' }

/**
 * An RSS 2.0 text element (`<title>`, the channel's `<description>`): the text as it is, its `&`,
 * `<` and `>` written as hexadecimal references, as the RSS Advisory Board's Best Practices Profile
 * advises for character data.
 * @see https://www.rssboard.org/rss-profile#data-types-characterdata
 */
export function rssTextElement(name: string, text: string): string {
  return element(name, {}, characterData(text))
}

/**
 * Plain text as element content (titles, `<category>`, names) with `&`, `<` and `>` as hexadecimal
 * references: the RSS Best Practices Profile's form, which the W3C validator takes as plain text.
 */
export function characterData(text: string): string {
  return xmlText(text, HEX_REFERENCES)
}

/**
 * An Atom Text construct (RFC 4287 §3.1) of plain text: `type="text"`, so no reader decodes it,
 * with the same hexadecimal references.
 */
export function atomTextElement(name: string, text: string): string {
  return element(name, { type: 'text' }, characterData(text))
}
