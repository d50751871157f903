import type { TemplateKey } from '@/contract/templates'
import { subscriber } from '../../services/subscribe'

// Which subscribe messages of the deliberation flow to ask for at each tap. The keys are the
// contract's (src/contract/templates.ts, the same the functions send by).

export type SubscribeMoment = 'discussion' | 'voting'

/**
 * What each tap asks to be told about later. Taking part in a discussion: when voting opens and
 * when the result is published. Voting (or discussing while voting): the result.
 */
export const ASKED: Record<SubscribeMoment, TemplateKey[]> = {
  discussion: ['votingOpened', 'resultPublished'],
  voting: ['resultPublished'],
}

export const askToSubscribe = subscriber(ASKED)
