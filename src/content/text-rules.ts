/**
 * The rules every configured or authored value obeys, in one place: settings (`config.ts`) and
 * article metadata (`metadata.ts`) check the same things the same way.
 */

/**
 * Control characters: what XML 1.0 cannot carry at all (§2.2: C0 controls other than tab, LF and
 * CR; U+FFFE, U+FFFF) plus DEL, which it allows but discourages and no reader shows. A value
 * holding one is refused rather than silently changed.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/

/** BCP 47 shape: a 2–3 letter primary subtag, then 1–8 character subtags (`en`, `pt-BR`). */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/

/**
 * An absolute URI (RFC 3986 §4.3: scheme, colon, no spaces), as feed and entry ids must be
 * (RFC 4287 §4.2.6): `urn:uuid:…`, `tag:example.com,2024:post-1`, `https://…`.
 */
export function isAbsoluteUri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value)
}

/** `value` as a normalised absolute http(s) URL, or `undefined` when it is not one. */
export function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
  } catch {}
  return undefined
}

/** An email address as feeds carry it: no spaces or angle brackets, one `@` with text on each side. */
export function isEmail(value: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+$/.test(value)
}
