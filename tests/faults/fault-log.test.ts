import { afterEach, describe, expect, it, vi } from 'vitest'
import { FaultLog } from '../../src/faults/fault-log.ts'
import { Unavailable, within } from '../../src/faults/unavailable.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('FaultLog', () => {
  it('logs a storm of one kind once per period, then how many it left out', () => {
    const lines: string[] = []
    vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line))
    const log = new FaultLog(60_000)
    for (let i = 0; i < 500; i++) log.report('content', `read ${i} failed`, 1_000 + i)
    log.report('cache', 'match failed', 2_000)
    log.report('content', 'read again failed', 61_000)
    expect(lines).toEqual([
      'fault: read 0 failed',
      'fault: match failed',
      'fault: read again failed (499 more since the last report)',
    ])
  })
})

describe('within', () => {
  it('gives up at its deadline with Unavailable, aborting the work', async () => {
    let aborted = false
    const work = (signal: AbortSignal) =>
      new Promise<never>(() => {
        signal.addEventListener('abort', () => {
          aborted = true
        })
      })
    await expect(within(20, 'content', 'reading x', work)).rejects.toThrow(
      new Unavailable('content', 'reading x took longer than 20 ms'),
    )
    expect(aborted).toBe(true)
  })

  it('turns whatever the work throws into Unavailable, keeping the cause', async () => {
    const cause = new TypeError('Network connection lost.')
    const error = await within(1_000, 'content', 'reading x', async () => {
      throw cause
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Unavailable)
    expect((error as Unavailable).cause).toBe(cause)
  })

  it('refuses to start with no time left', async () => {
    await expect(within(0, 'content', 'reading x', async () => 1)).rejects.toBeInstanceOf(Unavailable)
  })
})
