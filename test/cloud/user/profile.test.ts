import {
  expectAllQueriesIndexed,
  startTestEmulator,
  type TestEmulator,
} from '../../helpers/emulator'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())
afterEach(() => expectAllQueriesIndexed(emu))
beforeEach(() => emu.reset())

describe('user.updateProfile', () => {
  it('changes the nickname and elder mode', async () => {
    const res = await emu.call('user', 'demo-resident-2', 'updateProfile', {
      nickname: '老李',
      elderMode: true,
    })
    expect(res).toMatchObject({ ok: true, data: { nickname: '老李', elderMode: true } })
    expect(await emu.call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { nickname: '老李', elderMode: true },
    })
  })

  it('works for someone who has not bound a grid yet', async () => {
    const res = await emu.call('user', 'o-brand-new', 'updateProfile', { elderMode: true })
    expect(res).toMatchObject({
      ok: true,
      data: { elderMode: true, grid: null, nickname: '微信用户' },
    })
    expect(await emu.call('user', 'o-brand-new', 'me')).toMatchObject({
      ok: true,
      data: { elderMode: true },
    })
  })

  it.each([
    [{ nickname: '违禁测试词' }, 'CONTENT_REJECTED', 'nickname'],
    [{ nickname: '' }, 'INVALID_INPUT', 'nickname'],
    [{ nickname: '长'.repeat(21) }, 'INVALID_INPUT', 'nickname'],
    [{ elderMode: 1 }, 'INVALID_INPUT', 'elderMode'],
    [{}, 'INVALID_INPUT', 'nickname'],
  ])('%j → %s on %s, and the profile stays', async (input, code, field) => {
    const res = await emu.call('user', 'demo-resident-2', 'updateProfile', input)
    expect(res).toMatchObject({ ok: false, error: { code, field } })
    expect(await emu.call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { nickname: '建国', elderMode: false },
    })
  })
})

describe('user.myGrid', () => {
  it('shows a resident their grid and its grid workers, masked', async () => {
    const res = await emu.call('user', 'demo-resident-1', 'myGrid')
    expect(res).toEqual({
      ok: true,
      data: {
        grid: {
          id: 'g1',
          name: '第一网格',
          communityId: 'c1',
          communityName: '幸福里社区',
          buildingCount: 3,
        },
        workers: [
          { id: 'demo-gridworker-1', nickname: '刘网格员', name: '刘*', phone: '138****0007' },
        ],
        residentCount: 3,
      },
    })
  })

  it('the committee sees the grid workers in full; the unbound get NOT_BOUND', async () => {
    await emu.call('user', 'demo-admin', 'setRoles', {
      openid: 'demo-resident-2',
      roles: ['committee'],
      communityId: 'c1',
    })
    const res = await emu.call('user', 'demo-resident-2', 'myGrid')
    expect(res).toMatchObject({
      ok: true,
      data: { workers: [{ name: '刘芳', phone: '13800000007' }] },
    })
    expect(await emu.call('user', 'demo-newcomer', 'myGrid')).toMatchObject({
      ok: false,
      error: { code: 'NOT_BOUND' },
    })
  })
})

describe('user.listGrids', () => {
  it('lists communities with their grids and buildings', async () => {
    const res = await emu.call('user', 'demo-newcomer', 'listGrids')
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const c1 = res.data.communities.find((c: { id: string }) => c.id === 'c1')
    expect(c1.name).toBe('幸福里社区')
    expect(c1.grids.map((g: { id: string }) => g.id)).toEqual(['g1', 'g2'])
    expect(c1.grids[0].buildings[0]).toEqual({ id: 'g1-b1', name: '1号楼' })
  })
})

describe('user.exportMyData and user.deleteMe', () => {
  it('exports everything stored about the caller, and nobody else', async () => {
    await emu.call('user', 'demo-resident-2', 'updateProfile', { nickname: '老李' })
    const res = await emu.call('user', 'demo-resident-2', 'exportMyData')
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data.profile).toMatchObject({
      openid: 'demo-resident-2',
      realName: '李建国',
      phone: '13800000002',
      room: '202',
    })
    expect(res.data.activity.map((a: { action: string }) => a.action)).toContain(
      'user.updateProfile'
    )
    expect(JSON.stringify(res.data)).not.toContain('张桂兰')
  })

  it('deletes the caller: their profile, name and phone are gone and they start over', async () => {
    const res = await emu.call('user', 'demo-resident-2', 'deleteMe')
    expect(res).toEqual({ ok: true, data: { deleted: true } })
    expect(await emu.call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { grid: null, roles: [], realName: null, phone: null },
    })
    const exported = await emu.call('user', 'demo-resident-2', 'exportMyData')
    expect(exported).toMatchObject({ ok: true, data: { profile: null } })
    expect(JSON.stringify(exported)).not.toContain('13800000002')
    const grid = await emu.call('user', 'demo-resident-1', 'myGrid')
    expect(grid).toMatchObject({ ok: true, data: { residentCount: 2 } })
  })
})
