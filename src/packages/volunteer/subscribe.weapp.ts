import Taro from '@tarojs/taro'
import { templatesFor, type SubscribeMoment } from './subscribe-templates'

export type { SubscribeMoment }

/**
 * Asks the user to allow the messages that follow this tap (WeChat only asks from a tap: call it
 * first in the handler). Never fails: a user who declines still gets the action.
 */
export async function askToSubscribe(moment: SubscribeMoment): Promise<void> {
  const tmplIds = templatesFor(moment)
  if (!tmplIds.length) return
  try {
    // Taro's type also demands Alipay's `entityIds`; WeChat reads `tmplIds` only.
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)
  } catch {
    // Declined, or not supported here: the action goes on without messages.
  }
}
