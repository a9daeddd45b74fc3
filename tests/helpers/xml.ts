import { SaxesParser } from 'saxes'

/** An element of a parsed document: namespace-resolved name, attributes, children and text. */
export interface XmlElement {
  /** Qualified name as written, e.g. `atom:link`. */
  name: string
  /** Local name, e.g. `link`. */
  local: string
  /** Namespace URI ('' for none). */
  uri: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** Concatenated character data directly inside this element. */
  text: string
}

/**
 * Parses XML with saxes, a strict XML 1.0 + Namespaces parser independent of the code under test:
 * any well-formedness error (including characters XML forbids) throws.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const [name, attr] of Object.entries(tag.attributes))
      attributes[name] = typeof attr === 'string' ? attr : attr.value
    const element: XmlElement = {
      name: tag.name,
      local: tag.local ?? tag.name,
      uri: tag.uri ?? '',
      attributes,
      children: [],
      text: '',
    }
    stack.at(-1)?.children.push(element)
    root ??= element
    stack.push(element)
  })
  parser.on('text', (text) => {
    const top = stack.at(-1)
    if (top) top.text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(xml).close()
  if (!root) throw new Error('no root element')
  return root
}

/** Children of `parent` with local name `local` (and namespace `uri` when given). */
export function children(parent: XmlElement, local: string, uri?: string): XmlElement[] {
  return parent.children.filter((c) => c.local === local && (uri === undefined || c.uri === uri))
}

/** The one child named `local`; throws when there is none or more than one. */
export function child(parent: XmlElement, local: string, uri?: string): XmlElement {
  const found = children(parent, local, uri)
  if (found.length !== 1) throw new Error(`<${parent.name}> has ${found.length} <${local}> children, expected 1`)
  return found[0] as XmlElement
}

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const
