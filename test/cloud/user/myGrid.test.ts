import { demoData } from '../../../emulator/seed'
import { useEmulator } from '../helpers'

const emu = useEmulator()
const verifiedIn = (gridId: string) =>
  demoData().users.filter((u) => u.gridId === gridId && u.bindStatus === 'verified').length

describe('user.myGrid', () => {
  it('shows a resident their grid and its grid workers in full, to call them', async () => {
    const res = await emu().call('user', 'demo-resident-1', 'myGrid')
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
          {
            id: 'demo-gridworker-1',
            nickname: '刘网格员',
            name: '刘芳',
            phone: '13800000007',
            can: { call: true },
          },
        ],
        residentCount: verifiedIn('g1'),
      },
    })
  })

  it('the committee sees the grid workers in full; the unbound get NOT_BOUND', async () => {
    await emu().call('user', 'demo-admin', 'setRoles', {
      openid: 'demo-resident-2',
      roles: ['committee'],
      communityId: 'c1',
    })
    const res = await emu().call('user', 'demo-resident-2', 'myGrid')
    expect(res).toMatchObject({
      ok: true,
      data: { workers: [{ name: '刘芳', phone: '13800000007' }] },
    })
    expect(await emu().call('user', 'demo-newcomer', 'myGrid')).toMatchObject({
      ok: false,
      error: { code: 'NOT_BOUND' },
    })
  })

  it('a binding still waiting for verification sees them masked, without a call', async () => {
    await emu().call('user', 'demo-newcomer', 'bindGrid', {
      gridId: 'g1',
      buildingId: 'g1-b1',
      room: '602',
      name: '吴新民',
    })
    const res = await emu().call('user', 'demo-newcomer', 'myGrid')
    expect(res).toMatchObject({
      ok: true,
      data: {
        workers: [{ name: '刘*', phone: '138****0007', can: { call: false } }],
      },
    })
  })

  it('a grid worker who lives in the grid sees themselves without a call button', async () => {
    await emu().call('user', 'demo-committee-1', 'setRoles', {
      openid: 'demo-resident-2',
      roles: ['resident', 'gridWorker'],
      gridIds: ['g1'],
    })
    const res = await emu().call('user', 'demo-resident-2', 'myGrid')
    const workers = res.ok ? res.data.workers : []
    expect(workers.map((w: { id: string; can: object }) => [w.id, w.can])).toEqual([
      ['demo-gridworker-1', { call: true }],
      ['demo-resident-2', { call: false }],
    ])
  })
})
