/**
 * The limit: the fastest static answer a Worker can give with the product's exact bytes and headers.
 * Everything is decoded at module scope; a request costs one path slice (no `new URL()`), one `Map`
 * lookup and one `new Response` with a plain header record holding a precomputed `Content-Length`,
 * sent with `encodeBody: 'manual'` (no re-encoding). No framework, no conditional logic.
 */

/** One captured response: path, headers and body bytes. */
export interface Captured {
  path: string
  headers: [string, string][]
  body: Uint8Array
}

/** Source of a Worker that answers each captured path with the identical bytes and headers. */
export function limitWorkerSource(responses: readonly Captured[]): string {
  const table = responses.map((r) => ({
    path: r.path,
    headers: Object.fromEntries([
      ...r.headers.filter(([k]) => k.toLowerCase() !== 'content-length'),
      ['content-length', String(r.body.byteLength)],
    ]),
    body: Buffer.from(r.body).toString('base64'),
  }))
  return `const table = new Map(${JSON.stringify(table)}.map((r) => [r.path, { headers: r.headers, body: Uint8Array.from(atob(r.body), (c) => c.charCodeAt(0)) }]));
const notFound = { status: 404 };
export default {
  fetch(request) {
    const url = request.url;
    const hit = table.get(url.slice(url.indexOf('/', 8)));
    return hit ? new Response(hit.body, { headers: hit.headers, encodeBody: 'manual' }) : new Response(null, notFound);
  },
};
`
}
