import type { Wish } from '@/contract/wish'
import {
  CM,
  data,
  expectError,
  GW,
  newRedAgent,
  R1,
  R2,
  useEmulator,
  V1,
  V2,
  WishFlow,
  WRITE_TRIPS,
} from './helpers'

// wish.claim: approved volunteers and red agents of the community; exactly one wins a race.

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const TAKEN = '这个心愿刚刚被别人认领了'

describe('wish.claim', () => {
  it('a volunteer claims an open wish: the author is told, and the claimer gets the contact', async () => {
    const w = await flow().open()
    const { result, roundTrips } = await emu().callWithStats<Wish>('wish', V1, 'claim', {
      id: w.id,
    })
    const claimed = data(result)
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    expect(claimed).toMatchObject({
      status: 'claimed',
      claimer: { nickname: '志强', name: '赵志强', phone: '13800000005' },
      author: { name: '张桂兰', room: '101', phone: '13800000001' },
      can: { fulfill: true, release: true, claim: false },
    })
    expect(claimed.claimedAt).not.toBeNull()
    const inbox = await emu().outbox(R1)
    expect(inbox.map((m) => m.templateId)).toContain('HONGLIN_TPL_WISH_CLAIMED')
    const msg = inbox.find((m) => m.templateId === 'HONGLIN_TPL_WISH_CLAIMED')!
    expect(msg.page).toContain(w.id)
    expect(JSON.stringify(msg.data)).not.toMatch(/赵志强|13800000005/)
  })

  it('a volunteer of another grid in the same community may claim too', async () => {
    const w = await flow().open()
    expect(data(await flow().call(V2, 'claim', { id: w.id })).claimer?.name).toBe('陈晓燕')
  })

  it('30 volunteers race for one wish: exactly one wins, the rest get CONFLICT, the wish keeps the winner', async () => {
    const racers = Array.from({ length: 30 }, (_x, i) => `test-agent-${i}`)
    for (let i = 0; i < racers.length; i += 10) {
      await Promise.all(racers.slice(i, i + 10).map((openid) => newRedAgent(emu(), openid)))
    }
    const w = await flow().open()
    const results = await Promise.all(
      racers.map((openid) => flow().call(openid, 'claim', { id: w.id }))
    )
    const winners = racers.filter((_r, i) => results[i].ok)
    expect(winners).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) {
      expectError(r, 'CONFLICT')
      expect(!r.ok && r.error.message).toBe(TAKEN)
    }
    const now = data(await flow().get(winners[0], w.id))
    expect(now).toMatchObject({ status: 'claimed', can: { fulfill: true } })
    expect(
      data(await flow().call<{ items: Wish[] }>(winners[0], 'list', { scope: 'claimed' })).items
    ).toHaveLength(1)
    expect(
      (await emu().outbox(R1)).filter((m) => m.templateId === 'HONGLIN_TPL_WISH_CLAIMED')
    ).toHaveLength(1)
    const timeline = data(await flow().get(R1, w.id)).timeline
    expect(timeline.filter((e) => e.type === 'claimed')).toHaveLength(1)
  }, 120_000)

  it('a wish already claimed is CONFLICT with the friendly message', async () => {
    const w = await flow().claimed(R1, V1)
    const res = await flow().call(V2, 'claim', { id: w.id })
    expectError(res, 'CONFLICT')
    expect(!res.ok && res.error.message).toBe(TAKEN)
  })

  it.each([
    ['the author', R1],
    ['a resident who is not a volunteer', R2],
    ['the grid worker', GW],
    ['the committee', CM],
  ])('%s may not claim (FORBIDDEN)', async (_label, who) => {
    const w = await flow().open()
    expectError(await flow().call(who, 'claim', { id: w.id }), 'FORBIDDEN')
    expect(data(await flow().get(R1, w.id)).status).toBe('open')
  })

  it('a pending wish is invisible to volunteers: NOT_FOUND', async () => {
    const w = await flow().pending()
    expectError(await flow().call(V1, 'claim', { id: w.id }), 'NOT_FOUND')
    expectError(await flow().call(V1, 'claim', { id: 'no-such-wish' }), 'NOT_FOUND')
  })

  it('a repeated requestId replays the claim instead of conflicting with itself', async () => {
    const w = await flow().open()
    const first = data(await flow().call(V1, 'claim', { id: w.id }, 'claim-once'))
    const again = data(await flow().call(V1, 'claim', { id: w.id }, 'claim-once'))
    expect(again).toEqual(first)
  })

  it('a resident the committee makes a volunteer in the roster may claim at once, until it is taken away', async () => {
    const w = await flow().open(R1)
    const grant = (roles: string[]) => emu().call('user', CM, 'setRoles', { openid: R2, roles })
    data(await grant(['resident', 'volunteer']))
    expect(data(await emu().call('user', R2, 'me')).can['wish.claim']).toBe(true)
    expect(data(await flow().get(R2, w.id)).can.claim).toBe(true)
    expect(data(await flow().call(R2, 'claim', { id: w.id })).claimer?.name).toBe('李建国')
    data(await flow().call(R2, 'release', { id: w.id }))
    data(await grant(['resident']))
    expect(data(await emu().call('user', R2, 'me')).can['wish.claim']).toBe(false)
    expectError(await flow().call(R2, 'claim', { id: w.id }), 'FORBIDDEN')
  })
})
