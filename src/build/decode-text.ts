import { ContentError } from './content-error.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decodes an article file's bytes as UTF-8 and normalises line endings to LF.
 * A UTF-8 byte-order mark is dropped; CRLF and lone CR become LF.
 *
 * @param file - name used in error messages (`seeds/x.txt`)
 * @param bytes - the file's raw bytes
 * @returns the text, always with `\n` line endings
 * @throws ContentError for UTF-16 (by BOM), NUL bytes (binary data) or invalid UTF-8, with the line
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ContentError(file, 1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark)', 'Save it as UTF-8.')
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    throw new ContentError(
      file,
      lineAt(bytes, nul),
      'the file holds a NUL byte, so it is binary data, not text',
      'Articles are UTF-8 text files; remove the file or save the article as plain text.',
    )
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new ContentError(
      file,
      lineAt(bytes, firstInvalidUtf8(bytes)),
      'the file is not valid UTF-8',
      'Re-save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).',
    )
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return text.replace(/\r\n?/g, '\n')
}

/** 1-based line number of byte `offset`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629 §4). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (len === 0 || i + len > bytes.length) return i
    try {
      utf8.decode(bytes.subarray(i, i + len))
    } catch {
      return i
    }
    i += len
  }
  return bytes.length
}
