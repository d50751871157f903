import {
  expectAllQueriesIndexed,
  startTestEmulator,
  type TestEmulator,
} from '../../helpers/emulator'
import { demoData } from '../../../emulator/seed'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())
afterEach(() => expectAllQueriesIndexed(emu))
beforeEach(async () => {
  await emu.reset()
  await emu.call('user', 'demo-newcomer', 'bindGrid', {
    gridId: 'g1',
    buildingId: 'g1-b1',
    room: '602',
    name: '吴新民',
    phone: '13911112222',
  })
})

describe('user.listPendingResidents', () => {
  it('pages through a long queue without repeating or skipping anyone', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `o-new-${i}`)
    for (const id of ids) {
      await emu.call('user', id, 'bindGrid', {
        gridId: 'g2',
        buildingId: 'g2-b6',
        room: `${i(id)}01`,
        name: '新居民',
      })
    }
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await emu.call('user', 'demo-gridworker-1', 'listPendingResidents', {
        limit: 3,
        cursor,
      })
      if (!page.ok) throw new Error(page.error.message)
      seen.push(...page.data.items.map((x: { openid: string }) => x.openid))
      cursor = page.data.nextCursor ?? undefined
    } while (cursor)
    // with the bindings the demo seed leaves waiting (a neighbour of g2)
    const waiting = demoData()
      .users.filter((u) => u.bindStatus === 'pending')
      .map((u) => String(u._id))
    expect(seen.sort()).toEqual(['demo-newcomer', ...waiting, ...ids].sort())
  })
})

const i = (id: string) => id.slice(-1)
