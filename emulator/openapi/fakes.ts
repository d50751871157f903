import crypto from 'node:crypto'
import { APP_ID } from '../constants'
import { type FileStore, sniffImage } from '../storage'
import type { Outbox } from './outbox'
import { codePng } from './png'

// Local stand-ins for the WeChat open APIs Honglin calls. Each answers with the JSON body (or
// binary) the real API returns, including its error codes, so code paths for rejection and
// failure can be exercised offline. Params arrive snake_case, as on the wire.

export type Params = Record<string, unknown>

export type FakeAnswer = { json: Record<string, unknown> } | { binary: Buffer; contentType: string }

export interface FakeContext {
  now: () => number
  outbox: Outbox
  /** cloud storage, where the image check recognises a stored file by its bytes */
  files?: FileStore
  fn?: string
}

type Fake = (params: Params, ctx: FakeContext) => FakeAnswer

const wxError = (errcode: number, errmsg: string): FakeAnswer => ({
  json: { errcode, errmsg: `${errmsg} rid: ${rid()}` },
})

const rid = (): string => crypto.randomBytes(6).toString('hex')

const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

// --- security.msgSecCheck ----------------------------------------------------------------------

/** label codes of msgSecCheck v2 */
const LABEL = {
  normal: 100,
  porn: 20002,
  illegal: 20006,
  fraud: 20008,
  other: 21000,
} as const

/** The test word of docs/contract.md §6 and a few real terms the real check flags. */
export const RISKY_TERMS: { term: string; label: number }[] = [
  { term: '违禁测试词', label: LABEL.other },
  { term: '赌博', label: LABEL.illegal },
  { term: '博彩', label: LABEL.illegal },
  { term: '六合彩', label: LABEL.illegal },
  { term: '网络赌场', label: LABEL.illegal },
  { term: '毒品', label: LABEL.illegal },
  { term: '冰毒', label: LABEL.illegal },
  { term: '高利贷', label: LABEL.illegal },
  { term: '代开发票', label: LABEL.fraud },
  { term: '刷单返利', label: LABEL.fraud },
  { term: '信用卡套现', label: LABEL.fraud },
  { term: '色情', label: LABEL.porn },
  { term: '约炮', label: LABEL.porn },
]

/** Spaces and punctuation between characters do not hide a term ("赌 博", "代-开-发-票"). */
const normalise = (text: string): string => text.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase()

export function findRiskyTerm(text: string): { term: string; label: number } | undefined {
  const flat = normalise(text)
  return RISKY_TERMS.find((t) => flat.includes(t.term))
}

const msgSecCheck: Fake = (p) => {
  const version = p.version === undefined ? 1 : Number(p.version)
  if (typeof p.content !== 'string') return wxError(47001, 'data format error hint: [content]')
  if (p.content.length > 2500) return wxError(40003, 'content too long, limit 2500')
  const hit = findRiskyTerm(p.content)
  if (version !== 2) {
    // v1: risky content is an error, clean content a bare ok
    return hit ? wxError(87014, 'risky content') : { json: { errcode: 0, errmsg: 'ok' } }
  }
  if (!nonEmptyString(p.openid)) return wxError(40003, 'invalid openid')
  const scene = Number(p.scene)
  if (![1, 2, 3, 4].includes(scene)) return wxError(47001, 'data format error hint: [scene]')
  const suggest = hit ? 'risky' : 'pass'
  const label = hit ? hit.label : LABEL.normal
  return {
    json: {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label, prob: hit ? 90 : 0 },
        hit
          ? { strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword: hit.term }
          : { strategy: 'keyword', errcode: 0, suggest: 'pass', label: LABEL.normal },
      ],
      trace_id: `${Date.now().toString(16)}-${rid()}`,
    },
  }
}

// --- security.imgSecCheck ---------------------------------------------------------------------

/** The local image check flags a file whose name (or cloud path) contains this mark. */
export const RISKY_MEDIA_MARK = 'risky'
/** imgSecCheck takes images up to 1 MB (larger: 40006) */
const IMG_CHECK_MAX_BYTES = 1024 * 1024

const markedRisky = (name: string | undefined): boolean =>
  name !== undefined && name.toLowerCase().includes(RISKY_MEDIA_MARK)

/**
 * v1, synchronous: the image bytes in `media`. The SDK names them `media.<ext>` whatever the
 * caller passes, so the check recognises a stored file by its bytes: risky when the same bytes are
 * kept in cloud storage under a path, or an original file name, that carries the mark (a function
 * checks what it downloaded from storage). A name on the wire that carries it counts too.
 */
const imgSecCheck: Fake = (p, ctx) => {
  const media = p.media as { value?: unknown; filename?: string } | undefined
  if (!media || !Buffer.isBuffer(media.value) || media.value.length === 0)
    return wxError(41005, 'media data missing')
  const bytes = media.value
  if (bytes.length > IMG_CHECK_MAX_BYTES) return wxError(40006, 'invalid media size')
  if (!sniffImage(bytes)) return wxError(40004, 'invalid media type')
  const stored = ctx.files?.withContent(bytes) ?? []
  const risky =
    markedRisky(media.filename) ||
    stored.some((f) => markedRisky(f.cloudPath) || markedRisky(f.name))
  return risky ? wxError(87014, 'risky content') : { json: { errcode: 0, errmsg: 'ok' } }
}

// --- subscribeMessage.send ---------------------------------------------------------------------

/** Limits of the template keyword types (characters), as WeChat documents them. */
const KEYWORD_LIMITS: [RegExp, number, RegExp?][] = [
  [/^thing\d+$/, 20],
  [/^phrase\d+$/, 5],
  [/^name\d+$/, 20],
  [/^character_string\d+$/, 32, /^[\x20-\x7e]*$/],
  [/^number\d+$/, 32, /^[\d.]*$/],
  [/^letter\d+$/, 32, /^[A-Za-z]*$/],
  [/^symbol\d+$/, 5],
  [/^phone_number\d+$/, 17, /^[\d+\-() ]*$/],
  [/^car_number\d+$/, 8],
  [/^(time|date)\d+$/, 40],
  [/^amount\d+$/, 20],
]

function checkTemplateData(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'data'
  const entries = Object.entries(data as Record<string, unknown>)
  if (entries.length === 0) return 'data'
  for (const [key, entry] of entries) {
    const value = (entry as { value?: unknown } | null)?.value
    if (typeof value !== 'string' || value === '') return `data.${key}.value`
    const rule = KEYWORD_LIMITS.find(([re]) => re.test(key))
    if (!rule) continue
    const [, max, chars] = rule
    if (Array.from(value).length > max || (chars && !chars.test(value))) return `data.${key}.value`
  }
  return undefined
}

let msgid = 2_000_000_000

const subscribeSend: Fake = (p, ctx) => {
  if (!nonEmptyString(p.touser)) return wxError(40003, 'invalid openid')
  if (!nonEmptyString(p.template_id)) return wxError(40037, 'invalid template_id')
  const state = p.miniprogram_state
  if (state !== undefined && !['developer', 'trial', 'formal'].includes(state as string)) {
    return wxError(47003, 'argument invalid! miniprogram_state invalid')
  }
  if (p.page !== undefined && typeof p.page !== 'string') {
    return wxError(47003, 'argument invalid! page invalid')
  }
  const bad = checkTemplateData(p.data)
  if (bad) return wxError(47003, `argument invalid! ${bad} invalid`)
  ctx.outbox.add({
    touser: p.touser,
    templateId: p.template_id,
    ...(typeof p.page === 'string' ? { page: p.page } : {}),
    data: p.data as Record<string, { value: string }>,
    ...(typeof state === 'string' ? { miniprogramState: state } : {}),
    ...(typeof p.lang === 'string' ? { lang: p.lang } : {}),
    sentAt: new Date(ctx.now()).toISOString(),
    ...(ctx.fn ? { fn: ctx.fn } : {}),
  })
  return { json: { errcode: 0, errmsg: 'ok', msgid: ++msgid } }
}

// --- wxacode.getUnlimited ----------------------------------------------------------------------

const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/

const getUnlimited: Fake = (p) => {
  const scene = p.scene
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
    return wxError(40169, 'invalid length for scene, or the data is not json string')
  }
  if (!SCENE_CHARS.test(scene)) return wxError(40169, 'invalid scene')
  const page = p.page === undefined ? '' : p.page
  if (typeof page !== 'string' || page.startsWith('/')) return wxError(41030, 'invalid page')
  if (
    p.env_version !== undefined &&
    !['release', 'trial', 'develop'].includes(p.env_version as string)
  ) {
    return wxError(40097, 'invalid args hint: [env_version]')
  }
  // WeChat clamps width to 280..1280 (default 430)
  const width = Math.min(1280, Math.max(280, Number(p.width) || 430))
  return { binary: codePng(scene, page, width), contentType: 'image/png' }
}

// --- phonenumber.getPhoneNumber ------------------------------------------------------------------

const getPhoneNumber: Fake = (p, ctx) => {
  // Local codes are `phone:<11 digits>`; the H5 build makes them since it has no WeChat button.
  const m = typeof p.code === 'string' ? /^phone:(1\d{10})$/.exec(p.code) : null
  if (!m) return wxError(40029, 'invalid code')
  return {
    json: {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: m[1],
        purePhoneNumber: m[1],
        countryCode: '86',
        watermark: { timestamp: Math.floor(ctx.now() / 1000), appid: APP_ID },
      },
    },
  }
}

export const FAKES: Record<string, Fake> = {
  'security.msgSecCheck': msgSecCheck,
  'security.imgSecCheck': imgSecCheck,
  'subscribeMessage.send': subscribeSend,
  'wxacode.getUnlimited': getUnlimited,
  'phonenumber.getPhoneNumber': getPhoneNumber,
}
