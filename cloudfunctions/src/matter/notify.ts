import { MATTER_CATEGORY_LABELS } from '@/contract/matter'
import { notify, thing, type TemplateKey } from '../lib/notify'
import type { MatterDoc } from './store'

// Subscribe messages of the matter flow. Best effort (see lib/notify): a failed message never
// undoes the change. No names or phones: the message opens the matter, where the viewer's rights
// apply.

const page = (id: string) => `packages/matter/pages/detail/index?id=${id}`
const phrase = (s: string) => ({ value: Array.from(s).slice(0, 5).join('') })

const send = (to: string, key: TemplateKey, m: MatterDoc, state: string, text: string) =>
  notify(to, key, page(m._id), {
    thing1: thing(MATTER_CATEGORY_LABELS[m.category] ?? '居民说事'),
    phrase2: phrase(state),
    thing3: thing(text),
  })

/** Many people at once (each its own message, never the reporter); how many were sent. */
async function sendAll(to: string[], m: MatterDoc, state: string, text: string): Promise<number> {
  const people = [...new Set(to)].filter((t) => t !== m.reporterOpenid)
  const sent = await Promise.all(people.map((t) => send(t, 'matterAlert', m, state, text)))
  return sent.filter(Boolean).length
}

export const tellAccepted = (m: MatterDoc) =>
  send(
    m.reporterOpenid,
    'matterAccepted',
    m,
    '已受理',
    `${m.handler ?? '工作人员'}已受理您反映的问题`
  )

export const tellReplied = (m: MatterDoc) =>
  send(m.reporterOpenid, 'matterReplied', m, '有进展', '您反映的问题有新的处理进展')

export const tellResolved = (m: MatterDoc) =>
  send(m.reporterOpenid, 'matterResolved', m, '待评价', '问题已处理，请确认并评价')

/** A new matter in the grid: its grid workers. */
export const tellReported = (m: MatterDoc, workers: string[]) =>
  sendAll(workers, m, '新说事', '网格内有居民反映问题，请及时受理')

/** Up to the community (by a grid worker, or the timer): the committee. */
export const tellEscalated = (m: MatterDoc, committee: string[], auto: boolean) =>
  sendAll(committee, m, '上报社区', auto ? '有说事超时未受理，已上报社区' : '网格员上报了一条说事')
