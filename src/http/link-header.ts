/** One target of an HTTP `Link` header (RFC 8288). */
export interface LinkTarget {
  href: string
  rel: string
  type?: string
}

/** Serializes targets as one `Link` header value (RFC 8288 §3). */
export function linkHeader(targets: readonly LinkTarget[]): string {
  return targets.map((t) => `<${t.href}>; rel="${t.rel}"${t.type ? `; type="${t.type}"` : ''}`).join(', ')
}
