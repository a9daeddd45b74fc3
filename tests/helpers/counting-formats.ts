import type { FeedFormat } from '../../src/feeds/feed-format.ts'
import { FORMATS } from '../../src/feeds/formats.ts'

/**
 * The formats, each wrapped to count how often it really renders (a memo or Cache API hit renders
 * nothing): pass `formats` to `createWorker`, read `renders` by format name.
 */
export function countingFormats(): { formats: FeedFormat[]; renders: Map<string, number> } {
  const renders = new Map<string, number>()
  const formats = FORMATS.map((f) => ({
    ...f,
    render: (doc: Parameters<FeedFormat['render']>[0], format: FeedFormat) => {
      renders.set(f.name, (renders.get(f.name) ?? 0) + 1)
      return f.render(doc, format)
    },
  }))
  return { formats, renders }
}
