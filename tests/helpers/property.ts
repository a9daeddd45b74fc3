import fc from 'fast-check'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Multiplies every property's run count (env FC_RUNS_SCALE, default 1). */
    fcScale: number
    /** The fast-check seed (env FC_SEED, default 42), so every run, in CI too, is reproducible. */
    fcSeed: number
  }
}

/**
 * fast-check parameters for one property: `runs` scaled by FC_RUNS_SCALE, the fixed seed, and the
 * seed and path printed on failure so it can be replayed.
 */
export function params(runs: number): fc.Parameters<unknown> {
  return { numRuns: Math.max(1, Math.round(runs * inject('fcScale'))), seed: inject('fcSeed'), verbose: 1 }
}

/** Snippets that break naive serializers, mixed into generated text. */
const HOSTILE = [
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '&amp;',
  '&#0;',
  '&#x1;',
  '&lt;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001f',
  '\u007f',
  '\u0085',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\ud83e',
  '\u202e',
  '\u200f',
  '\u2066',
  'שלום',
  'مرحبا',
  '🦀',
  '👩‍💻',
  '\t',
  '\r',
  '\r\n',
  ' ',
  '\u00a0',
]

/** Any text: arbitrary code points (lone surrogates included) interleaved with hostile snippets. */
export const anyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 4 }),
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''))

/** Text with at least one letter, as titles and names need. */
export const someText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.tuple(anyText(maxLength), fc.constantFrom('a', 'Ж', '語', '7')).map(([t, l]) => `${l}${t}`)
