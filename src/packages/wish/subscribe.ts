import type { TemplateKey } from '@/contract/templates'
import { subscriber } from '../../services/subscribe'

// Which subscribe messages of the wish flow to ask for at each tap. The keys are the contract's
// (src/contract/templates.ts, the same the functions send by).

export type SubscribeMoment = 'create' | 'claim' | 'confirm'

/**
 * What each tap asks to be told about later. The author, on posting: the review, the claim and
 * the fulfilment (WeChat allows three per request). The claimer, on claiming: the thanks. On
 * confirming nothing is left to tell the author about this wish, so nothing is asked.
 */
export const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  create: ['wishReviewed', 'wishClaimed', 'wishFulfilled'],
  claim: ['wishThanked'],
  confirm: [],
}

export const askToSubscribe = subscriber(ASKED)
