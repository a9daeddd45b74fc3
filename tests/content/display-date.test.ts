import { describe, expect, it } from 'vitest'
import { displayDate } from '../../src/content/display-date.ts'

describe('displayDate', () => {
  it('writes English dates exactly as Intl does, without Intl', () => {
    // Every day of four years, leap day included, and the ends of the representable range.
    const days = Array.from({ length: 4 * 366 }, (_, i) =>
      new Date(Date.UTC(2019, 0, 1) + i * 86_400_000).toISOString(),
    )
    for (const iso of [...days, '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2024-02-29T23:59:59.999Z']) {
      for (const language of ['en', 'en-US', 'EN']) {
        const expected = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))
        expect(displayDate(iso, language), `${iso} ${language}`).toBe(expected)
      }
    }
  })

  it('uses Intl for every other language', () => {
    expect(displayDate('2019-08-06T08:00:00.000Z', 'fr')).toBe('6 août 2019')
    expect(displayDate('2019-08-06T08:00:00.000Z', 'en-GB')).toBe('6 August 2019')
    expect(displayDate('2019-08-06T23:30:00.000Z', 'de')).toBe('6. August 2019')
  })
})

describe('dates of articles in other languages', () => {
  it('are written at build time, so a page in that language needs no Intl in the Worker', async () => {
    const { articleText, files, loadArticles } = await import('../fixtures/articles.ts')
    const { appWith } = await import('../helpers/app.ts')
    const { findElements } = await import('../helpers/html.ts')
    const articles = await loadArticles(
      files({
        'fr.txt': articleText('Bonjour', 'Texte.', {
          published: '2019-08-06T08:00:00Z',
          updated: '2020-01-02T00:00:00Z',
          language: 'fr',
        }),
        'en.txt': articleText('Hello', 'Text.', { published: '2019-08-05T08:00:00Z', language: 'en' }),
      }),
    )
    const fr = articles.find((a) => a.language === 'fr')!
    expect(fr.dateLabels).toEqual({ published: '6 août 2019', updated: '2 janvier 2020' })
    expect(articles.find((a) => a.language === 'en')!.dateLabels).toBeUndefined()
    const html = await (await appWith({ articles }).request(`/articles/${fr.slug}`)).text()
    expect((await findElements(html, 'article time')).map((t) => t.text)).toEqual(['6 août 2019', '2 janvier 2020'])
  })
})
