import { CHECKIN_PAGE, type RegisterVolunteerInput } from '@/contract/volunteer'
import { data, expectError, P, publish, useEmulator, vol } from './helpers'

// volunteer.myApplication: the applicant sees where their application stands on any later visit
// (and why it was refused). volunteer.checkinCode: the organizer's screen shows the rotating code
// as a 小程序码 whose scan opens the check-in page with the code filled in.

const emu = useEmulator()

const apply = (who: string) =>
  vol(emu(), who, 'register', {
    skills: ['陪伴'],
    partyMember: false,
  } as RegisterVolunteerInput)

describe('volunteer.myApplication', () => {
  it('is null before applying, pending after, and carries the reason once refused', async () => {
    expect(data(await vol(emu(), P.resident2, 'myApplication', {}))).toBeNull()
    data(await apply(P.resident2))
    expect(data(await vol(emu(), P.resident2, 'myApplication', {}))).toMatchObject({
      status: 'pending',
      skills: ['陪伴'],
      name: '李建国',
      phone: '13800000002',
      reason: null,
    })
    data(
      await vol(emu(), P.committee, 'reviewVolunteer', {
        openid: P.resident2,
        approve: false,
        reason: '请先参加一次社区活动',
      })
    )
    expect(data(await vol(emu(), P.resident2, 'myApplication', {}))).toMatchObject({
      status: 'rejected',
      reason: '请先参加一次社区活动',
    })
  })

  it('shows an approved volunteer their approval, and answers nobody else’s', async () => {
    expect(data(await vol(emu(), P.volunteer1, 'myApplication', {}))).toMatchObject({
      id: P.volunteer1,
      status: 'approved',
    })
    // Identity is OPENID alone: an openid in the input is ignored.
    const other = await vol(emu(), P.resident3, 'myApplication', { openid: P.volunteer1 } as never)
    expect(other.ok ? other.data : null).toBeNull()
    expectError(await vol(emu(), null, 'myApplication', {}), 'UNAUTHENTICATED')
  })
})

describe('volunteer.checkinCode QR', () => {
  it('returns the 小程序码 of the check-in page carrying the code', async () => {
    const a = await publish(emu())
    const c = data(await vol(emu(), P.committee, 'checkinCode', { activityId: a.id }))
    expect(c.image).toMatch(/^data:image\/png;base64,/)
    const png = Buffer.from(c.image.split(',')[1], 'base64')
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(c.scene).toContain(c.code)
    expect(c.scene.length).toBeLessThanOrEqual(32)
    expect(CHECKIN_PAGE).toBe('packages/volunteer/pages/checkin/index')
    expectError(await vol(emu(), P.volunteer1, 'checkinCode', { activityId: a.id }), 'FORBIDDEN')
  })
})
