import { escapeHtml } from '../content/escape-html.ts'
import { element, xmlText } from './xml.ts'

/**
 * Text a reader would misread as HTML: a tag (`</b>`, `<br`), or an entity reference (`&amp;`,
 * `&#169;`, `&nbsp`). feedparser, and the readers built on it, treat an RSS `<title>` as HTML when it
 * looks like this, and the W3C Feed Validation Service warns ("should not contain HTML").
 */
const LOOKS_LIKE_HTML = /<[a-z/!?]|&#?\w+;|&(?:amp|lt|gt|quot|apos|nbsp|copy|reg)\b/i

/** Whether `text` would be misread as HTML if sent as it is (see {@link LOOKS_LIKE_HTML}). */
export function looksLikeHtml(text: string): boolean {
  return LOOKS_LIKE_HTML.test(text)
}

const HEX_REFERENCES: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '\r': '&#13;' }

/**
 * An RSS 2.0 text element (`<title>`, the channel's `<description>`) that every reader shows as
 * the author wrote it. Plain text stays plain, its `&` and `<` written as hexadecimal references,
 * as the RSS Advisory Board's Best Practices Profile advises. Text that looks like HTML is sent as
 * escaped HTML instead, so readers that decode titles as HTML (feedparser and its kin) show the
 * literal `</b>` rather than swallowing it, and the validator sees no markup.
 * @see https://www.rssboard.org/rss-profile#data-types-characterdata
 */
export function rssTextElement(name: string, text: string): string {
  return element(name, {}, rssCharacterData(looksLikeHtml(text) ? escapeHtml(text) : text))
}

/**
 * RSS element content that is never read as HTML (`<category>`, names), with `&`, `<` and `>` as
 * hexadecimal references: the Best Practices Profile's form, which the validator expects.
 */
export function rssCharacterData(text: string): string {
  return xmlText(text, HEX_REFERENCES)
}

/**
 * An Atom Text construct (RFC 4287 §3.1): `type="text"` for plain text, `type="html"` with the text
 * escaped as HTML when it looks like HTML, so no reader mistakes it for markup.
 */
export function atomTextElement(name: string, text: string): string {
  return looksLikeHtml(text)
    ? element(name, { type: 'html' }, xmlText(escapeHtml(text)))
    : element(name, { type: 'text' }, xmlText(text))
}
