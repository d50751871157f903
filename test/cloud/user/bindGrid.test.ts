import { useEmulator } from '../helpers'

const emu = useEmulator()

const good = {
  gridId: 'g1',
  buildingId: 'g1-b2',
  room: '3-201',
  name: '马小云',
  phone: '13900000009',
}

describe('user.bindGrid', () => {
  it('binds a newcomer to a grid, unverified until a grid worker verifies', async () => {
    const res = await emu().call('user', 'demo-newcomer', 'bindGrid', good)
    expect(res).toMatchObject({
      ok: true,
      data: {
        bindStatus: 'pending',
        verified: false,
        grid: {
          id: 'g1',
          name: '第一网格',
          buildingId: 'g1-b2',
          buildingName: '2号楼',
          room: '3-201',
        },
        realName: '马小云',
        phone: '13900000009',
      },
    })
    const me = await emu().call('user', 'demo-newcomer', 'me')
    expect(me).toMatchObject({ ok: true, data: { bindStatus: 'pending', grid: { id: 'g1' } } })
  })

  it.each([
    [{ ...good, gridId: 7 }, 'gridId'],
    [{ ...good, gridId: undefined }, 'gridId'],
    [{ ...good, gridId: 'g404' }, 'gridId'],
    [{ ...good, buildingId: 'g2-b4' }, 'buildingId'],
    [{ ...good, room: 'x'.repeat(11) }, 'room'],
    [{ ...good, name: '张'.repeat(21) }, 'name'],
    [{ ...good, name: ['张三'] }, 'name'],
    [{ ...good, phone: '1380000000' }, 'phone'],
    [{ ...good, phoneCode: 'not-a-real-code' }, 'phone'],
  ])(
    'bad input %j → INVALID_INPUT on %s, with a Chinese message, and nothing changes',
    async (input, field) => {
      const res = await emu().call('user', 'demo-newcomer', 'bindGrid', input)
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } })
      if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
      const me = await emu().call('user', 'demo-newcomer', 'me')
      expect(me).toMatchObject({ ok: true, data: { grid: null, bindStatus: 'none' } })
    }
  )

  it('takes the phone from a WeChat getPhoneNumber code', async () => {
    const res = await emu().call('user', 'demo-newcomer', 'bindGrid', {
      ...good,
      phone: undefined,
      phoneCode: 'phone:13712345678',
    })
    expect(res).toMatchObject({ ok: true, data: { phone: '13712345678' } })
  })

  it('replays a repeated requestId with the first result and changes nothing', async () => {
    const first = await emu().call('user', 'demo-newcomer', 'bindGrid', good, 'req-bind-1')
    const again = await emu().call(
      'user',
      'demo-newcomer',
      'bindGrid',
      { ...good, gridId: 'g2', buildingId: 'g2-b4' },
      'req-bind-1'
    )
    expect(again).toEqual(first)
    const me = await emu().call('user', 'demo-newcomer', 'me')
    expect(me).toMatchObject({ ok: true, data: { grid: { id: 'g1' } } })
  })

  it('keeps a binding across an emulator restart', async () => {
    await emu().call('user', 'demo-newcomer', 'bindGrid', good)
    await emu().restart()
    const me = await emu().call('user', 'demo-newcomer', 'me')
    expect(me).toMatchObject({
      ok: true,
      data: { bindStatus: 'pending', grid: { id: 'g1', room: '3-201' } },
    })
  })

  it('moving house starts a new verification; re-submitting the same address changes nothing', async () => {
    const same = await emu().call('user', 'demo-resident-1', 'bindGrid', {
      gridId: 'g1',
      buildingId: 'g1-b1',
      room: '101',
      name: '张桂兰',
    })
    expect(same).toMatchObject({ ok: true, data: { bindStatus: 'verified' } })
    const moved = await emu().call('user', 'demo-resident-1', 'bindGrid', {
      gridId: 'g2',
      buildingId: 'g2-b5',
      room: '808',
      name: '张桂兰',
    })
    expect(moved).toMatchObject({
      ok: true,
      data: { bindStatus: 'pending', roles: [], grid: { id: 'g2' } },
    })
  })

  it('a real name the content check flags is CONTENT_REJECTED on name, and nothing is stored', async () => {
    const before = await emu().emulator.db.find('users')
    const res = await emu().call('user', 'demo-newcomer', 'bindGrid', {
      ...good,
      name: '违禁测试词',
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', field: 'name' } })
    expect(await emu().emulator.db.find('users')).toEqual(before)
  })
})
