import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tagKey, tagSegment } from '../../src/content/tag-key.ts'
import { anyText, params } from '../helpers/property.ts'

describe('tagKey', () => {
  it.each([
    ['Web Standards', 'web-standards'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['R&D', 'r-and-d'],
    ['Ça va', 'ça-va'],
    ['e\u0301cole', 'école'],
    ['東京', '東京'],
    ['שלום עולם', 'שלום-עולם'],
    ['a/b?c#d', 'a-b-c-sharp-d'],
    ['../etc/passwd', 'etc-passwd'],
    ['🦀 Rust', 'rust'],
    ['rust\uFE0F', 'rust'],
    ['co\u00ADop', 'coop'],
    ['..', ''],
    ['!?', ''],
  ])('names %j %j', (tag, key) => {
    expect(tagKey(tag)).toBe(key)
  })

  it('gives any text a key that is one safe path segment, and the same key again for that key', () => {
    let keys = 0
    fc.assert(
      fc.property(anyText(60), (tag) => {
        const key = tagKey(tag)
        expect(tagKey(key)).toBe(key)
        if (key === '') return
        keys++
        expect(key).toBe(key.normalize('NFC'))
        expect(key).not.toMatch(/[\s/?#%.\\&<>"']|^-|-$|--/)
        const segment = tagSegment(key)
        // One segment that no URL parser resolves away or splits.
        expect(new URL(`https://x.invalid/tags/${segment}`).pathname).toBe(`/tags/${segment}`)
        expect(decodeURIComponent(segment)).toBe(key)
      }),
      params(400),
    )
    expect(keys).toBeGreaterThan(100)
  })
})
