import { type FeedFormat, FORMATS } from '../../src/feeds/formats.ts'

/**
 * The formats, each wrapped to count how often it really renders (a memo or Cache API hit renders
 * nothing): pass `formats` to `createApp`, read `renders` by format name.
 */
export function countingFormats(): { formats: FeedFormat[]; renders: Map<string, number> } {
  const renders = new Map<string, number>()
  const formats = FORMATS.map((f) => ({
    ...f,
    render: (feed: Parameters<FeedFormat['render']>[0]) => {
      renders.set(f.name, (renders.get(f.name) ?? 0) + 1)
      return f.render(feed)
    },
  }))
  return { formats, renders }
}
