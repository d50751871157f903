import { notify, thing } from '../lib/notify'
import type { UserDoc } from '../lib/actor'

// Subscribe messages of the user domain. Best effort (see lib/notify): a failed message never
// undoes the change.

/** The resident learns whether their binding was verified. */
export const tellBindResult = (target: Pick<UserDoc, '_id' | 'gridName'>, approved: boolean) =>
  notify(target._id, 'bindResult', 'pages/mine/index', {
    phrase1: { value: approved ? '已认证' : '未通过' },
    thing2: thing(target.gridName ?? '网格绑定'),
  })
