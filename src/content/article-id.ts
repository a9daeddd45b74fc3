/** RFC 4122 §4.3 name-based UUIDs are derived from a namespace; this one is the project's own. */
const NAMESPACE = '8f1c2a4e-5b3d-4c6f-9a7e-2d1b0c9e8f70'

/**
 * A stable, host-independent id for an article: a version 5 (SHA-1, name-based) UUID URN of the
 * article's file name (RFC 4122 §4.3). It does not depend on the host, the title or the slug, so
 * readers never see an article twice when it is retitled or served from another domain.
 *
 * @param name - the file's stem, e.g. `000_b6997ea73d66a62f`
 * @returns e.g. `urn:uuid:3b1e…`
 */
export async function articleId(name: string): Promise<string> {
  const ns = NAMESPACE.replace(/-/g, '')
  const nsBytes = Uint8Array.from(ns.match(/../g) ?? [], (h) => parseInt(h, 16))
  const nameBytes = new TextEncoder().encode(name)
  const input = new Uint8Array(nsBytes.length + nameBytes.length)
  input.set(nsBytes)
  input.set(nameBytes, nsBytes.length)
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16)
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50 // version 5
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80 // RFC 4122 variant
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
