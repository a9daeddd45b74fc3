/** Month names of `Intl.DateTimeFormat('en', { dateStyle: 'long' })`. */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Languages whose long date is written here: `Intl`'s output for them is `August 6, 2019`. */
const ENGLISH = /^en(?:-us)?$/i

/** Whether {@link displayDate} writes `language` without `Intl`. */
export function isPlainEnglish(language: string): boolean {
  return ENGLISH.test(language)
}

/** One formatter per language: creating an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * A date as a person reads it in `language`, in UTC so every visitor sees the same day
 * (`August 6, 2019` in English). English is written here without `Intl`: the first
 * `Intl.DateTimeFormat` of an isolate loads ICU data, about 12 ms of CPU (measured in workerd),
 * more than the rest of a first request; other languages use `Intl`, which is why the build
 * writes the dates of articles in other languages in advance (`Article.dateLabels`).
 *
 * @param iso - RFC 3339 date-time
 * @param language - BCP 47 tag
 */
export function displayDate(iso: string, language: string): string {
  const date = new Date(iso)
  if (ENGLISH.test(language)) return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`
  let format = formatters.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' })
    formatters.set(language, format)
  }
  return format.format(date)
}
