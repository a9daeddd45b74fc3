import { CONTENT_TYPES } from './content-types.ts'
import { CORS_HEADERS, NOSNIFF } from './response-headers.ts'

/**
 * A permanent redirect (RFC 9110 §15.4.2) to the one URL of what was asked another way, with the
 * headers every response carries; caches may keep it a day.
 */
export function redirect(location: string): Response {
  const body = new TextEncoder().encode(`Moved to ${location}\n`)
  const headers = {
    Location: location,
    // Written out, so that a HEAD answered through the router (which drops the body) keeps it.
    'Content-Length': String(body.byteLength),
    'Cache-Control': 'public, max-age=86400',
    'Content-Type': CONTENT_TYPES.text,
    ...CORS_HEADERS,
    ...NOSNIFF,
  }
  return new Response(body, { status: 301, headers })
}
