import { type Chunk, MANIFEST_PATH, mediaPath } from '../content/layout.ts'
import { Unavailable } from '../faults/unavailable.ts'
import type { ContentFiles } from './files.ts'

// Reads checked against what the manifest says: a file that is missing, unparsable or short is a
// fault of the binding (`Unavailable`), never "no such article" or a shorter list.

/** `text` as JSON: text that does not parse was cut or garbled on the way. */
export function parsed<T>(text: string, path: string): T {
  try {
    return JSON.parse(text) as T
  } catch (error) {
    throw new Unavailable('content', `${path} is not valid JSON (${String(error)})`, { cause: error })
  }
}

/** The text of a file the manifest counts: missing is a fault. */
export async function existing(files: ContentFiles, path: string): Promise<string> {
  const text = await files.read(path)
  if (text === undefined) throw new Unavailable('content', `The content files lack ${path}, which the manifest counts`)
  return text
}

/** Chunk `path`, checked to hold the `length` articles the manifest counts there. */
export async function checkedChunk(files: ContentFiles, path: string, length: number): Promise<Chunk> {
  const chunk = parsed<Chunk>(await existing(files, path), path)
  if (!Array.isArray(chunk) || chunk.length !== length)
    throw new Unavailable(
      'content',
      `${path} holds ${Array.isArray(chunk) ? chunk.length : 'no list of'} articles where the manifest counts ${length}`,
    )
  return chunk
}

/** A slug or tag bucket (every bucket the manifest counts is written, an empty one as `{}`). */
export async function checkedBucket<T>(files: ContentFiles, path: string): Promise<Record<string, T>> {
  const bucket = parsed<Record<string, T>>(await existing(files, path), path)
  if (typeof bucket !== 'object' || bucket === null || Array.isArray(bucket))
    throw new Unavailable('content', `${path} is not a bucket`)
  return bucket
}

/**
 * The bytes of the published image `name` (`{hash}.{ext}`), or `undefined` when there is none.
 * The manifest does not list images (there may be thousands), so a 404 is believed only when the
 * binding still serves the manifest: a binding that answers 404 for everything is a fault.
 */
export async function mediaBytes(files: ContentFiles, name: string): Promise<Uint8Array | undefined> {
  const bytes = await files.bytes(mediaPath(name))
  if (bytes === undefined && (await files.read(MANIFEST_PATH)) === undefined)
    throw new Unavailable('content', `The binding answers 404 for ${MANIFEST_PATH} too: it does not serve the content`)
  return bytes
}
