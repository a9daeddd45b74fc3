import { describe, expect, it } from 'vitest'
import { formatCount } from '../../src/pages/format-count.ts'

describe('formatCount', () => {
  it('writes whole numbers as toLocaleString("en") does, without Intl', () => {
    for (const n of [0, 7, 999, 1000, 12345, 100000, 1234567, 9007199254740991])
      expect(formatCount(n), String(n)).toBe(n.toLocaleString('en'))
  })
})
