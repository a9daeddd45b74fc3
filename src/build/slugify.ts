/** Longest slug derived from a title; longer titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 80

/** What an explicit `slug:` must look like: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Derives a URL path segment from a title: lowercase ASCII letters and digits joined by hyphens,
 * accents folded (`Ça` → `ca`), at most {@link MAX_SLUG_LENGTH} characters.
 *
 * @returns the slug, or `''` when the title has no letter or digit in Latin script
 * @example slugify('UN secret report: $2 billion') // 'un-secret-report-2-billion'
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > MAX_SLUG_LENGTH) return slug || word.slice(0, MAX_SLUG_LENGTH)
    slug = next
  }
  return slug
}
