import { describe, expect, it } from 'vitest'
import { BoundedCache } from '../../src/bounded-cache.ts'

describe('BoundedCache', () => {
  it('keeps at most `entries`, dropping the least recently used', () => {
    const cache = new BoundedCache<number>({ entries: 3 })
    for (const k of ['a', 'b', 'c']) cache.set(k, 1)
    cache.peek('a') // a is now the most recent
    cache.set('d', 1)
    expect(cache.peek('b')).toBeUndefined()
    expect(['a', 'c', 'd'].map((k) => cache.peek(k))).toEqual([1, 1, 1])
    expect(cache.stats.entries).toBe(3)
  })

  it('keeps the total size within `size`, counting what each entry weighs', () => {
    const cache = new BoundedCache<string>({ entries: 100, size: 10 })
    cache.set('a', 'x', 4)
    cache.set('b', 'x', 4)
    cache.set('c', 'x', 4)
    expect(cache.peek('a')).toBeUndefined()
    expect(cache.stats).toEqual({ entries: 2, size: 8 })
    cache.set('b', 'y', 1)
    expect(cache.stats).toEqual({ entries: 2, size: 5 })
  })

  it('keeps one entry larger than the whole budget rather than nothing', () => {
    const cache = new BoundedCache<string>({ entries: 10, size: 10 })
    cache.set('small', 'x', 2)
    cache.set('huge', 'x', 50)
    expect(cache.peek('huge')).toBe('x')
    expect(cache.peek('small')).toBeUndefined()
  })

  it('builds a missing value once with get', () => {
    const cache = new BoundedCache<number>({ entries: 2 })
    let builds = 0
    expect(cache.get('k', () => ++builds)).toBe(1)
    expect(cache.get('k', () => ++builds)).toBe(1)
    expect(builds).toBe(1)
  })
})
