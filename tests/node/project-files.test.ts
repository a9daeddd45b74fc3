import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

/** Whether git ignores `path` (exit 0 of `git check-ignore`). */
function ignored(path: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: root })
    return true
  } catch {
    return false
  }
}

describe('project files', () => {
  it('never commits local settings or secrets: .dev.vars is ignored, its example is not', () => {
    expect(ignored('.dev.vars')).toBe(true)
    expect(ignored('.dev.vars.production')).toBe(true)
    expect(ignored('.dev.vars.example')).toBe(false)
    expect(existsSync(join(root, '.dev.vars.example'))).toBe(true)
  })
})
