import { describe, expect, it } from 'vitest'
import { ContentErrors } from '../../src/build/content-error.ts'
import { ConfigError, readConfig } from '../../src/config.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'

/** Whether the metadata of an article refuses `value` as its summary. */
async function metadataRefuses(value: string): Promise<boolean> {
  try {
    await loadArticles(files({ 'a.txt': articleText('A', 'x', { summary: `s${value}s` }) }))
    return false
  } catch (error) {
    expect(error).toBeInstanceOf(ContentErrors)
    return true
  }
}

/** Whether the settings refuse `value` in SITE_TITLE. */
function settingsRefuse(value: string): boolean {
  try {
    readConfig({ SITE_TITLE: `t${value}t` })
    return false
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return true
  }
}

describe('settings and article metadata follow the same text rules', () => {
  it.each([
    ['U+0001', '\u0001', true],
    ['U+001F', '\u001f', true],
    ['DEL (U+007F)', '\u007f', true],
    ['U+FFFE', '\ufffe', true],
    ['a tab', '\t', false],
    ['emoji', '🦀', false],
    ['right-to-left text', 'שלום', false],
    ['markup', '<b>&amp;', false],
  ])('%s: refused by both or by neither', async (_name, value, refused) => {
    expect(settingsRefuse(value)).toBe(refused)
    expect(await metadataRefuses(value)).toBe(refused)
  })
})
