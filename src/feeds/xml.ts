/**
 * XML 1.0 §2.2 `Char`: what a document may contain at all. Everything else (C0 controls other than
 * tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) makes the whole document malformed, and strict readers
 * reject the feed, so it is removed; no escape exists for it (`&#1;` is just as illegal).
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

// A literal CR would reach readers as LF (XML 1.0 §2.11 end-of-line handling); `&#13;` keeps it.
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

/**
 * What could start a character {@link NOT_XML_CHAR} removes, as a plain (non-Unicode-mode) class:
 * any surrogate, paired or not. Nearly all text has none, and this test is far cheaper than the
 * Unicode-mode pattern, which V8 compiles on its first use in an isolate (about 1 ms, measured).
 */
const MAYBE_NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/

/** Removes the characters XML 1.0 cannot carry (see {@link NOT_XML_CHAR}). */
export function toXmlChars(text: string): string {
  return MAYBE_NOT_XML_CHAR.test(text) ? text.replace(NOT_XML_CHAR, '') : text
}

/**
 * Escapes text for element content. `>` is escaped too, so `]]>` can never appear; no CDATA is used,
 * so there is no CDATA section for article text to close early. `references` spells the four
 * escaped characters (`&`, `<`, `>`, CR): named entities by default.
 */
export function xmlText(text: string, references: Readonly<Record<string, string>> = TEXT_ESCAPES): string {
  return toXmlChars(text).replace(/[&<>\r]/g, (c) => references[c] as string)
}

/** Escapes text for a double-quoted attribute value; whitespace is kept as character references (XML 1.0 §3.3.3). */
export function xmlAttr(text: string): string {
  return toXmlChars(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] as string)
}

/** Attributes of {@link element}; `undefined` values are left out. */
export type Attributes = Record<string, string | undefined>

/**
 * Writes one element. `children` is markup already escaped (from other `element` calls or
 * {@link xmlText}); a string child is inserted as is.
 */
export function element(name: string, attributes: Attributes, ...children: string[]): string {
  let attrs = ''
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) attrs += ` ${key}="${xmlAttr(value)}"`
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`
}

/** An element holding only text: `<name>escaped text</name>`. */
export function textElement(name: string, text: string, attributes: Attributes = {}): string {
  return element(name, attributes, xmlText(text))
}

/** The XML declaration every feed starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'

/**
 * The `xml-stylesheet` processing instruction that lets a browser that applies XSLT show a
 * readable page; readers ignore it. `href` is a path from the origin's root (same-origin rule).
 * @see https://www.w3.org/TR/xml-stylesheet/
 */
export function stylesheetInstruction(href: string): string {
  return `<?xml-stylesheet type="text/xsl" href="${xmlAttr(href)}"?>\n`
}
