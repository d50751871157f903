import type { RegisterVolunteerInput } from '@/contract/volunteer'
import { data, expectError, newResident, P, templatesTo, useEmulator, vol } from './helpers'

// volunteer.register / listApplications / reviewVolunteer: verified residents apply with skills,
// party membership and work unit (在职党员双报到); the committee of their community reviews;
// approval grants the `volunteer` role and the applicant is told.

const emu = useEmulator()

const apply = (who: string | null, input: Partial<RegisterVolunteerInput> = {}, rid?: string) =>
  vol(
    emu(),
    who,
    'register',
    { skills: ['陪伴', '手机教学'], partyMember: false, ...input } as RegisterVolunteerInput,
    rid
  )
const review = (who: string, openid: string, approve: boolean, reason?: string) =>
  vol(emu(), who, 'reviewVolunteer', { openid, approve, ...(reason ? { reason } : {}) })
const me = async (who: string) => data(await emu().call('user', who, 'me', {}))
const application = async (openid: string) =>
  (await emu().emulator.db.find('users', { _id: openid }))[0].volunteer as
    Record<string, unknown> | undefined

describe('volunteer.register', () => {
  it('a verified resident applies: pending, with what they said; the committee’s badge counts it', async () => {
    expect((await me(P.resident2)).can['volunteer.register']).toBe(true)
    const a = data(
      await apply(P.resident2, {
        skills: ['陪伴', '维修'],
        partyMember: true,
        workUnit: '区税务局',
      })
    )
    expect(a).toMatchObject({
      id: P.resident2,
      openid: P.resident2,
      status: 'pending',
      name: '李建国',
      phone: '13800000002',
      skills: ['陪伴', '维修'],
      partyMember: true,
      workUnit: '区税务局',
      reviewedAt: null,
    })
    expect(a.timeline.map((t) => t.type)).toEqual(['applied'])
    expect((await me(P.resident2)).can['volunteer.register']).toBe(false)
    expect((await me(P.resident2)).roles).not.toContain('volunteer')
    const counts = data(await emu().call('user', P.committee, 'counts', {})).counts
    expect(counts['volunteer.toReview']).toBe(1)
  })

  it('a pending application or an approved volunteer: CONFLICT, the first application kept', async () => {
    data(await apply(P.resident2, { skills: ['陪伴'] }))
    expectError(await apply(P.resident2, { skills: ['维修'] }), 'CONFLICT')
    expect((await application(P.resident2))?.skills).toEqual(['陪伴'])
    expectError(await apply(P.volunteer1), 'CONFLICT')
    expect((await application(P.volunteer1))?.status).toBe('approved')
  })

  it('a refused applicant may apply again', async () => {
    data(await apply(P.resident2))
    data(await review(P.committee, P.resident2, false, '信息不完整'))
    expect((await me(P.resident2)).can['volunteer.register']).toBe(true)
    expect(data(await apply(P.resident2, { skills: ['跑腿'] })).status).toBe('pending')
  })

  it('a repeated requestId replays the application', async () => {
    const first = await apply(P.resident2, {}, 'apply-once')
    expect(await apply(P.resident2, {}, 'apply-once')).toEqual(first)
    expect(first.ok).toBe(true)
  })

  it.each([
    ['no identity', 'UNAUTHENTICATED', null],
    ['a newcomer', 'NOT_BOUND', P.newcomer],
    ['the committee (no home grid)', 'NOT_BOUND', P.committee],
  ])('%s may not apply (%s)', async (_label, code, who) => {
    expectError(await apply(who), code)
  })

  it('a resident whose binding is not verified: NOT_VERIFIED, nothing stored', async () => {
    data(
      await emu().call('user', 'pending-res', 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b2',
        room: '909',
        name: '待审居民',
      })
    )
    expectError(await apply('pending-res'), 'NOT_VERIFIED')
    expect(await application('pending-res')).toBeUndefined()
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['no skills', { skills: [] }, 'skills'],
    ['six skills', { skills: ['一', '二', '三', '四', '五', '六'] }, 'skills'],
    ['a skill of 11 characters', { skills: ['陪'.repeat(11)] }, 'skills'],
    ['an empty skill', { skills: [''] }, 'skills'],
    ['a skill that is not text', { skills: [42] }, 'skills'],
    ['skills not a list', { skills: '陪伴' }, 'skills'],
    ['a party member without a work unit', { partyMember: true }, 'workUnit'],
    ['a party member with a blank work unit', { partyMember: true, workUnit: '  ' }, 'workUnit'],
    ['a work unit of 31 characters', { partyMember: true, workUnit: '单'.repeat(31) }, 'workUnit'],
    ['partyMember missing', { partyMember: undefined }, 'partyMember'],
    ['partyMember as text', { partyMember: 'yes' }, 'partyMember'],
  ])('%s: INVALID_INPUT, nothing stored', async (_label, change, field) => {
    const input = { skills: ['陪伴'], partyMember: false, ...change }
    const res = await emu().call('volunteer', P.resident2, 'register', input)
    expectError(res, 'INVALID_INPUT')
    expect(!res.ok && res.error.field?.split('.')[0]).toBe(field)
    expect(await application(P.resident2)).toBeUndefined()
  })

  it('five skills of 10 characters and a work unit of 30 are fine', async () => {
    const skills = ['一', '二', '三', '四', '五'].map((c) => c.repeat(10))
    const a = data(
      await apply(P.resident2, { skills, partyMember: true, workUnit: '单'.repeat(30) })
    )
    expect(a.skills).toEqual(skills)
  })

  it.each([
    ['skills', { skills: ['违禁测试词'] }],
    ['workUnit', { partyMember: true, workUnit: '违禁测试词单位' }],
  ])('a forbidden word in %s: CONTENT_REJECTED, nothing stored', async (field, change) => {
    const res = await apply(P.resident2, change)
    expectError(res, 'CONTENT_REJECTED')
    expect(!res.ok && res.error.field?.split('.')[0]).toBe(field)
    expect(await application(P.resident2)).toBeUndefined()
  })
})

describe('volunteer.listApplications and reviewVolunteer', () => {
  it('the committee sees the queue oldest first, approves: the volunteer role, the applicant told', async () => {
    data(await apply(P.resident2, { partyMember: true, workUnit: '区税务局' }))
    data(await apply(P.resident3))
    const queue = data(await vol(emu(), P.committee, 'listApplications', {}))
    expect(queue.items.map((a) => a.openid)).toEqual([P.resident2, P.resident3])
    expect(queue.items[0]).toMatchObject({
      name: '李建国',
      phone: '13800000002',
      workUnit: '区税务局',
      can: { review: true },
    })

    const approved = data(await review(P.committee, P.resident2, true))
    expect(approved).toMatchObject({ status: 'approved', reason: null })
    expect(approved.reviewedAt).not.toBeNull()
    expect(approved.timeline.map((t) => t.type)).toEqual(['applied', 'approved'])
    const now = await me(P.resident2)
    expect(now.roles).toContain('volunteer')
    expect(now.can['volunteer.signup']).toBe(true)
    expect(await templatesTo(emu(), P.resident2)).toEqual([
      expect.stringContaining('VOLUNTEER_REVIEWED'),
    ])
    expect(
      data(await vol(emu(), P.committee, 'listApplications', {})).items.map((a) => a.openid)
    ).toEqual([P.resident3])
    expect(
      data(await emu().call('user', P.committee, 'counts', {})).counts['volunteer.toReview']
    ).toBe(1)
  })

  it('a refusal needs a reason; the applicant is told and gets no role', async () => {
    data(await apply(P.resident2))
    const res = await review(P.committee, P.resident2, false)
    expectError(res, 'INVALID_INPUT', 'reason')
    expect((await application(P.resident2))?.status).toBe('pending')
    const refused = data(await review(P.committee, P.resident2, false, '请补充特长说明'))
    expect(refused).toMatchObject({ status: 'rejected', reason: '请补充特长说明' })
    expect((await me(P.resident2)).roles).not.toContain('volunteer')
    expect(await templatesTo(emu(), P.resident2)).toHaveLength(1)
  })

  it('reviewing twice: CONFLICT; an unknown applicant or one without an application: NOT_FOUND', async () => {
    data(await apply(P.resident2))
    data(await review(P.committee, P.resident2, true))
    expectError(await review(P.committee, P.resident2, false, '重复'), 'CONFLICT')
    expect((await me(P.resident2)).roles).toContain('volunteer')
    expectError(await review(P.committee, 'nobody-at-all', true), 'NOT_FOUND')
    expectError(await review(P.committee, P.resident1, true), 'NOT_FOUND')
    expect((await me(P.resident1)).roles).not.toContain('volunteer')
  })

  it.each([
    ['the grid worker', P.gridWorker],
    ['the admin', P.admin],
    ['a volunteer', P.volunteer1],
    ['the applicant', P.resident2],
  ])('%s may neither list nor review applications; nothing changes', async (_label, who) => {
    data(await apply(P.resident2))
    expectError(await vol(emu(), who, 'listApplications', {}), 'FORBIDDEN')
    const res = await review(who, P.resident2, true)
    expect(res.ok).toBe(false)
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(!res.ok && res.error.code)
    expect((await application(P.resident2))?.status).toBe('pending')
    expect((await me(P.resident2)).roles).not.toContain('volunteer')
  })

  it('the committee of another community does not see or review c1’s applications', async () => {
    await newResident(emu(), 'c2-applicant', { gridId: 'g3', buildingId: 'g3-b1' })
    data(await apply('c2-applicant'))
    expect(
      data(await vol(emu(), P.committee, 'listApplications', {})).items.map((a) => a.openid)
    ).not.toContain('c2-applicant')
    expectError(await review(P.committee, 'c2-applicant', true), 'NOT_FOUND')
  })

  it('bad input: INVALID_INPUT with the field', async () => {
    expectError(
      await emu().call('volunteer', P.committee, 'reviewVolunteer', { openid: P.resident2 }),
      'INVALID_INPUT',
      'approve'
    )
    expectError(
      await emu().call('volunteer', P.committee, 'reviewVolunteer', { approve: true }),
      'INVALID_INPUT',
      'openid'
    )
    expectError(
      await emu().call('volunteer', P.committee, 'listApplications', { limit: 0 }),
      'INVALID_INPUT',
      'limit'
    )
  })

  it('pages with a cursor, each application once', async () => {
    const people = ['apl-1', 'apl-2', 'apl-3', 'apl-4', 'apl-5']
    for (const o of people) {
      await newResident(emu(), o)
      data(await apply(o))
    }
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = data(await vol(emu(), P.committee, 'listApplications', { limit: 2, cursor }))
      seen.push(...page.items.map((a) => a.openid))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(people)
  })
})
