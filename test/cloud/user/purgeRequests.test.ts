import { useEmulator } from '../helpers'

const emu = useEmulator()

describe('user timer purgeRequests', () => {
  it('forgets requestIds after a week, so a retry then runs anew', async () => {
    const first = await emu().call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '老李' },
      'r-9'
    )
    expect(first.ok).toBe(true)
    expect(await emu().fireTimer('user')).toContainEqual({
      name: 'purgeRequests',
      result: { ok: true, data: { removed: 0 } },
    })
    await emu().setClock(8 * 24 * 3600 * 1000)
    expect(await emu().fireTimer('user')).toContainEqual({
      name: 'purgeRequests',
      result: { ok: true, data: { removed: 1 } },
    })
    const later = await emu().call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '李师傅' },
      'r-9'
    )
    expect(later).toMatchObject({ ok: true, data: { nickname: '李师傅' } })
    await emu().setClock(0)
  })
})
