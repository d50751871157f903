import type { Topic, TopicComment } from '@/contract/deliberation'
import type { Envelope } from '../../helpers/emulator'
import { call, CM, data, DelibFlow, GW, R1, R2, R4, topicInput, useEmulator, V1 } from './helpers'

// Every state change answers the changed item as `get` (or `listComments`) shows it right after,
// with `can`, to the one who made it: the page can draw the answer without reading again. The
// vote's answer differs only by the receipt, which nothing stores.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())

/** The answer's topic equals what `get` shows the same viewer right after. */
async function sameAsGet(who: string, answer: Envelope<Topic>): Promise<Topic> {
  const t = data(answer)
  expect(t).toEqual(data(await flow().get(who, t.id)))
  return t
}

async function sameAsListed(who: string, answer: Envelope<TopicComment>): Promise<void> {
  const c = data(answer)
  expect(c).toEqual(await flow().commentAs(who, c.topicId, c.id))
}

describe('deliberation answers: the item as get shows it', () => {
  it('create, openVoting, vote, recordInPerson, close, addUpdate, followUp', async () => {
    const t = await sameAsGet(
      CM,
      await call(emu(), 'deliberation', CM, 'create', topicInput(emu()))
    )
    await sameAsGet(CM, await call(emu(), 'deliberation', CM, 'openVoting', { id: t.id }))
    const voted = data(await flow().vote(R1, t.id, 0))
    const { receipt: _r, ...myVote } = voted.topic.myVote
    expect({ ...voted.topic, myVote }).toEqual(data(await flow().get(R1, t.id)))
    const meeting = data(
      await call(emu(), 'deliberation', CM, 'recordInPerson', {
        id: t.id,
        votes: [{ openid: R2, optionIndex: 1 }],
      })
    )
    expect(meeting.topic).toEqual(data(await flow().get(CM, t.id)))
    const closed = await sameAsGet(CM, await call(emu(), 'deliberation', CM, 'close', { id: t.id }))
    expect(closed.outcome).toBe('tie')
    await sameAsGet(
      CM,
      await call(emu(), 'deliberation', CM, 'addUpdate', { id: t.id, text: '下一轮再议' })
    )
    await sameAsGet(
      CM,
      await call(emu(), 'deliberation', CM, 'followUp', { id: t.id, ...topicInput(emu()) })
    )
  })

  it('comment, reportComment, hideComment, restoreComment', async () => {
    const t = await flow().create(GW)
    const c = await call(emu(), 'deliberation', R1, 'comment', { id: t.id, content: '赞成' })
    await sameAsListed(R1, c)
    const id = data(c).id
    await sameAsListed(
      R2,
      await call(emu(), 'deliberation', R2, 'reportComment', { commentId: id })
    )
    await sameAsListed(
      R4,
      await call(emu(), 'deliberation', R4, 'reportComment', { commentId: id })
    )
    await sameAsListed(
      V1,
      await call(emu(), 'deliberation', V1, 'reportComment', { commentId: id })
    )
    await sameAsListed(
      GW,
      await call(emu(), 'deliberation', GW, 'hideComment', { commentId: id, reason: '广告' })
    )
    await sameAsListed(
      CM,
      await call(emu(), 'deliberation', CM, 'restoreComment', { commentId: id })
    )
  })
})
