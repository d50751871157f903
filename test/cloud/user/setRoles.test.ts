import { useEmulator } from '../helpers'

const emu = useEmulator()

describe('user.setRoles', () => {
  it('the committee makes a resident of its community a volunteer and red agent', async () => {
    const res = await emu().call('user', 'demo-committee-1', 'setRoles', {
      openid: 'demo-resident-2',
      roles: ['volunteer', 'redAgent'],
    })
    expect(res).toEqual({
      ok: true,
      data: {
        openid: 'demo-resident-2',
        roles: ['resident', 'volunteer', 'redAgent'],
        workerGridIds: [],
        committeeCommunityId: null,
      },
    })
    const me = await emu().call('user', 'demo-resident-2', 'me')
    expect(me).toMatchObject({ ok: true, data: { roles: ['resident', 'volunteer', 'redAgent'] } })
  })

  it('a new grid worker serves their own grid by default and can then verify there', async () => {
    await emu().call('user', 'demo-committee-1', 'setRoles', {
      openid: 'demo-resident-3',
      roles: ['gridWorker'],
    })
    const me = await emu().call('user', 'demo-resident-3', 'me')
    expect(me).toMatchObject({
      ok: true,
      data: { roles: ['resident', 'gridWorker'], workerGridIds: ['g2'] },
    })
    const queue = await emu().call('user', 'demo-resident-3', 'listPendingResidents', {})
    expect(queue.ok).toBe(true)
  })

  it.each([
    ['demo-committee-1', { openid: 'demo-resident-2', roles: ['committee'] }, 'FORBIDDEN'],
    ['demo-committee-1', { openid: 'demo-resident-2', roles: ['admin'] }, 'FORBIDDEN'],
    [
      'demo-committee-1',
      { openid: 'demo-committee-1', roles: ['volunteer', 'committee'] },
      'FORBIDDEN',
    ],
    ['demo-gridworker-1', { openid: 'demo-resident-2', roles: ['volunteer'] }, 'FORBIDDEN'],
    ['demo-resident-1', { openid: 'demo-resident-1', roles: ['admin'] }, 'FORBIDDEN'],
    ['demo-committee-1', { openid: 'nobody', roles: ['volunteer'] }, 'NOT_FOUND'],
    [
      'demo-committee-1',
      { openid: 'demo-resident-2', roles: ['gridWorker'], gridIds: ['g3'] },
      'INVALID_INPUT',
    ],
    [
      'demo-committee-1',
      { openid: 'demo-resident-2', roles: ['gridWorker'], gridIds: ['g404'] },
      'INVALID_INPUT',
    ],
    ['demo-committee-1', { openid: 'demo-resident-2', roles: 'volunteer' }, 'INVALID_INPUT'],
  ])('%s setting %j → %s, and roles stay as they were', async (who, input, code) => {
    const before = await emu().call(
      'user',
      input.openid === 'nobody' ? 'demo-resident-2' : input.openid,
      'me'
    )
    const res = await emu().call('user', who, 'setRoles', input)
    expect(res).toMatchObject({ ok: false, error: { code } })
    const after = await emu().call(
      'user',
      input.openid === 'nobody' ? 'demo-resident-2' : input.openid,
      'me'
    )
    expect(after).toEqual(before)
  })

  it('changing another role keeps the grids a grid worker already serves', async () => {
    await emu().call('user', 'demo-admin', 'setRoles', {
      openid: 'demo-resident-3',
      roles: ['gridWorker'],
      gridIds: ['g1', 'g2'],
    })
    const res = await emu().call('user', 'demo-committee-1', 'setRoles', {
      openid: 'demo-resident-3',
      roles: ['gridWorker', 'volunteer'],
    })
    expect(res).toMatchObject({
      ok: true,
      data: { roles: ['resident', 'gridWorker', 'volunteer'], workerGridIds: ['g1', 'g2'] },
    })
  })

  it('only an admin grants committee, for the community they name', async () => {
    const res = await emu().call('user', 'demo-admin', 'setRoles', {
      openid: 'demo-resident-2',
      roles: ['committee'],
      communityId: 'c1',
    })
    expect(res).toMatchObject({
      ok: true,
      data: { roles: ['resident', 'committee'], committeeCommunityId: 'c1' },
    })
    const queue = await emu().call('user', 'demo-resident-2', 'listPendingResidents', {})
    expect(queue.ok).toBe(true)
  })

  it('roles smuggled into a profile update change nothing', async () => {
    await emu().call('user', 'demo-resident-1', 'updateProfile', {
      nickname: '张阿姨',
      roles: ['admin'],
      openid: 'demo-admin',
    })
    const me = await emu().call('user', 'demo-resident-1', 'me')
    expect(me).toMatchObject({
      ok: true,
      data: { nickname: '张阿姨', roles: ['resident'], openid: 'demo-resident-1' },
    })
    const admin = await emu().call('user', 'demo-admin', 'me')
    expect(admin).toMatchObject({ ok: true, data: { nickname: '街道管理员' } })
  })
})
