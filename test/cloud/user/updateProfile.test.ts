import { useEmulator } from '../helpers'

const emu = useEmulator()

describe('user.updateProfile', () => {
  it('changes the nickname and elder mode', async () => {
    const res = await emu().call('user', 'demo-resident-2', 'updateProfile', {
      nickname: '老李',
      elderMode: true,
    })
    expect(res).toMatchObject({ ok: true, data: { nickname: '老李', elderMode: true } })
    expect(await emu().call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { nickname: '老李', elderMode: true },
    })
  })

  it('a volunteer may choose to be credited by nickname on the wish wall', async () => {
    expect(await emu().call('user', 'demo-volunteer-1', 'me')).toMatchObject({
      ok: true,
      data: { creditByName: false },
    })
    const res = await emu().call('user', 'demo-volunteer-1', 'updateProfile', {
      creditByName: true,
    })
    expect(res).toMatchObject({ ok: true, data: { creditByName: true, nickname: '志强' } })
    expect(await emu().call('user', 'demo-volunteer-1', 'me')).toMatchObject({
      ok: true,
      data: { creditByName: true },
    })
  })

  it('works for someone who has not bound a grid yet', async () => {
    const res = await emu().call('user', 'o-brand-new', 'updateProfile', { elderMode: true })
    expect(res).toMatchObject({
      ok: true,
      data: { elderMode: true, grid: null, nickname: '微信用户' },
    })
    expect(await emu().call('user', 'o-brand-new', 'me')).toMatchObject({
      ok: true,
      data: { elderMode: true },
    })
  })

  it.each([
    [{ nickname: '违禁测试词' }, 'CONTENT_REJECTED', 'nickname'],
    [{ nickname: '' }, 'INVALID_INPUT', 'nickname'],
    [{ nickname: '长'.repeat(21) }, 'INVALID_INPUT', 'nickname'],
    [{ elderMode: 1 }, 'INVALID_INPUT', 'elderMode'],
    [{ creditByName: 'yes' }, 'INVALID_INPUT', 'creditByName'],
    [{}, 'INVALID_INPUT', 'nickname'],
  ])('%j → %s on %s, and the profile stays', async (input, code, field) => {
    const res = await emu().call('user', 'demo-resident-2', 'updateProfile', input)
    expect(res).toMatchObject({ ok: false, error: { code, field } })
    expect(await emu().call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { nickname: '建国', elderMode: false, creditByName: false },
    })
  })
})
