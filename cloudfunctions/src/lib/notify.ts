import { SUBSCRIBE_TEMPLATES as TEMPLATES, type TemplateKey } from '@/contract/templates'
import { openapi } from './cloud'

// Template ids come from the mini-program's template library, set per environment as env vars on
// the cloud function (HONGLIN_TPL_<suffix>, keys in src/contract/templates.ts); the variable's
// name stands in until then.
export type { TemplateKey }

const templateId = (key: TemplateKey): string => {
  const name = `HONGLIN_TPL_${TEMPLATES[key]}`
  return process.env[name] ?? name
}

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
