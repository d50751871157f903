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

describe('user.counts', () => {
  it('gives a resident the counts of their grid and none of the staff queues', async () => {
    const res = await emu.call('user', 'demo-resident-2', 'counts')
    expect(res.ok).toBe(true)
    const { counts } = res.data
    expect(Object.keys(counts).sort()).toEqual([
      'wish.litThisYear',
      'wish.openNow',
      'wish.toConfirm',
    ])
    expect(counts['wish.toConfirm']).toBe(0)
  })

  it('gives staff their queues, and a new pending resident shows up in them', async () => {
    const before = await emu.call('user', 'demo-gridworker-1', 'counts')
    expect(Object.keys(before.data.counts)).toEqual(
      expect.arrayContaining(['user.toVerify', 'wish.toReview'])
    )
    const bound = await emu.call('user', 'demo-newcomer', 'bindGrid', {
      gridId: 'g1',
      buildingId: 'g1-b1',
      room: '901',
      name: '新邻居',
    })
    expect(bound.ok).toBe(true)
    const after = await emu.call('user', 'demo-gridworker-1', 'counts')
    expect(after.data.counts['user.toVerify']).toBe(before.data.counts['user.toVerify'] + 1)
  })

  it('tells a newcomer nothing', async () => {
    const res = await emu.call('user', 'demo-newcomer', 'counts')
    expect(res).toMatchObject({ ok: true, data: { counts: {} } })
  })
})
