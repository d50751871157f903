import type { WishStats } from '@/contract/wish'
import { CM, data, GW, NEWCOMER, R1, R2, R3, useEmulator, V1, V2, WishFlow } from './helpers'

// wish.stats: lit wishes this year and open ones now, per grid and for the community.

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const stats = async (who: string) => data(await emu().call<WishStats>('wish', who, 'stats', {}))
const DAY = 24 * 3600 * 1000

describe('wish.stats', () => {
  it('counts lit wishes this year and open wishes now, for the grid and each grid of the community', async () => {
    // the neighbours' wishes of the demo seed are counted too: the test adds to their figures
    const was = await stats(R2)
    const g1 = was.community!.byGrid[0]
    const g2 = was.community!.byGrid[1]
    await flow().done(R1, V1)
    await flow().done(R2, V2)
    await flow().open(R3)
    await flow().pending(V1)
    await flow().claimed(V2, V1)
    const s = await stats(R2)
    expect(s.year).toBeGreaterThanOrEqual(2025)
    const lit1 = g1.litThisYear + 2
    const open2 = g2.openNow + 1
    expect(s.grid).toEqual({ id: 'g1', name: '第一网格', litThisYear: lit1, openNow: g1.openNow })
    expect(s.community).toEqual({
      id: 'c1',
      litThisYear: lit1 + g2.litThisYear,
      openNow: g1.openNow + open2,
      byGrid: [
        { gridId: 'g1', gridName: '第一网格', litThisYear: lit1, openNow: g1.openNow },
        { gridId: 'g2', gridName: '第二网格', litThisYear: g2.litThisYear, openNow: open2 },
      ],
    })
    expect((await stats(R3)).grid).toEqual({
      id: 'g2',
      name: '第二网格',
      litThisYear: g2.litThisYear,
      openNow: open2,
    })
  })

  it('users without a grid get nulls; the committee gets its community', async () => {
    expect(await stats(NEWCOMER)).toMatchObject({ grid: null, community: null })
    expect(await stats(GW)).toMatchObject({ grid: null, community: null })
    const community = (await stats(R1)).community
    expect(await stats(CM)).toEqual({ ...(await stats(R1)), grid: null, community })
    expect(community).toMatchObject({ id: 'c1' })
  })

  it('a new calendar year starts from zero lit wishes', async () => {
    const was = (await stats(R1)).grid!.litThisYear
    await flow().done(R1, V1)
    expect((await stats(R1)).grid?.litThisYear).toBe(was + 1)
    await emu().setClock(366 * DAY)
    const next = await stats(R1)
    expect(next.grid?.litThisYear).toBe(0)
  })
})
