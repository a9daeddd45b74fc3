import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ContentErrors } from '../../src/build/content-error.ts'
import type { Article } from '../../src/model/article.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'
import { appWith } from '../helpers/app.ts'
import { anyText, params, someText } from '../helpers/property.ts'

/** Every element name and attribute name in a document, read by workerd's HTMLRewriter. */
async function markup(html: string): Promise<{ elements: Set<string>; attributes: Set<string> }> {
  const elements = new Set<string>()
  const attributes = new Set<string>()
  await new HTMLRewriter()
    .on('*', {
      element(el) {
        elements.add(el.tagName)
        for (const [name] of el.attributes) attributes.add(name as string)
      },
    })
    .transform(new Response(html))
    .text()
  return { elements, attributes }
}

/** What a page may contain: exactly the markup of the same pages for a plain article. */
async function baseline(): Promise<{ elements: Set<string>; attributes: Set<string> }> {
  const articles = await loadArticles(
    files({ 'plain.txt': articleText('Plain', 'Text.\n\nMore.', { tags: 'x', author: 'A <a@example.com>' }) }),
  )
  const app = appWith({ articles })
  const a = await markup(await (await app.request('/')).text())
  const b = await markup(await (await app.request(`/articles/${articles[0]!.slug}`)).text())
  return { elements: new Set([...a.elements, ...b.elements]), attributes: new Set([...a.attributes, ...b.attributes]) }
}

const strip = (s: string) => s.replace(/[\r\n]/g, ' ')
const page = fc.record({
  title: someText(30),
  body: fc.array(anyText(40), { minLength: 1, maxLength: 3 }),
  tags: fc.array(
    someText(8).map((t) => t.replace(/[,\r\n]/g, '')),
    { maxLength: 2 },
  ),
})

describe('HTML pages, for any article text', async () => {
  const allowed = await baseline()

  it('contain no element or attribute that came from the text', async () => {
    let reached = 0
    let refused = 0
    const options = params(400)
    await fc.assert(
      fc.asyncProperty(page, async ({ title, body, tags }) => {
        const meta: Record<string, string> = {}
        const cleanTags = tags
          .map((t) => t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '').trim())
          .filter(Boolean)
        if (cleanTags.length) meta.tags = [...new Set(cleanTags)].join(', ')
        let articles: Article[]
        try {
          articles = await loadArticles(
            files({ 'p.txt': articleText(strip(title), body.map(strip).join('\n\n'), meta) }),
          )
        } catch (error) {
          // A refusal is a clear error, never a crash; the input is then replaced by another
          // (fast-check's precondition), so every counted run really reaches a page.
          expect(error).toBeInstanceOf(ContentErrors)
          refused++
          fc.pre(false)
          return
        }
        reached++
        const app = appWith({ articles })
        for (const path of ['/', `/articles/${articles[0]!.slug}`]) {
          const res = await app.request(path)
          expect(res.status).toBe(200)
          const found = await markup(await res.text())
          for (const name of found.elements) expect(allowed.elements, `<${name}> on ${path}`).toContain(name)
          for (const name of found.attributes) expect(allowed.attributes, `${name}= on ${path}`).toContain(name)
        }
      }),
      options,
    )
    // Refused inputs are replaced, not dropped: as many texts reached the pages as were asked for.
    expect(reached).toBe(options.numRuns)
    expect(refused).toBeLessThan(reached)
  })
})
