// Subscribe-message templates of the wish flow, the ones cloudfunctions/src/wish/messages.ts
// sends. Ids come from the mini-program's template library at build time: put
// TARO_APP_TPL_WISH_REVIEWED, …_CLAIMED, …_FULFILLED and …_THANKED in the shell or `.env`
// (config/index.ts passes them to the build). Until then the placeholders below stand in and
// nothing is asked.

export type SubscribeMoment = 'create' | 'claim' | 'confirm'

// An id Taro did not define leaves `process.env.X` in the bundle, which has no `process` in weapp.
const env = (read: () => string | undefined, placeholder: string): string => {
  try {
    return read() || placeholder
  } catch {
    return placeholder
  }
}

export const WISH_TEMPLATES = {
  reviewed: env(() => process.env.TARO_APP_TPL_WISH_REVIEWED, 'HONGLIN_TPL_WISH_REVIEWED'),
  claimed: env(() => process.env.TARO_APP_TPL_WISH_CLAIMED, 'HONGLIN_TPL_WISH_CLAIMED'),
  fulfilled: env(() => process.env.TARO_APP_TPL_WISH_FULFILLED, 'HONGLIN_TPL_WISH_FULFILLED'),
  thanked: env(() => process.env.TARO_APP_TPL_WISH_THANKED, 'HONGLIN_TPL_WISH_THANKED'),
}

type TemplateKey = keyof typeof WISH_TEMPLATES

/**
 * What each tap asks to be told about later. The author, on posting: the review, the claim and
 * the fulfilment (WeChat allows three per request). The claimer, on claiming: the thanks. On
 * confirming nothing is left to tell the author about this wish, so nothing is asked.
 */
const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  create: ['reviewed', 'claimed', 'fulfilled'],
  claim: ['thanked'],
  confirm: [],
}

const isPlaceholder = (id: string) => id.startsWith('HONGLIN_TPL_')

/** The real template ids to request at this moment (placeholders are left out). */
export function templatesFor(moment: SubscribeMoment): string[] {
  return ASKED[moment].map((key) => WISH_TEMPLATES[key]).filter((id) => !isPlaceholder(id))
}
