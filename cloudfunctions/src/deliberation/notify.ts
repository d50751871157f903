import { notify, thing } from '../lib/notify'
import type { TopicDoc } from './store'

// Subscribe messages of the deliberation flow. Best effort (see lib/notify). They name the topic
// and the phase, never an option, a count or anyone's vote: the result is read in the app.

const page = (id: string) => `packages/deliberation/pages/detail/index?id=${id}`
const phrase = (s: string) => ({ value: Array.from(s).slice(0, 5).join('') })

/** To each resident on the roll (each its own message): voting has opened. How many were sent. */
export async function tellVotingOpened(t: TopicDoc, to: string[]): Promise<number> {
  const sent = await Promise.all(
    to.map((openid) =>
      notify(openid, 'votingOpened', page(t._id), {
        thing1: thing(t.title),
        phrase2: phrase('投票中'),
        thing3: thing('议题已开始投票，欢迎参与'),
      })
    )
  )
  return sent.filter(Boolean).length
}

/** To each resident on the roll: the result is published. */
export async function tellResultPublished(t: TopicDoc, to: string[]): Promise<number> {
  const sent = await Promise.all(
    to.map((openid) =>
      notify(openid, 'resultPublished', page(t._id), {
        thing1: thing(t.title),
        phrase2: phrase('已结束'),
        thing3: thing('投票结果已公布，点击查看'),
      })
    )
  )
  return sent.filter(Boolean).length
}
