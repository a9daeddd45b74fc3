/** An element found by {@link findElements}: its attributes and text content. */
export interface HtmlElement {
  attributes: Record<string, string>
  text: string
}

/**
 * Finds elements by CSS selector with workerd's HTMLRewriter, an HTML parser independent of the
 * code under test (lol-html), so tests read pages as a browser-grade parser does.
 */
export async function findElements(html: string, selector: string): Promise<HtmlElement[]> {
  const found: HtmlElement[] = []
  let current: HtmlElement | undefined
  await new HTMLRewriter()
    .on(selector, {
      element(el) {
        current = { attributes: Object.fromEntries(el.attributes), text: '' }
        found.push(current)
      },
      text(chunk) {
        if (current) current.text += chunk.text
      },
    })
    .transform(new Response(html))
    .text()
  return found
}
