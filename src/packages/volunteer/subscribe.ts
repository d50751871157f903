import type { TemplateKey } from '@/contract/templates'
import { subscriber } from '../../services/subscribe'

// Which subscribe messages of the volunteer flow to ask for at each tap. The keys are the
// contract's (src/contract/templates.ts, the same the functions send by).

export type SubscribeMoment = 'register' | 'signup'

/** On applying: the review's outcome. On signing up: a promotion from the waitlist, hours credited. */
export const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  register: ['volunteerReviewed'],
  signup: ['signupPromoted', 'hoursCredited'],
}

export const askToSubscribe = subscriber(ASKED)
