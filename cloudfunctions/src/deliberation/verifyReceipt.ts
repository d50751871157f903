import { VerifyReceiptInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { canSee } from './policy'
import { joinedTopic, topicById, type BallotDoc } from './store'
import { NOT_SEEN } from './view'

/**
 * Whether and how the ballot with this receipt was counted: anyone who may see the topic and
 * holds the receipt. The ballot is found by its receipt alone; nothing says whose it is.
 */
export const verifyReceipt = action(
  VerifyReceiptInput,
  async ({ actor, input, joined }) => {
    const t = joinedTopic(joined)
    if (!t || !canSee(actor, t)) return fail('NOT_FOUND', NOT_SEEN)
    const receipt = input.receipt.trim().toUpperCase()
    const b = ((joined.ballot ?? []) as unknown as BallotDoc[]).find(
      (x) => x.kind === 'ballot' && x.topicId === t._id && x.receipt === receipt
    )
    if (!b) return ok({ counted: false })
    return ok({ counted: true, optionIndex: b.optionIndex, origin: b.origin })
  },
  {
    read: true,
    load: (input) => [
      topicById(input.id),
      {
        as: 'ballot',
        from: 'deliberationVotes',
        field: 'receipt',
        equals: input.receipt.trim().toUpperCase(),
      },
    ],
  }
)
