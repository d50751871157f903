import type { TemplateKey } from '@/contract/templates'

// Which subscribe messages of the errand flow to ask for at each tap. The keys are the contract's
// (src/contract/templates.ts, the same the functions send by); their ids are filled in at build
// time from TARO_APP_TPL_<suffix> (config/index.ts). Until an id is configured nothing is asked.

export type SubscribeMoment = 'book' | 'help' | 'accept'

declare const HONGLIN_TEMPLATE_IDS: Partial<Record<TemplateKey, string>> | undefined

/**
 * What each tap asks to be told about later (WeChat allows three per request). The booker, on
 * booking: accepted, completed, expired. On one-tap help: accepted and completed. A red agent, on
 * accepting: errands that enter their pool later.
 */
const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  book: ['errandAccepted', 'errandCompleted', 'errandExpired'],
  help: ['errandAccepted', 'errandCompleted'],
  accept: ['errandPool'],
}

/** The configured template ids to request at this moment. */
export function templatesFor(moment: SubscribeMoment): string[] {
  const ids =
    typeof HONGLIN_TEMPLATE_IDS === 'object' && HONGLIN_TEMPLATE_IDS ? HONGLIN_TEMPLATE_IDS : {}
  return ASKED[moment].map((key) => ids[key] ?? '').filter((id) => id !== '')
}
