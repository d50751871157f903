import { useEmulator } from '../helpers'

const emu = useEmulator()

describe('user.listGrids', () => {
  it('lists communities with their grids and buildings', async () => {
    const res = await emu().call('user', 'demo-newcomer', 'listGrids')
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const c1 = res.data.communities.find((c: { id: string }) => c.id === 'c1')
    expect(c1.name).toBe('幸福里社区')
    expect(c1.grids.map((g: { id: string }) => g.id)).toEqual(['g1', 'g2'])
    expect(c1.grids[0].buildings[0]).toEqual({ id: 'g1-b1', name: '1号楼' })
  })
})
