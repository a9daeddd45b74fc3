/** RFC 3339 date-time, or a plain date meaning midnight UTC. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i

/**
 * Parses an RFC 3339 date-time (or a bare date, read as midnight UTC) into a normalised UTC
 * string; rejects impossible dates such as February 30th.
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 *
 * @returns `toISOString()` form, or `undefined` when `value` is not a real date
 */
export function parseDate(value: string): string | undefined {
  const m = DATE.exec(value)
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m
  if (Number(mo) < 1 || Number(mo) > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined
  const daysInMonth = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate()
  if (Number(d) < 1 || Number(d) > daysInMonth) return undefined
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${zone.toUpperCase()}`)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}
