/**
 * Reads a body up to `limit` bytes and no further (the rest is cancelled, never buffered): the
 * hub's form (refused when it is larger) and a callback's answer to verification (only its start
 * matters) both read through it.
 * @returns the first `limit` bytes at most, and whether that was the whole body
 */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const reader = body?.getReader()
  if (!reader) return { bytes: new Uint8Array(), whole: true }
  const chunks: Uint8Array[] = []
  let size = 0
  let whole = true
  while (whole) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.length
    whole = size <= limit
  }
  if (!whole) await reader.cancel()
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return { bytes: bytes.subarray(0, limit), whole }
}
