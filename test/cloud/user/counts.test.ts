import { call, data, PERSONAS as P, useEmulator } from '../helpers'

const emu = useEmulator()

describe('user.counts', () => {
  it('gives a resident the counts of their grid and none of the staff queues', async () => {
    const { counts } = data(await call(emu(), 'user', P.resident2, 'counts', {}))
    expect(Object.keys(counts).sort()).toEqual([
      'deliberation.open',
      'deliberation.voting',
      'errand.closedThisYear',
      'errand.open',
      'errand.toConfirm',
      'matter.mine',
      'matter.open',
      'matter.resolvedThisYear',
      'matter.toRate',
      'wish.litThisYear',
      'wish.openNow',
      'wish.toConfirm',
    ])
    expect(counts['wish.toConfirm']).toBe(0)
  })

  it('gives staff their queues, and a new pending resident shows up in them', async () => {
    const before = data(await call(emu(), 'user', P.gridWorker, 'counts', {}))
    expect(Object.keys(before.counts)).toEqual(
      expect.arrayContaining(['user.toVerify', 'wish.toReview', 'matter.queue', 'matter.overdue'])
    )
    const bound = await call(emu(), 'user', P.newcomer, 'bindGrid', {
      gridId: 'g1',
      buildingId: 'g1-b1',
      room: '901',
      name: '新邻居',
    })
    expect(bound.ok).toBe(true)
    const after = data(await call(emu(), 'user', P.gridWorker, 'counts', {}))
    expect(after.counts['user.toVerify']).toBe((before.counts['user.toVerify'] ?? 0) + 1)
  })

  it('tells a newcomer nothing', async () => {
    const res = await call(emu(), 'user', P.newcomer, 'counts', {})
    expect(res).toMatchObject({ ok: true, data: { counts: {} } })
  })

  it('costs one read for a resident and for staff of a grid, whatever the data size', async () => {
    for (const who of [P.resident1, P.gridWorker, P.committee]) {
      const { roundTrips } = await emu().callWithStats('user', who, 'counts', {})
      expect({ who, roundTrips }).toEqual({ who, roundTrips: 1 })
    }
  })
})
