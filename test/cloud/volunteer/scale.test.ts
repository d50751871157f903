import type { RosterEntry } from '@/contract/volunteer'
import { data, manyVolunteers, P, publish, useEmulator, vol } from './helpers'

// Communities at the sizes the issue names (teams of thousands; the bench's 10,000 volunteers):
// the committee's queue, the 双报到 report and an activity's roster must count everyone, not the
// first thousand read.

const emu = useEmulator()
const N = 1001

describe('the committee’s views at scale', () => {
  it(`listApplications pages through all ${N} pending applications, oldest first, each once`, async () => {
    const t0 = Date.now() - 10 * 86_400_000
    const people = await manyVolunteers(emu(), N, 'applicant', (i) => ({
      roles: ['resident'],
      volunteer: {
        status: 'pending',
        partyMember: false,
        skills: ['陪伴'],
        workUnit: null,
        appliedAt: new Date(t0 + i * 60_000),
        reviewedAt: null,
        reason: null,
      },
    }))
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = data(await vol(emu(), P.committee, 'listApplications', { limit: 50, cursor }))
      seen.push(...page.items.map((a) => a.openid))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    // Server bug: the queue is read with .limit(1000) and sorted in memory, so past 1,000 pending
    // applications the oldest ones beyond the first thousand read are never shown.
    expect(seen).toHaveLength(N)
    expect(seen).toEqual(people)
  }, 120_000)

  it(`partyReport counts all ${N} party members of one work unit`, async () => {
    await manyVolunteers(emu(), N, 'party', {
      volunteer: { status: 'approved', partyMember: true, skills: ['陪伴'], workUnit: '区税务局' },
    })
    // Written straight to the store, past the actions that keep the counters: the recount timer
    // rebuilds them from the data, as it does in production.
    await emu().fireTimer('user')
    const report = data(await vol(emu(), P.committee, 'partyReport', {}))
    // The members are kept counters, not a read of the first thousand party members.
    expect(report.units.find((u) => u.workUnit === '区税务局')).toMatchObject({ members: N })
  }, 120_000)
  it(`the organizer's roster names all ${N} who signed up (quota 500, the rest waiting)`, async () => {
    const people = await manyVolunteers(emu(), N, 'crowd')
    const a = await publish(emu(), { quota: 500 })
    for (let i = 0; i < N; i += 100) {
      const chunk = people.slice(i, i + 100)
      await Promise.all(
        chunk.map(async (o) => data(await vol(emu(), o, 'signup', { activityId: a.id })))
      )
    }
    const items: RosterEntry[] = []
    let cursor: string | undefined
    do {
      const page = data(
        await vol(emu(), P.committee, 'roster', { activityId: a.id, cursor, limit: 500 })
      )
      expect(page.items.length).toBeLessThanOrEqual(500)
      items.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    // Every one once, signed first then the waitlist in order, each with name and phone.
    expect(items.map((r) => r.openid).sort()).toEqual([...people].sort())
    expect(items.map((r) => r.status)).toEqual([
      ...Array<string>(500).fill('signed'),
      ...Array<string>(N - 500).fill('waitlisted'),
    ])
    const unnamed = items.filter((r) => !r.name.startsWith('测试志愿者') || !r.phone)
    expect(unnamed.map((r) => r.openid)).toEqual([])
  }, 300_000)
})
