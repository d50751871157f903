import Taro from '@tarojs/taro'
import type { TemplateKey } from '@/contract/templates'

// The subscribe prompt of the weapp build; H5 (local mode) and jest resolve `subscribe.ts`, where
// there are no subscribe messages. A domain gives what each of its taps asks for.

declare const HONGLIN_TEMPLATE_IDS: Partial<Record<TemplateKey, string>> | undefined

/** The configured template ids of `keys` (filled in at build time from TARO_APP_TPL_<suffix>). */
function configured(keys: readonly TemplateKey[]): string[] {
  const ids =
    typeof HONGLIN_TEMPLATE_IDS === 'object' && HONGLIN_TEMPLATE_IDS ? HONGLIN_TEMPLATE_IDS : {}
  return keys.map((key) => ids[key] ?? '').filter((id) => id !== '')
}

/**
 * A domain's `askToSubscribe(moment)`: asks the user to allow the messages that follow this tap.
 * WeChat only allows it from a tap, so call it first in the tap handler, before any request.
 * Until an id is configured nothing is asked. Never fails: a user who declines (or an old
 * WeChat) still gets the action.
 */
export function subscriber<M extends string>(asked: Record<M, readonly TemplateKey[]>) {
  return async function askToSubscribe(moment: M): Promise<void> {
    const tmplIds = configured(asked[moment])
    if (!tmplIds.length) return
    try {
      // Taro's type also demands Alipay's `entityIds`; WeChat reads `tmplIds` only.
      await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)
    } catch {
      // Declined, or not supported here: the action goes on without messages.
    }
  }
}
