import { actorFrom, type UserDoc } from '../../../cloudfunctions/src/lib/actor'
import { canFileFor, contactCan, servesGrid } from '../../../cloudfunctions/src/lib/policy'
import {
  canVerify,
  rosterScope,
  seesStaffContact,
  setRolesDenial,
  userAbilities,
} from '../../../cloudfunctions/src/user/policy'
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
    expect(
      canVerify(actor('demo-gridworker-1'), { ...pending('g1', 'c1'), bindStatus: 'verified' })
    ).toBe(false)
  })
})

describe('who may change whose roles', () => {
  const target = (communityId: string, id = 'demo-resident-2') => ({ _id: id, communityId })
  const r = (...roles: Role[]) => roles

  it.each([
    ['demo-committee-1', 'c1', r('resident'), r('resident', 'volunteer'), null],
    ['demo-committee-1', 'c1', r('resident'), r('resident', 'redAgent', 'gridWorker'), null],
    ['demo-committee-1', 'c1', r('resident', 'volunteer'), r('resident'), null],
    [
      'demo-committee-1',
      'c1',
      r('resident'),
      r('resident', 'committee'),
      '社区两委和管理员角色只能由管理员授予',
    ],
    ['demo-committee-1', 'c1', r('resident'), r('admin'), '社区两委和管理员角色只能由管理员授予'],
    ['demo-committee-1', 'c1', r('committee'), r(), '社区两委和管理员角色只能由管理员授予'],
    [
      'demo-committee-1',
      'c2',
      r('resident'),
      r('resident', 'volunteer'),
      '只能设置本社区居民的角色',
    ],
    [
      'demo-gridworker-1',
      'c1',
      r('resident'),
      r('resident', 'volunteer'),
      '只有社区两委或管理员可以设置角色',
    ],
    [
      'demo-resident-1',
      'c1',
      r('resident'),
      r('resident', 'volunteer'),
      '只有社区两委或管理员可以设置角色',
    ],
    ['demo-admin', 'c2', r('resident'), r('committee', 'admin'), null],
  ])('%s changing a %s user from %j to %j → %s', (who, community, before, after, denial) => {
    expect(setRolesDenial(actor(who), target(community), before, after)).toBe(denial)
  })

  it('a committee member cannot change their own roles', () => {
    expect(
      setRolesDenial(
        actor('demo-committee-1'),
        { _id: 'demo-committee-1', communityId: 'c1' },
        [],
        ['volunteer']
      )
    ).toBe('不能修改自己的角色')
  })
})

describe('who may file a wish for a resident (mirrors wish.createFor)', () => {
  const resident = (gridId: string, bindStatus = 'verified' as const, id = 'someone') =>
    ({ _id: id, bindStatus, gridId }) as const

  it.each([
    ['demo-gridworker-1', 'g1', true],
    ['demo-gridworker-1', 'g2', true],
    ['demo-gridworker-1', 'g3', false],
    ['demo-committee-1', 'g1', false],
    ['demo-admin', 'g1', false],
    ['demo-resident-1', 'g1', false],
    ['demo-volunteer-1', 'g1', false],
  ])('%s for a verified resident of %s → %s', (who, gridId, allowed) => {
    expect(canFileFor(actor(who), resident(gridId))).toBe(allowed)
  })

  it('not for an unverified binding, nor for oneself', () => {
    const worker = actor('demo-gridworker-1')
    expect(canFileFor(worker, { _id: 'x', bindStatus: 'pending', gridId: 'g1' })).toBe(false)
    expect(canFileFor(worker, resident('g1', 'verified', 'demo-gridworker-1'))).toBe(false)
  })
})

describe('whose residents the roster shows', () => {
  it.each([
    ['demo-gridworker-1', undefined, { ok: true, gridIds: ['g1', 'g2'], gridUnproven: false }],
    ['demo-gridworker-1', 'g2', { ok: true, gridIds: ['g2'], gridUnproven: false }],
    ['demo-gridworker-1', 'g3', { ok: false, code: 'FORBIDDEN', field: 'gridId' }],
    ['demo-committee-1', undefined, { ok: true, communityId: 'c1', gridUnproven: false }],
    [
      'demo-committee-1',
      'g3',
      { ok: true, gridIds: ['g3'], communityId: 'c1', gridUnproven: true },
    ],
    ['demo-admin', undefined, { ok: false, code: 'INVALID_INPUT', field: 'gridId' }],
    ['demo-admin', 'g3', { ok: true, gridIds: ['g3'], gridUnproven: true }],
    ['demo-resident-1', undefined, { ok: false, code: 'FORBIDDEN' }],
    ['demo-resident-1', 'g1', { ok: false, code: 'FORBIDDEN' }],
    ['demo-newcomer', 'g1', { ok: false, code: 'FORBIDDEN' }],
  ])('%s asking for grid %s → %j', (who, gridId, scope) => {
    expect(rosterScope(actor(who), gridId)).toMatchObject(scope)
  })
})

describe("who sees a grid's workers in full (user.myGrid)", () => {
  it.each([
    ['demo-resident-1', 'g1', true],
    ['demo-resident-2', 'g1', true],
    ['demo-resident-3', 'g1', false],
    ['demo-resident-3', 'g2', true],
    ['demo-gridworker-1', 'g1', true],
    ['demo-committee-1', 'g2', true],
    ['demo-admin', 'g3', true],
    ['demo-newcomer', 'g1', false],
  ])('%s, workers of %s → %s', (who, gridId, full) => {
    const communityId = gridId === 'g3' ? 'c2' : 'c1'
    expect(seesStaffContact(actor(who), { gridId, communityId })).toBe(full)
  })

  it('a binding waiting for verification does not', () => {
    const resident = users.find((u) => u._id === 'demo-resident-1')!
    const waiting = actorFrom('w', { ...resident, _id: 'w', bindStatus: 'pending' })
    expect(seesStaffContact(waiting, { gridId: 'g1', communityId: 'c1' })).toBe(false)
  })
})

describe('contactCan', () => {
  const me = actor('demo-resident-1')
  it.each([
    ['someone shown in full', 'demo-gridworker-1', '13800000007', true],
    ['someone masked', 'demo-gridworker-1', null, false],
    ['the viewer themselves', 'demo-resident-1', '13800000001', false],
    ['a person without a phone', 'demo-gridworker-1', '', false],
    ['nobody', null, '13800000007', false],
  ])('%s → call %s', (_label, openid, phone, call) => {
    expect(contactCan(me, openid, phone)).toEqual({ call })
  })
})

describe('who is offered grid QR codes (can user.gridCode: the people the action serves)', () => {
  it.each([
    ['demo-gridworker-1', true],
    ['demo-committee-1', true],
    ['demo-admin', true],
    ['demo-resident-1', false],
    ['demo-volunteer-1', false],
    ['demo-newcomer', false],
    ['o-stranger', false],
  ])('%s → %s', (who, offered) => {
    expect(userAbilities(actor(who))['user.gridCode']).toBe(offered)
  })

  it('not a grid worker left without grids', () => {
    const worker = users.find((u) => u._id === 'demo-gridworker-1')!
    const gridless = actorFrom('x', { ...worker, _id: 'x', workerGridIds: [] })
    expect(userAbilities(gridless)['user.gridCode']).toBe(false)
  })
})
