/**
 * Whether a request is a person opening a URL in a browser tab: `Sec-Fetch-Dest: document` (Fetch
 * Metadata). Only browsers send Sec-Fetch-* headers, and they cannot be set by page scripts, so a
 * feed reader or a `fetch()` from a web app is never taken for a navigation. Responses that differ
 * by it carry `Vary: Sec-Fetch-Dest`.
 * @see https://www.w3.org/TR/fetch-metadata/
 */
export function isBrowserNavigation(headers: Headers): boolean {
  return headers.get('Sec-Fetch-Dest') === 'document'
}
