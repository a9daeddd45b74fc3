/**
 * `X-Hub-Signature` (W3C WebSub §7.1): `sha256=` and the lowercase hex HMAC-SHA256 of the exact
 * body bytes, keyed with the subscriber's `hub.secret`.
 */
export async function signature(secret: string, body: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body))
  return `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
