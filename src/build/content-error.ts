/** A value or a file that cannot be used: what is wrong and how to fix it (the `problem. fix.` of a message). */
export interface Problem {
  problem: string
  fix: string
}

/** A {@link Problem} at a line of the file being read. */
export interface LinedProblem extends Problem {
  line: number
}

/**
 * A problem in one article file, located to the line, with how to fix it: the message is
 * `file:line: problem. fix.` `loadContent` collects every problem before it throws, so one build
 * shows them all.
 */
export class ContentError extends Error {
  constructor(file: string, line: number, problem: string, fix: string) {
    super(`${file}:${line}: ${problem}. ${fix}`)
    this.name = 'ContentError'
  }
}

/** Every problem found in `seeds/` (or in one file of it), reported at once. */
export class ContentErrors extends Error {
  readonly errors: readonly ContentError[]

  constructor(errors: readonly ContentError[]) {
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in seeds/:\n` +
        errors.map((e) => `  ${e.message}`).join('\n'),
    )
    this.name = 'ContentErrors'
    this.errors = errors
  }
}

/** 1-based number of the first line of `text` matching `pattern` (where a problem points), or 1. */
export function lineOf(text: string, pattern: RegExp): number {
  return text.split('\n').findIndex((line) => pattern.test(line)) + 1 || 1
}
