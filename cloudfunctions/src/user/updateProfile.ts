import { UpdateProfileInput } from '@/contract/user'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { users, type UserDoc } from '../lib/actor'
import { isTextSafe } from '../lib/content'
import { DEFAULT_NICKNAME, meView } from './view'

export const updateProfile = action(UpdateProfileInput, async ({ actor, input, audit }) => {
  if (input.nickname !== undefined && !(await isTextSafe(actor.openid, input.nickname, 1))) {
    return fail('CONTENT_REJECTED', '昵称包含不适宜的内容，请修改', 'nickname')
  }
  const changes: Partial<UserDoc> = {}
  if (input.nickname !== undefined) changes.nickname = input.nickname
  if (input.elderMode !== undefined) changes.elderMode = input.elderMode
  if (input.creditByName !== undefined) changes.creditByName = input.creditByName
  if (actor.user) {
    await users()
      .doc(actor.openid)
      .update({ data: { ...changes, updatedAt: db().serverDate() } })
  } else {
    // First write for someone who has not bound yet: create the record with defaults.
    await users()
      .doc(actor.openid)
      .set({
        data: {
          openid: actor.openid,
          nickname: DEFAULT_NICKNAME,
          roles: [],
          bindStatus: 'none',
          workerGridIds: [],
          elderMode: false,
          ...changes,
          createdAt: db().serverDate(),
          updatedAt: db().serverDate(),
        },
      })
  }
  audit('user.updateProfile', actor.openid, { fields: Object.keys(changes) })
  const base =
    actor.user ??
    ({
      _id: actor.openid,
      roles: [],
      bindStatus: 'none',
      workerGridIds: [],
      elderMode: false,
    } as unknown as UserDoc)
  return ok(meView(actor.openid, { ...base, ...changes }))
})
