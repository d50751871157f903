import { notify, thing } from '../lib/notify'
import type { ActivityDoc } from './store'

// Subscribe messages of the volunteer flow. Best effort (see lib/notify): a failed message never
// undoes the change. No names or phones: the message opens the page, where the viewer's rights
// apply.

const activityPage = (id: string) => `packages/volunteer/pages/activity/index?id=${id}`
const phrase = (s: string) => ({ value: Array.from(s).slice(0, 5).join('') })

export const tellReviewed = (openid: string, approved: boolean, reason?: string | null) =>
  notify(openid, 'volunteerReviewed', 'packages/volunteer/pages/apply/index', {
    thing1: thing('志愿者申请'),
    phrase2: phrase(approved ? '审核通过' : '未通过'),
    thing3: thing(approved ? '欢迎加入志愿服务队' : reason || '可修改后重新申请'),
  })

export const tellPromoted = (openid: string, a: ActivityDoc) =>
  notify(openid, 'signupPromoted', activityPage(a._id), {
    thing1: thing(a.title),
    phrase2: phrase('候补成功'),
    thing3: thing('您已由候补转为正式报名'),
  })

/** Each attendee told; how many were sent. */
export async function tellCredited(openids: string[], a: ActivityDoc): Promise<number> {
  const sent = await Promise.all(
    openids.map((o) =>
      notify(o, 'hoursCredited', 'packages/volunteer/pages/record/index', {
        thing1: thing(a.title),
        phrase2: phrase('时长已记录'),
        thing3: thing(`本次服务 ${a.hours} 小时`),
      })
    )
  )
  return sent.filter(Boolean).length
}
