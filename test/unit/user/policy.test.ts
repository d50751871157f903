import { actorFrom, type UserDoc } from '../../../cloudfunctions/src/lib/actor'
import { servesGrid } from '../../../cloudfunctions/src/lib/policy'
import { canVerify, setRolesDenial } from '../../../cloudfunctions/src/user/policy'
import { demoData } from '../../../emulator/seed'
import type { Role } from '@/contract/roles'

const users = demoData().users as unknown as UserDoc[]
const actor = (openid: string) => actorFrom(openid, users.find((u) => u._id === openid) ?? null)
const pending = (gridId: string, communityId: string, id = 'newbie') =>
  ({ _id: id, bindStatus: 'pending', gridId, communityId }) as const

describe('who may verify a pending binding', () => {
  it.each([
    ['demo-gridworker-1', 'g1', 'c1', true],
    ['demo-gridworker-1', 'g2', 'c1', true],
    ['demo-gridworker-1', 'g3', 'c2', false],
    ['demo-committee-1', 'g2', 'c1', true],
    ['demo-committee-1', 'g3', 'c2', false],
    ['demo-admin', 'g3', 'c2', true],
    ['demo-resident-1', 'g1', 'c1', false],
    ['demo-volunteer-1', 'g1', 'c1', false],
    ['demo-newcomer', 'g1', 'c1', false],
  ])('%s for a binding in %s/%s → %s', (who, gridId, communityId, allowed) => {
    expect(canVerify(actor(who), pending(gridId, communityId))).toBe(allowed)
    expect(servesGrid(actor(who), { gridId, communityId })).toBe(allowed)
  })

  it('nobody verifies themselves or an already verified binding', () => {
    expect(canVerify(actor('demo-admin'), pending('g1', 'c1', 'demo-admin'))).toBe(false)
    expect(canVerify(actor('demo-gridworker-1'), { ...pending('g1', 'c1'), bindStatus: 'verified' })).toBe(false)
  })
})

describe('who may change whose roles', () => {
  const target = (communityId: string, id = 'demo-resident-2') => ({ _id: id, communityId })
  const r = (...roles: Role[]) => roles

  it.each([
    ['demo-committee-1', 'c1', r('resident'), r('resident', 'volunteer'), null],
    ['demo-committee-1', 'c1', r('resident'), r('resident', 'redAgent', 'gridWorker'), null],
    ['demo-committee-1', 'c1', r('resident', 'volunteer'), r('resident'), null],
    ['demo-committee-1', 'c1', r('resident'), r('resident', 'committee'), '社区两委和管理员角色只能由管理员授予'],
    ['demo-committee-1', 'c1', r('resident'), r('admin'), '社区两委和管理员角色只能由管理员授予'],
    ['demo-committee-1', 'c1', r('committee'), r(), '社区两委和管理员角色只能由管理员授予'],
    ['demo-committee-1', 'c2', r('resident'), r('resident', 'volunteer'), '只能设置本社区居民的角色'],
    ['demo-gridworker-1', 'c1', r('resident'), r('resident', 'volunteer'), '只有社区两委或管理员可以设置角色'],
    ['demo-resident-1', 'c1', r('resident'), r('resident', 'volunteer'), '只有社区两委或管理员可以设置角色'],
    ['demo-admin', 'c2', r('resident'), r('committee', 'admin'), null],
  ])('%s changing a %s user from %j to %j → %s', (who, community, before, after, denial) => {
    expect(setRolesDenial(actor(who), target(community), before, after)).toBe(denial)
  })

  it('a committee member cannot change their own roles', () => {
    expect(setRolesDenial(actor('demo-committee-1'), { _id: 'demo-committee-1', communityId: 'c1' }, [], ['volunteer'])).toBe(
      '不能修改自己的角色'
    )
  })
})
