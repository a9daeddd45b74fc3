import { CONTENT_PREFIX } from '../content/layout.ts'
import { FAULT_POLICY } from '../faults/policy.ts'
import { Unavailable, within } from '../faults/unavailable.ts'

/**
 * Where the Worker reads the built corpus from. In production and `npm start` that is Workers
 * Static Assets through the `ASSETS` binding (uploaded with each deploy, versioned with it, free to
 * read); tests that bring their own articles pack them with the build's code and serve the same
 * files from memory.
 *
 * Both methods reject with `Unavailable` when the file could not be read (see {@link assetFiles}).
 */
export interface ContentFiles {
  /** The text of `path` (as the layout names it), or `undefined` when there is no such file. */
  read(path: string): Promise<string | undefined>
  /** The bytes of `path` (an image), or `undefined` when there is no such file. */
  bytes(path: string): Promise<Uint8Array | undefined>
}

/** How long reads through a binding may take: each at most `readTimeoutMs`, and none past `until`. */
export interface ReadDeadline {
  readTimeoutMs: number
  /** The request's deadline (ms since the epoch, `Date.now`'s clock); `Infinity` for none. */
  until: number
}

/** Reads of the hub and of scripts: each read bounded, no request budget. */
const NO_BUDGET: ReadDeadline = { readTimeoutMs: FAULT_POLICY.readTimeoutMs, until: Number.POSITIVE_INFINITY }

/**
 * Reads through a Static Assets binding. The host of the URL is ignored by the binding; the path
 * is the file's path in the assets directory.
 *
 * A read is trusted only whole: a `404` is "no such file", and anything else that is not a `200`
 * with its whole body in time (another status, a thrown fetch, a connection reset mid-body, a read
 * past its deadline) rejects with `Unavailable`, so no caller mistakes a fault for an absent file
 * or keeps half a file.
 * @see https://developers.cloudflare.com/workers/static-assets/binding/
 */
export function assetFiles(assets: Fetcher, deadline: ReadDeadline = NO_BUDGET): ContentFiles {
  const fetchFile = <T>(path: string, body: (response: Response) => Promise<T>): Promise<T | undefined> => {
    const ms = Math.min(deadline.readTimeoutMs, deadline.until - Date.now())
    return within(ms, 'content', `reading ${CONTENT_PREFIX}${path}`, async (signal) => {
      const response = await assets.fetch(`https://assets.invalid${CONTENT_PREFIX}${path}`, { signal })
      if (response.status === 404) {
        await response.body?.cancel()
        return undefined
      }
      if (!response.ok) {
        await response.body?.cancel()
        throw new Unavailable('content', `Static Assets answered ${response.status} for ${CONTENT_PREFIX}${path}`)
      }
      return body(response)
    })
  }
  return {
    read: (path) => fetchFile(path, (response) => response.text()),
    bytes: (path) => fetchFile(path, async (response) => new Uint8Array(await response.arrayBuffer())),
  }
}

/** The same files, calling `onRead` before each read: the hub counts them among an invocation's subrequests. */
export function countedFiles(files: ContentFiles, onRead: () => void): ContentFiles {
  return {
    read: (path) => {
      onRead()
      return files.read(path)
    },
    bytes: (path) => {
      onRead()
      return files.bytes(path)
    },
  }
}
