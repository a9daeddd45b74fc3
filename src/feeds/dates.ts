/**
 * RFC 822 date as RSS 2.0 requires for `pubDate`/`lastBuildDate` (with a four-digit year, as the
 * W3C validator recommends): `Tue, 06 Aug 2019 08:00:00 GMT`.
 * @see https://www.rssboard.org/rss-specification#ltpubdategtSubelementOfLtitemgt
 */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString()
}

/**
 * RFC 3339 date-time in UTC, as Atom (RFC 4287 §3.3) and JSON Feed 1.1 require:
 * `2019-08-06T08:00:00.000Z`. The model already stores this form; this only normalises.
 */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString()
}
