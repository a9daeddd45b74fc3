/** The physical limit: a Worker that returns prebuilt bytes from module scope, nothing else. */

/** One captured response: path, status, headers and body bytes. */
export interface Captured {
  path: string
  headers: [string, string][]
  body: Uint8Array
}

/**
 * Source of a Worker that answers each captured path with the identical bytes and headers,
 * decoded once at module scope.
 */
export function limitWorkerSource(responses: readonly Captured[]): string {
  const table = responses.map((r) => ({ path: r.path, headers: r.headers, body: Buffer.from(r.body).toString('base64') }))
  return `const table = new Map(${JSON.stringify(table)}.map((r) => [r.path, { headers: r.headers, body: Uint8Array.from(atob(r.body), (c) => c.charCodeAt(0)) }]));
export default {
  fetch(request) {
    const hit = table.get(new URL(request.url).pathname);
    return hit ? new Response(hit.body, { headers: hit.headers }) : new Response('not found', { status: 404 });
  },
};
`
}
