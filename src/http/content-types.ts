/** `Content-Type` values, charset spelled the one way every response uses. */
export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const

/** `Content-Type` of a feed: its registered media type with the charset (all feeds are UTF-8). */
export function feedContentType(mediaType: string): string {
  return `${mediaType}; charset=utf-8`
}
