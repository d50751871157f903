import { WISH_AUTO_CONFIRM_DAYS, WISH_STATUSES, MAX_ACTIVE_WISHES } from '@/contract/wish'
import { ERRAND_STATUSES } from '@/contract/errand'
import { demoData, demoPersonas } from '../../../emulator/seed'

// The demo seed (docs/contract.md §6): a community in use, whose content belongs to `seed-*`
// neighbours, so that every demo persona starts with nothing of its own in flight.

type Raw = Record<string, unknown>
const DAY = 24 * 3600 * 1000
const NOW = new Date('2026-06-15T04:00:00Z')
const ACTIVE = ['pending', 'open', 'claimed', 'fulfilled']
const shanghaiYear = (d: unknown) =>
  new Date((d as Date).getTime() + 8 * 3600 * 1000).getUTCFullYear()

const seeded = (now = NOW) => {
  const d = demoData(now)
  return { users: d.users as Raw[], wishes: d.wishes as Raw[] }
}

describe('demo seed', () => {
  it('has wishes in every state, written and claimed by seed neighbours of c1', () => {
    const { users, wishes } = seeded()
    const byStatus = Object.fromEntries(
      WISH_STATUSES.map((s) => [s, wishes.filter((w) => w.status === s).length])
    )
    for (const s of WISH_STATUSES) expect(byStatus[s]).toBeGreaterThan(0)
    const byId = new Map(users.map((u) => [u._id, u]))
    for (const w of wishes) {
      expect(w.authorOpenid).toMatch(/^seed-/)
      const author = byId.get(w.authorOpenid)!
      expect(author).toMatchObject({ bindStatus: 'verified', gridId: w.gridId, communityId: 'c1' })
      if (w.claimerOpenid) {
        expect(w.claimerOpenid).toMatch(/^seed-/)
        const claimer = byId.get(w.claimerOpenid)!
        expect(claimer.communityId).toBe('c1')
        expect(claimer.volunteer).toMatchObject({ status: 'approved' })
      }
    }
    expect(new Set(wishes.map((w) => w.gridId))).toEqual(new Set(['g1', 'g2']))
  })

  it('gives no demo persona anything of its own in flight', () => {
    const { wishes } = seeded()
    const inFlight = wishes.filter((w) => ACTIVE.includes(w.status as string))
    for (const { openid } of demoPersonas) {
      expect(
        inFlight.filter((w) => w.authorOpenid === openid || w.claimerOpenid === openid)
      ).toEqual([])
    }
  })

  it('keeps each author within the active limit, one slot each', () => {
    const { wishes } = seeded()
    const slots = wishes.map((w) => w.slot)
    expect(new Set(slots).size).toBe(slots.length)
    const active = wishes.filter((w) => ACTIVE.includes(w.status as string))
    for (const w of active) expect(w.slot).toMatch(new RegExp(`^${w.authorOpenid}#[0-2]$`))
    const perAuthor = new Map<unknown, number>()
    for (const w of active) perAuthor.set(w.authorOpenid, (perAuthor.get(w.authorOpenid) ?? 0) + 1)
    for (const n of perAuthor.values()) expect(n).toBeLessThanOrEqual(MAX_ACTIVE_WISHES)
  })

  it.each([
    ['mid-year', NOW],
    ['ten minutes into the Shanghai new year', new Date('2026-12-31T16:10:00Z')],
    ['new year’s eve', new Date('2026-12-31T15:50:00Z')],
  ])('tells believable stories %s: timelines in order, in the past, lit this year', (_n, now) => {
    const { wishes } = seeded(now)
    for (const w of wishes) {
      const times = (w.timeline as { at: Date }[]).map((s) => s.at.getTime())
      expect([...times].sort((a, b) => a - b)).toEqual(times)
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime())
      expect((w.createdAt as Date).getTime()).toBe(times[0])
    }
    const lit = wishes.filter((w) => w.status === 'done')
    expect(lit.filter((w) => shanghaiYear(w.doneAt) === shanghaiYear(now)).length).toBeGreaterThan(
      3
    )
    // Lit with a rating and thanks, except the one confirmed by the timer.
    expect(lit.filter((w) => w.thanks && w.rating).length).toBe(lit.length - 1)
    expect(lit.filter((w) => w.autoConfirmed)).toHaveLength(1)
    // Waiting for confirmation, but not long enough for the auto-confirm timer to take them.
    for (const w of wishes.filter((x) => x.status === 'fulfilled')) {
      const age = now.getTime() - (w.fulfilledAt as Date).getTime()
      expect(age).toBeLessThan(WISH_AUTO_CONFIRM_DAYS * DAY)
    }
  })

  it('is the same data for the same moment', () => {
    expect(demoData(NOW)).toEqual(demoData(new Date(NOW)))
  })

  it('has 张伟 in the same household as 张桂兰, with the pattern phone, among the personas', () => {
    const { users } = seeded()
    const mother = users.find((u) => u._id === 'demo-resident-1')!
    const son = users.find((u) => u._id === 'demo-resident-4')!
    expect(son).toMatchObject({
      realName: '张伟',
      phone: '13800000004',
      bindStatus: 'verified',
      gridId: mother.gridId,
      buildingId: mother.buildingId,
      room: mother.room,
    })
    expect(demoPersonas.map((p) => p.openid)).toContain('demo-resident-4')
    const phones = users.map((u) => u.phone).filter(Boolean)
    expect(new Set(phones).size).toBe(phones.length)
  })

  describe('errands', () => {
    const errands = (now = NOW) => demoData(now).errands as Raw[]

    it('has errands in every state, booked by seed neighbours and run by seed red agents', () => {
      const { users } = seeded()
      const byId = new Map(users.map((u) => [u._id, u]))
      const list = errands()
      for (const s of ERRAND_STATUSES) {
        expect(list.filter((e) => e.status === s).length).toBeGreaterThan(0)
      }
      for (const e of list) {
        expect(e.bookerOpenid).toMatch(/^seed-/)
        expect(byId.get(e.bookerOpenid)).toMatchObject({ bindStatus: 'verified', gridId: e.gridId })
        if (e.agentOpenid) expect(byId.get(e.agentOpenid)!.roles).toContain('redAgent')
      }
      // One waits in its grid's pool, one was escalated to the community's.
      const pools = list.filter((e) => e.status === 'requested').map((e) => e.pool)
      expect(pools.sort()).toEqual(['c:c1', 'g:g1'])
      expect(list.some((e) => e.type === 'help' && e.urgent)).toBe(true)
    })

    it('gives no demo persona an errand of its own, and keeps the unique keys unique', () => {
      const list = errands()
      for (const { openid } of demoPersonas) {
        expect(list.filter((e) => e.bookerOpenid === openid || e.agentOpenid === openid)).toEqual(
          []
        )
      }
      for (const key of ['hold', 'seat', '_id']) {
        expect(new Set(list.map((e) => e[key])).size).toBe(list.length)
      }
    })

    it.each([
      ['mid-year', NOW],
      ['early morning', new Date('2026-06-14T16:30:00Z')],
      ['late evening', new Date('2026-06-15T14:30:00Z')],
    ])('tells believable stories %s: timelines in order and in the past', (_n, now) => {
      for (const e of errands(now)) {
        const times = (e.timeline as { at: Date }[]).map((s) => s.at.getTime())
        expect([...times].sort((a, b) => a - b)).toEqual(times)
        expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime())
        if (e.status === 'requested') {
          expect((e.expiresAt as Date).getTime()).toBeGreaterThan(now.getTime())
        }
      }
    })
  })
})
