/** `Content-Type` values, charset spelled the one way every response uses. */
export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  /** A feed sent as generic XML, so browsers apply its XSLT (`?view=xslt`). */
  xml: 'application/xml; charset=utf-8',
  /** XSLT; Chromium, Firefox and Safari all accept this type for `xml-stylesheet`. */
  xsl: 'text/xsl; charset=utf-8',
  /** OPML has no registered type; this is what readers and other sites serve. */
  opml: 'text/x-opml; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  png: 'image/png',
  /** What browsers and readers expect for `/favicon.ico` (IANA's is `image/vnd.microsoft.icon`). */
  ico: 'image/x-icon',
} as const

/** `Content-Type` of a feed: its registered media type with the charset (all feeds are UTF-8). */
export function feedContentType(mediaType: string): string {
  return `${mediaType}; charset=utf-8`
}
