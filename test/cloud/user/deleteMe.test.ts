import { useEmulator } from '../helpers'

const emu = useEmulator()

describe('user.deleteMe', () => {
  it('deletes the caller: their profile, name and phone are gone and they start over', async () => {
    const before = await emu().call<{ residentCount: number }>('user', 'demo-resident-1', 'myGrid')
    const residents = before.ok ? before.data.residentCount : NaN
    const res = await emu().call('user', 'demo-resident-2', 'deleteMe')
    expect(res).toEqual({ ok: true, data: { deleted: true } })
    expect(await emu().call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { grid: null, roles: [], realName: null, phone: null },
    })
    const exported = await emu().call('user', 'demo-resident-2', 'exportMyData')
    expect(exported).toMatchObject({ ok: true, data: { profile: null } })
    expect(JSON.stringify(exported)).not.toContain('13800000002')
    const grid = await emu().call('user', 'demo-resident-1', 'myGrid')
    expect(grid).toMatchObject({ ok: true, data: { residentCount: residents - 1 } })
  })
})
