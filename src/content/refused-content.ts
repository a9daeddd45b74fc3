/**
 * The content on hand was refused by the build (under `wrangler dev`, which keeps serving): every
 * request answers with these problems (`file:line: problem. fix.`) until the files are fixed.
 */
export class RefusedContent extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    super(
      `The articles in seeds/ cannot be served until ${problems.length === 1 ? 'this problem is' : `these ${problems.length} problems are`} fixed:\n${problems.join('\n')}`,
    )
    this.name = 'RefusedContent'
    this.problems = problems
  }
}
