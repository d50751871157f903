import type { TemplateKey } from '@/contract/templates'

// Which subscribe messages of the wish flow to ask for at each tap. The keys are the contract's
// (src/contract/templates.ts, the same the functions send by); their ids are filled in at build
// time from TARO_APP_TPL_<suffix> (config/index.ts). Until an id is configured nothing is asked.

export type SubscribeMoment = 'create' | 'claim' | 'confirm'

declare const HONGLIN_TEMPLATE_IDS: Partial<Record<TemplateKey, string>> | undefined

/**
 * What each tap asks to be told about later. The author, on posting: the review, the claim and
 * the fulfilment (WeChat allows three per request). The claimer, on claiming: the thanks. On
 * confirming nothing is left to tell the author about this wish, so nothing is asked.
 */
const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  create: ['wishReviewed', 'wishClaimed', 'wishFulfilled'],
  claim: ['wishThanked'],
  confirm: [],
}

/** The configured template ids to request at this moment. */
export function templatesFor(moment: SubscribeMoment): string[] {
  const ids =
    typeof HONGLIN_TEMPLATE_IDS === 'object' && HONGLIN_TEMPLATE_IDS ? HONGLIN_TEMPLATE_IDS : {}
  return ASKED[moment].map((key) => ids[key] ?? '').filter((id) => id !== '')
}
