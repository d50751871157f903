import { notify, thing } from '../lib/notify'
import type { WishDoc } from './store'

// Subscribe messages of the wish flow. Best effort (see notify): a failed message never undoes
// the change. No names or phones: the message opens the wish, where the viewer's rights apply.

const page = (id: string) => `packages/wish/pages/detail/index?id=${id}`
const phrase = (s: string) => ({ value: Array.from(s).slice(0, 5).join('') })

export const tellReviewed = (w: WishDoc, approved: boolean, reason?: string) =>
  notify(w.authorOpenid, 'wishReviewed', page(w._id), {
    thing1: thing(w.title),
    phrase2: phrase(approved ? '审核通过' : '未通过'),
    thing3: thing(approved ? '已发布，等待志愿者认领' : reason || '请修改后重新提交'),
  })

export const tellClaimed = (w: WishDoc) =>
  notify(w.authorOpenid, 'wishClaimed', page(w._id), {
    thing1: thing(w.title),
    phrase2: phrase('已认领'),
    thing3: thing('志愿者会尽快联系您'),
  })

export const tellFulfilled = (w: WishDoc) =>
  notify(w.authorOpenid, 'wishFulfilled', page(w._id), {
    thing1: thing(w.title),
    phrase2: phrase('待确认'),
    thing3: thing('请确认心愿已实现并送上感谢'),
  })

export const tellThanked = (w: WishDoc, thanks: string | null) =>
  w.claimerOpenid
    ? notify(w.claimerOpenid, 'wishThanked', page(w._id), {
        thing1: thing(w.title),
        phrase2: phrase('已点亮'),
        thing3: thing(thanks || '谢谢您的帮助'),
      })
    : Promise.resolve(false)
