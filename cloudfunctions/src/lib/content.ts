import { openapi } from './cloud'

export type ContentScene = 1 | 2 | 3 | 4 // 1 资料 2 评论 3 论坛 4 社交日志

/**
 * The content check port: WeChat's `security.msgSecCheck` v2 (the emulator answers the same
 * wire call locally). Returns false when the text is risky. Fails closed: an error from the
 * check throws, and the router turns it into INTERNAL rather than storing unchecked text.
 */
export async function isTextSafe(
  openid: string,
  content: string,
  scene: ContentScene
): Promise<boolean> {
  if (!content.trim()) return true
  const res = await openapi<{ errcode?: number; result?: { suggest?: string } }>(
    'security',
    'msgSecCheck',
    {
      openid,
      scene,
      version: 2,
      content,
    }
  )
  if (res.errcode && res.errcode !== 0) throw new Error(`msgSecCheck errcode ${res.errcode}`)
  return res.result?.suggest === 'pass'
}

/**
 * The image check port: WeChat's `security.imgSecCheck` on the bytes (the emulator answers the
 * same wire call locally). 'risky' (87014), 'invalid' (not an image the check takes: 40004,
 * 40006), 'pass'. Any other failure throws (fails closed, as the text check).
 */
export async function imageCheck(
  bytes: Buffer,
  contentType: string
): Promise<'pass' | 'risky' | 'invalid'> {
  const verdict = (code: number | undefined) =>
    code === 87014 ? 'risky' : code === 40004 || code === 40006 ? 'invalid' : null
  try {
    const res = await openapi<{ errcode?: number; errCode?: number }>('security', 'imgSecCheck', {
      media: { contentType, value: bytes },
    })
    const code = res.errcode ?? res.errCode
    if (!code) return 'pass'
    const v = verdict(code)
    if (v) return v
    throw new Error(`imgSecCheck errcode ${code}`)
  } catch (err) {
    const v = verdict((err as { errCode?: number }).errCode)
    if (v) return v
    throw err
  }
}
