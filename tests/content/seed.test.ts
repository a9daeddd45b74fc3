import { describe, expect, it } from 'vitest'
import seedMeta from '../../seeds/000_b6997ea73d66a62f.meta?raw'
import seedText from '../../seeds/000_b6997ea73d66a62f.txt?raw'
import { DEFAULTS } from '../../src/config.ts'
import { files, loadArticles } from '../fixtures/articles.ts'
import { bundledArticles } from '../helpers/bundled.ts'

const bundled = await bundledArticles()

const TITLE =
  'UN secret report accuses North Korea of stealing $ 2 billion from banks and cryptocurrency exchanges for developing weapons'

describe('the bundled seed article', async () => {
  const [article] = await loadArticles(
    files({ '000_b6997ea73d66a62f.txt': seedText, '000_b6997ea73d66a62f.meta': seedMeta }),
  )
  if (!article) throw new Error('no article')

  it('has its title once: the repeated first paragraph is dropped', () => {
    expect(article.title).toBe(TITLE)
    expect(article.paragraphs[0]).toMatch(/^According to a confidential UN report/)
    expect(article.contentText.includes(TITLE)).toBe(false)
  })

  it('joins hard-wrapped lines into one paragraph', () => {
    expect(article.paragraphs).toContain(
      'According to the message Reuters, a report created by “independent experts” and submitted last week to the UN Security Council Sanctions Committee on North Korea, said the DPRK carried out “massive and increasingly sophisticated” hacks to steal about $ 2 billion that was laundered over the Internet.',
    )
    expect(article.contentText).toContain('North Korean hackers hunt to cryptocurrencies of ordinary users')
    expect(article.contentText).toContain('North Korean hackers took attempted phishing attack')
    expect(article.paragraphs.every((p) => !p.includes('\n'))).toBe(true)
  })

  it('keeps every paragraph of the text, in order', () => {
    const expected = seedText
      .trim()
      .split(/\n\s*\n/)
      .slice(2)
    expect(article.paragraphs).toEqual(
      expected.map((p: string) =>
        p
          .split('\n')
          .map((l: string) => l.trim())
          .join(' '),
      ),
    )
    expect(article.paragraphs).toHaveLength(8)
    expect(article.contentHtml.match(/<p>/g)).toHaveLength(8)
  })

  it('takes its date, tags and language from the sidecar metadata', () => {
    expect(article.published).toBe('2019-08-06T08:00:00.000Z')
    expect(article.updated).toBe(article.published)
    expect(article.tags).toEqual(['North Korea', 'Cryptocurrency', 'Cybersecurity', 'United Nations'])
    expect(article.language).toBe('en')
    expect(article.authors).toEqual([])
  })

  it('has a readable slug and a host-independent URN id', () => {
    expect(article.slug).toBe('un-secret-report-accuses-north-korea-of-stealing-2-billion-from-banks-and')
    expect(article.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('is what the build bundled into the Worker, served with the default author and language', () => {
    expect(bundled).toEqual([{ ...article, authors: [{ name: DEFAULTS.author }], language: DEFAULTS.language }])
  })
})
