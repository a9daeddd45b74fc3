/**
 * A problem in one article file, located to the line, with how to fix it.
 * `loadArticles` collects every problem before it throws, so one build shows them all.
 */
export class ContentError extends Error {
  readonly file: string
  readonly line: number
  readonly hint: string

  constructor(file: string, line: number, problem: string, hint: string) {
    super(`${file}:${line}: ${problem}. ${hint}`)
    this.name = 'ContentError'
    this.file = file
    this.line = line
    this.hint = hint
  }
}

/** Every problem found in `seeds/`, reported at once. */
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
