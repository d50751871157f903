import type { TemplateKey } from '@/contract/templates'
import { subscriber } from '../../services/subscribe'

// Which subscribe messages of the errand flow to ask for at each tap. The keys are the contract's
// (src/contract/templates.ts, the same the functions send by).

export type SubscribeMoment = 'book' | 'help' | 'accept'

/**
 * What each tap asks to be told about later (WeChat allows three per request). The booker, on
 * booking: accepted, completed, expired. On one-tap help: accepted and completed. A red agent, on
 * accepting: errands that enter their pool later.
 */
export const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  book: ['errandAccepted', 'errandCompleted', 'errandExpired'],
  help: ['errandAccepted', 'errandCompleted'],
  accept: ['errandPool'],
}

export const askToSubscribe = subscriber(ASKED)
