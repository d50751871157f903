import { openapi } from './cloud'

// Subscribe-message templates. Ids come from the mini-program's template library; override per
// environment with env vars on the cloud function (HONGLIN_TPL_<KEY>).
export const TEMPLATES = {
  bindResult: 'HONGLIN_TPL_BIND_RESULT',
  wishClaimed: 'HONGLIN_TPL_WISH_CLAIMED',
  wishFulfilled: 'HONGLIN_TPL_WISH_FULFILLED',
  wishThanked: 'HONGLIN_TPL_WISH_THANKED',
  wishReviewed: 'HONGLIN_TPL_WISH_REVIEWED',
} as const

export type TemplateKey = keyof typeof TEMPLATES

const templateId = (key: TemplateKey): string => process.env[TEMPLATES[key]] ?? TEMPLATES[key]

/** `thing` values are limited to 20 characters by WeChat. */
export const thing = (s: string): { value: string } => ({
  value: Array.from(s).slice(0, 20).join(''),
})

/**
 * Sends a subscribe message. Best effort: a user who did not subscribe (errcode 43101) or a
 * failure of the message service must never undo the state change that caused it.
 */
export async function notify(
  touser: string,
  key: TemplateKey,
  page: string,
  data: Record<string, { value: string }>
): Promise<boolean> {
  try {
    const res = await openapi<{ errcode?: number }>('subscribeMessage', 'send', {
      touser,
      templateId: templateId(key),
      page,
      data,
      miniprogramState: process.env.HONGLIN_MP_STATE ?? 'formal',
    })
    return !res.errcode
  } catch (e) {
    console.warn('notify failed', key, (e as Error).message)
    return false
  }
}
