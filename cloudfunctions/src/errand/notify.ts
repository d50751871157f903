import { ERRAND_TYPE_LABELS } from '@/contract/errand'
import { notify, thing, type TemplateKey } from '../lib/notify'
import type { ErrandDoc } from './store'

// Subscribe messages of the errand flow. Best effort (see lib/notify): a failed message never
// undoes the change. No names or phones: the message opens the errand, where the viewer's rights
// apply.

const page = (id: string) => `packages/errand/pages/detail/index?id=${id}`
const phrase = (s: string) => ({ value: Array.from(s).slice(0, 5).join('') })

const send = (to: string, key: TemplateKey, e: ErrandDoc, state: string, text: string) =>
  notify(to, key, page(e._id), {
    thing1: thing(ERRAND_TYPE_LABELS[e.type] ?? '红色代办'),
    phrase2: phrase(state),
    thing3: thing(text),
  })

/** Many people at once (each its own message); how many were sent. */
async function sendAll(
  to: string[],
  key: TemplateKey,
  e: ErrandDoc,
  state: string,
  text: string
): Promise<number> {
  const sent = await Promise.all([...new Set(to)].map((t) => send(t, key, e, state, text)))
  return sent.filter(Boolean).length
}

export const tellAccepted = (e: ErrandDoc) =>
  send(e.bookerOpenid, 'errandAccepted', e, '已接单', '红色代办员会按约定时间为您办理')

export const tellCompleted = (e: ErrandDoc) =>
  send(e.bookerOpenid, 'errandCompleted', e, '待销单', '代办已办结，请确认并评价')

export const tellExpired = (e: ErrandDoc) =>
  send(e.bookerOpenid, 'errandExpired', e, '已过期', '暂时无人接单，可重新预约或联系网格员')

/** One-tap help: the grid's workers and red agents at once. */
export const tellHelp = (e: ErrandDoc, workers: string[], agents: string[]) =>
  Promise.all([
    sendAll(workers, 'errandAlert', e, '一键求助', '居民发起一键求助，请尽快联系'),
    sendAll(agents, 'errandPool', e, '一键求助', '网格内有居民一键求助，请尽快接单'),
  ])

/** Escalation: the staff of the new level told, and the agents whose pool grew. */
export const tellEscalated = (e: ErrandDoc, staff: string[], agents: string[], level: string) =>
  Promise.all([
    sendAll(staff, 'errandAlert', e, '代办升级', `有代办升级到${level}，尚无人接单`),
    sendAll(agents, 'errandPool', e, '待接代办', '社区有代办等待接单'),
  ])

export const tellOverdue = (e: ErrandDoc, staff: string[]) =>
  sendAll(staff, 'errandAlert', e, '代办超时', '有代办接单超过 48 小时未办结')
