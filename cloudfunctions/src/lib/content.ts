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
