import type { TemplateKey } from '@/contract/templates'

// Which subscribe messages of the volunteer flow to ask for at each tap. The keys are the
// contract's (src/contract/templates.ts); their ids are filled in at build time from
// TARO_APP_TPL_<suffix> (config/index.ts). Until an id is configured nothing is asked.

export type SubscribeMoment = 'register' | 'signup'

declare const HONGLIN_TEMPLATE_IDS: Partial<Record<TemplateKey, string>> | undefined

/** On applying: the review's outcome. On signing up: a promotion from the waitlist, hours credited. */
const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  register: ['volunteerReviewed'],
  signup: ['signupPromoted', 'hoursCredited'],
}

/** The configured template ids to request at this moment. */
export function templatesFor(moment: SubscribeMoment): string[] {
  const ids =
    typeof HONGLIN_TEMPLATE_IDS === 'object' && HONGLIN_TEMPLATE_IDS ? HONGLIN_TEMPLATE_IDS : {}
  return ASKED[moment].map((key) => ids[key] ?? '').filter((id) => id !== '')
}
