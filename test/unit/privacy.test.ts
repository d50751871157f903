import fs from 'node:fs'
import path from 'node:path'
import { PRIVACY_APIS, PRIVACY_ITEMS, PRIVACY_POLICY, privacyDeclaration } from '@/contract/privacy'

// The privacy declaration (用户隐私保护指引) must cover every privacy interface the app calls:
// WeChat refuses an undeclared one at run time. The list filed with the platform
// (cloudfunctions/privacy.json, beside the deploy manifest) is generated from the contract.

const ROOT = path.join(__dirname, '../..')
const DECLARATION = path.join(ROOT, 'cloudfunctions/privacy.json')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.(ts|tsx|js|jsx|html|wxml)$/.test(e.name) ? [p] : []
  })
}

const PATTERNS = [
  /\b(?:Taro|wx)\s*\.\s*(\w+)\s*\(/g,
  /\b(?:Taro|wx)\s*\[\s*['"](\w+)['"]\s*\]/g,
  /\bopen-?[Tt]ype\s*=\s*\{?\s*['"](\w+)['"]/g,
]

/** The privacy interfaces a source text calls: `Taro.x(` / `wx.x(` and `openType="x"` buttons. */
const scan = (text: string): string[] =>
  PATTERNS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1])).filter(
    (api) => api in PRIVACY_APIS
  )

/** Every privacy interface called in `src/`, with its file. */
function privacyCalls(): { api: string; file: string }[] {
  return sources(path.join(ROOT, 'src'))
    .filter((file) => !file.endsWith(path.join('contract', 'privacy.ts')))
    .flatMap((file) =>
      scan(fs.readFileSync(file, 'utf8')).map((api) => ({ api, file: path.relative(ROOT, file) }))
    )
}

const declared = new Set(PRIVACY_ITEMS.flatMap((i) => [...i.apis, ...i.openTypes]))

describe('privacy declaration', () => {
  it('declares every privacy interface the app calls', () => {
    const calls = privacyCalls()
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.filter((c) => !declared.has(c.api))).toEqual([])
  })

  it('finds an undeclared call (the scan works)', () => {
    const text = [
      'await Taro.chooseAddress({})',
      "wx['getClipboardData']({})",
      '<Button openType="chooseAvatar" />',
      '<button open-type="getPhoneNumber">',
      'Taro.navigateTo({ url })',
    ].join('\n')
    expect(scan(text)).toEqual([
      'chooseAddress',
      'getClipboardData',
      'chooseAvatar',
      'getPhoneNumber',
    ])
    expect(scan(text).filter((api) => !declared.has(api))).toEqual([
      'chooseAddress',
      'getClipboardData',
      'chooseAvatar',
    ])
  })

  it('says in use only what the app really calls, under the platform’s name for it', () => {
    const called = new Set(privacyCalls().map((c) => c.api))
    for (const item of PRIVACY_ITEMS) {
      const reaches = [...item.apis, ...item.openTypes]
      expect({ item: item.key, inUse: reaches.some((a) => called.has(a)) }).toEqual({
        item: item.key,
        inUse: item.inUse,
      })
      for (const api of reaches)
        expect({ api, info: PRIVACY_APIS[api] }).toEqual({ api, info: item.info })
    }
  })

  it('files the same list with the platform (cloudfunctions/privacy.json)', () => {
    const expected = privacyDeclaration()
    if (process.env.UPDATE_PRIVACY) {
      fs.writeFileSync(DECLARATION, `${JSON.stringify(expected, null, 2)}\n`)
    }
    expect(JSON.parse(fs.readFileSync(DECLARATION, 'utf8'))).toEqual(expected)
  })

  it('tells what is collected, why, who sees it, how long it is kept, how to export or delete', () => {
    const titles = PRIVACY_POLICY.sections.map((s) => s.title).join(' ')
    for (const word of ['收集', '为什么', '谁能看到', '保存多久', '导出', '删除']) {
      expect(titles).toContain(word)
    }
    const text = PRIVACY_POLICY.sections.flatMap((s) => s.paragraphs).join('')
    // the app's own ways to export and delete, as its pages name them
    expect(text).toContain('导出我的数据')
    expect(text).toContain('注销并删除我的数据')
    for (const item of PRIVACY_ITEMS) expect(text).toContain(item.info)
  })
})
