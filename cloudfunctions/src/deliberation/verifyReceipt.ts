import { VerifyReceiptInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { canSee } from './policy'
import { joinedTopic, topicById, type BinDoc } from './store'
import { NOT_SEEN } from './view'

/**
 * Whether and how the ballot with this receipt was counted: anyone who may see the topic and
 * holds the receipt. The ballot is found by its receipt alone (the bin holding it, read with the
 * caller); the answer holds that ballot only, and nothing says whose it is.
 */
export const verifyReceipt = action(
  VerifyReceiptInput,
  async ({ actor, input, joined }) => {
    const t = joinedTopic(joined)
    if (!t || !canSee(actor, t)) return fail('NOT_FOUND', NOT_SEEN)
    const receipt = normal(input.receipt)
    const bin = ((joined.bin ?? []) as unknown as BinDoc[]).find((x) => x.topicId === t._id)
    const b = bin?.ballots.find((x) => x.receipt === receipt)
    if (!b) return ok({ counted: false })
    return ok({ counted: true, optionIndex: b.optionIndex, origin: b.origin })
  },
  {
    read: true,
    load: (input) => [
      topicById(input.id),
      {
        as: 'bin',
        from: 'deliberationBallots',
        field: 'ballots.receipt',
        equals: normal(input.receipt),
      },
    ],
  }
)

const normal = (receipt: string) => receipt.trim().toUpperCase()
