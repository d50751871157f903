import { toJson } from '../../../emulator/functions/event-json'
import {
  BROKEN_TEXT,
  checkText,
  hasLoneSurrogate,
  MAX_INPUT_DEPTH,
  tooDeep,
} from '@/contract/rules'

// The pure pieces that stand between a hostile body and the functions: surrogate halves in text,
// nesting depth, and the emulator's JSON encoding of an event at any depth.

describe('hasLoneSurrogate', () => {
  it.each([
    ['', false],
    ['张桂兰', false],
    ['🌸谢谢👍🏻', false],
    ['\ud83d\udc4d', false],
    ['\ud83d', true],
    ['\udc4d', true],
    ['a\ud83db', true],
    ['\udc4d\ud83d', true],
    ['👍\ud83d', true],
  ])('%j → %s', (text, expected) => {
    expect(hasLoneSurrogate(text)).toBe(expected)
  })

  it('every text rule refuses one, whatever its other limits', () => {
    expect(checkText({ max: { value: 10, message: '太长' } }, '好\ud800')).toBe(BROKEN_TEXT)
    expect(checkText({ required: '必填' }, ' \udfff ')).toBe(BROKEN_TEXT)
    expect(checkText({ max: { value: 1, message: '太长' } }, '🌸')).toBeUndefined()
  })
})

describe('tooDeep', () => {
  const nest = (levels: number): unknown => {
    let v: unknown = 1
    for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v]
    return v
  }

  it('names the top-level key that nests too deep, at any depth, without recursing', () => {
    expect(tooDeep({ action: 'me', input: nest(MAX_INPUT_DEPTH - 1) })).toBeNull()
    expect(tooDeep({ action: 'me', input: nest(MAX_INPUT_DEPTH) })).toBe('input')
    expect(tooDeep({ action: 'me', input: {}, junk: nest(1_000_000) })).toBe('junk')
    expect(tooDeep('text')).toBeNull()
    expect(tooDeep(null)).toBeNull()
  })
})

describe('toJson', () => {
  it('writes what JSON.stringify writes', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5,
      'a"b\\c\n',
      '\ud800',
      true,
      [],
      {},
      [1, undefined, () => 1, 'x'],
      { a: undefined, b: 1, c: { d: [null, { e: 'f' }] }, g: () => 1 },
      { at: new Date(0), n: NaN, i: Infinity },
      { action: 'create', input: { title: '想要🌸', tags: ['a', 'b'] }, userInfo: { openId: 'x' } },
    ]
    for (const v of values) expect(toJson(v)).toBe(JSON.stringify(v))
    expect(toJson(undefined)).toBe('null')
  })

  it('encodes a value far deeper than JSON.stringify can, and it parses back', () => {
    let v: unknown = 1
    for (let i = 0; i < 100_000; i++) v = { a: [v] }
    expect(() => JSON.stringify(v)).toThrow(RangeError)
    const text = toJson(v)
    expect(text.length).toBe(100_000 * '{"a":[]}'.length + 1)
    expect(tooDeep(JSON.parse(text) as object)).toBe('a')
  })
})
