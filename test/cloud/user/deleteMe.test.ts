import type { Wish } from '@/contract/wish'
import { data, GW, R1, V1, WishFlow } from '../wish/helpers'
import { useEmulator } from '../helpers'

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const getWish = async (id: string) => data(await emu().call<Wish>('wish', GW, 'get', { id }))

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

  it('exports nothing of theirs at once, and the erase timer anonymises their records and stored results', async () => {
    const w = await flow().done(R1, V1)
    // A stored result holding the author's full data (as the author saw their wish).
    const replayed = await emu().call<Wish>('wish', R1, 'get', { id: w.id })
    expect(replayed.ok).toBe(true)
    await emu().call('user', R1, 'updateProfile', { nickname: '桂兰' }, 'before-delete')

    expect(await emu().call('user', R1, 'deleteMe', {}, 'delete-1')).toEqual({
      ok: true,
      data: { deleted: true },
    })
    const exported = JSON.stringify(await emu().call('user', R1, 'exportMyData'))
    expect(exported).not.toContain('13800000001')
    expect(exported).not.toContain('张桂兰')

    // Until the timer runs the wish keeps its snapshot; then it is anonymised.
    expect((await getWish(w.id)).author.name).toBe('张桂兰')
    const fired = await emu().fireTimer('user')
    expect(fired).toContainEqual({ name: 'erase', result: { ok: true, data: { erased: 1 } } })
    expect((await getWish(w.id)).author).toMatchObject({
      name: '已注销用户',
      room: null,
      phone: null,
    })
    // The stored result of an earlier request is gone (its retry can no longer replay it)…
    const retry = await emu().call(
      'user',
      R1,
      'updateProfile',
      { nickname: '桂兰' },
      'before-delete'
    )
    expect(JSON.stringify(retry)).not.toContain('13800000001')
    // …while the deletion's own answer, which holds nothing personal, still replays.
    expect(await emu().call('user', R1, 'deleteMe', {}, 'delete-1')).toEqual({
      ok: true,
      data: { deleted: true },
    })
    // The job is done once: the next run has nothing to erase.
    expect(await emu().fireTimer('user')).toContainEqual({
      name: 'erase',
      result: { ok: true, data: { erased: 0 } },
    })
  })

  it('leaves alone what someone who came back (same WeChat account) does after deleting', async () => {
    const old = await flow().done(R1, V1)
    data(await emu().call('user', R1, 'deleteMe', {}))
    await emu().setClock(1000)
    data(
      await emu().call('user', R1, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '101',
        name: '张桂兰',
      })
    )
    data(await emu().call('user', GW, 'verifyResident', { openid: R1, approve: true }))
    const fresh = await flow().open(R1, 7)
    await emu().fireTimer('user')
    await emu().setClock(0)
    expect((await getWish(old.id)).author.name).toBe('已注销用户')
    expect((await getWish(fresh.id)).author.name).toBe('张桂兰')
  })
})
