import { describe, expect, it } from 'vitest'
import { formatDate } from '../../src/pages/format-date.ts'

describe('formatDate', () => {
  it('writes English dates exactly as Intl does, without Intl', () => {
    // Every day of four years, leap day included, and the ends of the representable range.
    const days = Array.from({ length: 4 * 366 }, (_, i) => new Date(Date.UTC(2019, 0, 1) + i * 86_400_000).toISOString())
    for (const iso of [...days, '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2024-02-29T23:59:59.999Z']) {
      for (const language of ['en', 'en-US', 'EN']) {
        const expected = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))
        expect(formatDate(iso, language), `${iso} ${language}`).toBe(expected)
      }
    }
  })

  it('uses Intl for every other language', () => {
    expect(formatDate('2019-08-06T08:00:00.000Z', 'fr')).toBe('6 août 2019')
    expect(formatDate('2019-08-06T08:00:00.000Z', 'en-GB')).toBe('6 August 2019')
    expect(formatDate('2019-08-06T23:30:00.000Z', 'de')).toBe('6. August 2019')
  })
})
