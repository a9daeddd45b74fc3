/**
 * The fixed headers of each kind of response, written once here and copied into each prepared
 * header record (see `prepared-response.ts`): nothing is added per request. Each consumer gets what
 * it uses: browser-only headers go on HTML and on the XML a browser may render with its XSLT, not
 * on JSON for services nor on 304s.
 */

/**
 * Nothing inline, nothing from elsewhere but images: the one script and stylesheet are files of
 * this site, so article text could not run script even if it ever escaped its escaping. Images may
 * come from any https origin, as a Markdown article's `![…](https://…)` does.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * The policy of RSS and Atom documents, which a browser without `Sec-Fetch-*` may render through
 * `/feed.xsl`: that page loads the site's stylesheet and script and a `data:` icon, nothing else,
 * and has no form, base or fetch to restrict (`default-src` covers the rest). Shorter than the
 * pages' policy because it is sent with every feed poll.
 */
export const FEED_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src data:; frame-ancestors 'none'"

/** Feeds are public: any origin may read them and their validators (Fetch standard, CORS protocol). */
export const CORS_HEADERS: Record<string, string> = { 'Access-Control-Allow-Origin': '*' }

/**
 * What a cross-origin script may read of a 200 besides the CORS-safelisted headers (Fetch standard:
 * `Last-Modified` and `Cache-Control` are among those already): the `ETag` and the `Link`.
 */
export const CORS_EXPOSE: Record<string, string> = { 'Access-Control-Expose-Headers': 'ETag, Link' }

/** The same on `/feed`, which also names the chosen format's own URL. */
export const CORS_EXPOSE_NEGOTIATED: Record<string, string> = {
  'Access-Control-Expose-Headers': 'ETag, Link, Content-Location',
}

/** Every 200 and error: no content sniffing, so a feed is never run as a script or page it is not. */
export const NOSNIFF: Record<string, string> = { 'X-Content-Type-Options': 'nosniff' }

/**
 * Documents a browser shows (HTML, and RSS/Atom a browser renders through `/feed.xsl`): the CSP,
 * no referrer to other sites, HTTPS only, a browsing context of its own, readable cross-origin
 * (`Cross-Origin-Resource-Policy`, the feeds being public). `X-Frame-Options` is covered by
 * `frame-ancestors`; `X-XSS-Protection`, `X-Download-Options` and the like serve browsers that no
 * longer exist and are not sent.
 */
export const BROWSER_HEADERS: Record<string, string> = {
  ...NOSNIFF,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'cross-origin',
}

/** The methods that read a resource: every route answers them. */
export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD'])

/** Methods every route answers; `OPTIONS` is the CORS preflight. */
const METHODS = [...READ_METHODS, 'OPTIONS']

/** `Allow` of a 405 (RFC 9110 §10.2.1): the methods every route answers. */
export const ALLOWED_METHODS = METHODS.join(', ')

/** The answer to a CORS preflight: any origin may poll the feeds with validators. */
export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': METHODS.join(','),
  'Access-Control-Allow-Headers': 'If-None-Match,If-Modified-Since,Accept',
  'Access-Control-Max-Age': '86400',
  Vary: 'Access-Control-Request-Headers',
}
