import type { TemplateKey } from '@/contract/templates'
import { subscriber } from '../../services/subscribe'

// Which subscribe messages of the matter flow to ask for at each tap. The keys are the contract's
// (src/contract/templates.ts, the same the functions send by).

export type SubscribeMoment = 'report' | 'accept' | 'escalate'

/**
 * What each tap asks to be told about later (WeChat allows three per request). The reporter, on
 * reporting: accepted, a progress note, resolved. Staff, on accepting or escalating: new and
 * escalated matters at their level.
 */
export const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  report: ['matterAccepted', 'matterReplied', 'matterResolved'],
  accept: ['matterAlert'],
  escalate: ['matterAlert'],
}

export const askToSubscribe = subscriber(ASKED)
