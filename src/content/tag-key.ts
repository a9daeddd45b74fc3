/** Longest tag key; longer ones are cut (two tags that then meet are refused like any other pair). */
export const MAX_TAG_KEY_LENGTH = 80

/** Symbols that carry meaning in tags (`C++`, `C#`, `R&D`): spelled out so they do not vanish. */
const SPELLED: Record<string, string> = { '+': ' plus ', '#': ' sharp ', '&': ' and ', '@': ' at ' }

/**
 * The key that names a tag in URLs (`/tags/{key}`): the tag in lowercase, compatibility-normalised
 * (NFKC), with letters, digits and combining marks of every script kept and any other run of
 * characters turned into one hyphen, so it holds no `/`, `?`, `#`, `%`, `.` or space and can never
 * be a dot segment. Stable: it depends on the tag text alone. Tags that differ only in case or
 * punctuation share a key; the build refuses such a pair with file and line.
 *
 * @returns the key, or `''` when the tag has no letter or digit (the build refuses it)
 * @example tagKey('Web Standards') // 'web-standards'
 * @example tagKey('C++') // 'c-plus-plus'
 * @example tagKey('東京') // '東京'
 */
export function tagKey(tag: string): string {
  const words = tag
    // Invisible characters (variation selectors, soft hyphens, zero-width joiners) would make two
    // tags that look the same into two URLs.
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .normalize('NFKC')
    .replace(/(?<=\S)[+#&@]|[+&@]/gu, (symbol) => SPELLED[symbol] ?? ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
  return [...words.join('-')].slice(0, MAX_TAG_KEY_LENGTH).join('').replace(/-+$/, '')
}

/** The path segment of a tag key: percent-encoded UTF-8 (letters of other scripts stay readable in browsers). */
export function tagSegment(key: string): string {
  return encodeURIComponent(key)
}
