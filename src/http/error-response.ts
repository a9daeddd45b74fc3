import type { Context } from 'hono'
import { accepts } from 'hono/accepts'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ErrorPage } from '../pages/error-page.tsx'
import { CONTENT_TYPES } from './content-types.ts'
import { BROWSER_HEADERS, CORS_HEADERS, NOSNIFF } from './response-headers.ts'

/** What an error body can be written as; the first answers clients that accept anything. */
const ERROR_TYPES = ['text/plain', 'text/html', 'application/json', 'application/feed+json', 'application/problem+json']

/** Options of {@link errorResponse}. */
export interface ErrorOptions {
  /** Extra headers, e.g. `Allow` on 405. */
  headers?: Record<string, string> | undefined
  /** The site's base path (`/blog`), so the page's stylesheet and home link work under it. */
  base?: string
}

/**
 * Answers an error in the form the client asked for: an HTML page for browsers, JSON for JSON
 * consumers (`application/json`, `application/feed+json`), plain text otherwise.
 *
 * @param c - the request context
 * @param status - an error status (4xx or 5xx)
 * @param message - one sentence a person can act on (or several lines, one problem each)
 */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  options: ErrorOptions = {},
): Response | Promise<Response> {
  const { headers = {}, base = '' } = options
  const type = accepts(c, { header: 'Accept', supports: ERROR_TYPES, default: 'text/plain' })
  for (const [name, value] of Object.entries({
    ...CORS_HEADERS,
    ...(type === 'text/html' ? BROWSER_HEADERS : NOSNIFF),
    ...headers,
  }))
    c.header(name, value)
  c.header('Cache-Control', 'no-store')
  if (type === 'text/html')
    return c.html(ErrorPage({ status, message, base }), status, { 'Content-Type': CONTENT_TYPES.html })
  if (type.includes('json'))
    return c.json({ error: { status, message } }, status, { 'Content-Type': CONTENT_TYPES.json })
  return c.text(`${status} ${message}\n`, status, { 'Content-Type': CONTENT_TYPES.text })
}
