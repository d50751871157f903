import Taro from '@tarojs/taro'

// A voter's receipt lives on their own phone only: the server answers it once, in the reply to
// the vote, and never again. Kept per viewer and topic (one phone may serve several people).

const key = (openid: string, topicId: string) => `deliberation.receipt.${openid}.${topicId}`

export function keepReceipt(openid: string, topicId: string, receipt: string): void {
  try {
    Taro.setStorageSync(key(openid, topicId), receipt)
  } catch {
    // Storage full or refused: the receipt still shows now, and the voter can copy it.
  }
}

export function keptReceipt(openid: string, topicId: string): string | null {
  try {
    const kept: unknown = Taro.getStorageSync(key(openid, topicId))
    return typeof kept === 'string' && kept ? kept : null
  } catch {
    return null
  }
}
