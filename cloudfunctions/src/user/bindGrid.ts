import { BindGridInput } from '@/contract/user'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db, openapi } from '../lib/cloud'
import { users, type UserDoc } from '../lib/actor'
import { count } from '../lib/counting'
import { isDuplicateKey } from '../lib/store'
import { riskyField } from '../lib/screen'
import { findCommunity, type GridDoc } from '../lib/places'
import { userCounted } from './counters'
import { DEFAULT_NICKNAME, meView } from './view'

/** Exchanges the weapp getPhoneNumber code for the number (phonenumber.getPhoneNumber). */
async function phoneFromCode(code: string): Promise<string | null> {
  try {
    const res = await openapi<{ errcode?: number; phoneInfo?: { purePhoneNumber?: string } }>(
      'phonenumber',
      'getPhoneNumber',
      { code }
    )
    return res.phoneInfo?.purePhoneNumber ?? null
  } catch {
    return null
  }
}

/**
 * Binds the caller to a grid, building and room. The binding starts unverified (`pending`) until
 * a grid worker of that grid or the community committee verifies it. Moving to another address
 * starts a new verification; submitting the same address again changes nothing.
 */
export const bindGrid = action(
  BindGridInput,
  async ({ actor, input, joined, audit }) => {
    const grid = joined.grid?.[0] as unknown as GridDoc | undefined
    if (!grid) return fail('INVALID_INPUT', '网格不存在，请重新选择', 'gridId')
    const building = grid.buildings.find((b) => b.id === input.buildingId)
    if (!building) return fail('INVALID_INPUT', '楼栋不属于这个网格，请重新选择', 'buildingId')

    let phone = input.phone
    if (input.phoneCode) {
      const fromCode = await phoneFromCode(input.phoneCode)
      if (!fromCode) return fail('INVALID_INPUT', '手机号授权失败，请重试或手动填写', 'phone')
      phone = fromCode
    }

    const prev = actor.user
    const sameAddress =
      prev?.gridId === grid._id && prev.buildingId === building.id && prev.room === input.room
    if (
      prev &&
      sameAddress &&
      prev.bindStatus !== 'rejected' &&
      prev.realName === input.name &&
      (!phone || phone === prev.phone)
    ) {
      return ok(meView(actor.openid, prev))
    }
    // The name is shown to staff and, masked, to neighbours: checked like any text others read.
    if (await riskyField(actor.openid, { name: input.name }, 1)) {
      return fail('CONTENT_REJECTED', '姓名包含不适宜的内容，请填写真实姓名', 'name')
    }
    const communityName = grid.communityName ?? (await findCommunity(grid.communityId))?.name ?? ''
    const now = new Date()
    const { _id: _ignored, ...rest } = prev ?? ({} as Record<string, unknown>)
    const doc = {
      ...rest,
      openid: actor.openid,
      nickname: prev?.nickname || DEFAULT_NICKNAME,
      roles: (prev?.roles ?? []).filter((r) => r !== 'resident'),
      workerGridIds: prev?.workerGridIds ?? [],
      elderMode: prev?.elderMode ?? false,
      bindStatus: 'pending' as const,
      gridId: grid._id,
      gridName: grid.name,
      communityId: grid.communityId,
      communityName,
      buildingId: building.id,
      buildingName: building.name,
      room: input.room,
      realName: input.name,
      phone: phone ?? prev?.phone ?? '',
      boundAt: now,
      createdAt: prev?.createdAt ?? now,
      updatedAt: now,
    }
    delete (doc as Record<string, unknown>).rejectReason
    delete (doc as Record<string, unknown>).verifiedAt
    delete (doc as Record<string, unknown>).verifiedBy
    // Conditional on the profile we read (a first binding creates it): of two binds at once one
    // lands and the other is told to retry, so the binding and its counters stay one.
    const _ = db().command
    const stamp = { boundAt: db().serverDate(), updatedAt: db().serverDate() }
    const landed = prev
      ? (
          await users()
            .where({ _id: actor.openid, updatedAt: prev.updatedAt ?? _.exists(false) })
            .update({
              data: {
                ...doc,
                ...stamp,
                rejectReason: _.remove(),
                verifiedAt: _.remove(),
                verifiedBy: _.remove(),
              },
            })
        ).stats.updated === 1
      : await users()
          .add({ data: { _id: actor.openid, ...doc, ...stamp } })
          .then(
            () => true,
            (err: unknown) => {
              if (isDuplicateKey(err)) return false
              throw err
            }
          )
    if (!landed) return fail('CONFLICT', '您的资料刚刚有了变化，请重试')
    const after = { _id: actor.openid, ...doc } as UserDoc
    await count(userCounted, prev, after)
    audit('user.bindGrid', actor.openid, {
      gridId: grid._id,
      buildingId: building.id,
      moved: !!prev?.gridId,
    })
    return ok(meView(actor.openid, after))
  },
  { load: (input) => [{ as: 'grid', from: 'grids', field: '_id', equals: input.gridId }] }
)
