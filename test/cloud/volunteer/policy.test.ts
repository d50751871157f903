import { activityInput, data, emuNow, expectError, P, publish, useEmulator, vol } from './helpers'

// The policy as a table through calls: for each persona, what `user.me` offers in the volunteer
// domain (`can`), and that each offer is exactly what the action allows. Then the ledger
// settings: the committee's, every input rule with its field.

const emu = useEmulator()

const ABILITIES = ['register', 'review', 'publish', 'signup', 'record', 'ledger'] as const
type Ability = (typeof ABILITIES)[number]

// persona → the abilities it has (the rest it has not).
const TABLE: [string, string, Ability[]][] = [
  ['resident', P.resident1, ['register', 'record']],
  ['volunteer', P.volunteer1, ['signup', 'record']],
  ['volunteer of g2', P.volunteer2, ['signup', 'record']],
  ['grid worker', P.gridWorker, ['publish']],
  ['committee', P.committee, ['review', 'publish', 'ledger']],
  ['street admin', P.admin, []],
  ['newcomer', P.newcomer, []],
]

/** What each ability's action answers the persona (ok or not), one call each. */
const probes: Record<Ability, (who: string, activityId: string) => Promise<boolean>> = {
  register: async (who) =>
    (await vol(emu(), who, 'register', { skills: ['陪伴'], partyMember: false })).ok,
  review: async (who) => (await vol(emu(), who, 'listApplications', {})).ok,
  publish: async (who) =>
    (
      await vol(
        emu(),
        who,
        'createActivity',
        activityInput(await emuNow(emu()), { scope: { type: 'grid', id: 'g1' }, startIn: 48 })
      )
    ).ok,
  signup: async (who, activityId) => (await vol(emu(), who, 'signup', { activityId })).ok,
  record: async (who) => (await vol(emu(), who, 'myRecord', {})).ok,
  ledger: async (who) => {
    const answers = await Promise.all([
      vol(emu(), who, 'settings', {}),
      vol(emu(), who, 'partyReport', {}),
    ])
    expect(answers[0].ok).toBe(answers[1].ok)
    return answers[0].ok
  },
}

describe('the volunteer policy, persona × ability', () => {
  it.each(TABLE)('%s: user.me offers exactly what the actions allow', async (_label, who, has) => {
    const a = await publish(emu())
    const me = data(await emu().call('user', who, 'me', {}))
    for (const ability of ABILITIES) {
      const expected = has.includes(ability)
      expect([ability, me.can[`volunteer.${ability}`]]).toEqual([ability, expected])
      expect([ability, await probes[ability](who, a.id)]).toEqual([ability, expected])
    }
  })

  it('an application under review takes the offer away; approval makes it signup', async () => {
    data(await vol(emu(), P.resident2, 'register', { skills: ['陪伴'], partyMember: false }))
    expect(data(await emu().call('user', P.resident2, 'me', {})).can).toMatchObject({
      'volunteer.register': false,
      'volunteer.signup': false,
    })
    data(await vol(emu(), P.committee, 'reviewVolunteer', { openid: P.resident2, approve: true }))
    expect(data(await emu().call('user', P.resident2, 'me', {})).can).toMatchObject({
      'volunteer.register': false,
      'volunteer.signup': true,
    })
  })
})

describe('volunteer.settings and updateSettings', () => {
  it('defaults: 1 h per wish and per errand, stars at 100/300/600/1000/1500 h', async () => {
    expect(data(await vol(emu(), P.committee, 'settings', {}))).toEqual({
      communityId: 'c1',
      wishHours: 1,
      errandHours: 1,
      starThresholds: [100, 300, 600, 1000, 1500],
    })
  })

  it.each([
    ['grid worker', P.gridWorker],
    ['volunteer', P.volunteer1],
    ['admin', P.admin],
  ])('the %s may not change them; nothing changes', async (_label, who) => {
    const input = { wishHours: 3, errandHours: 3, starThresholds: [1, 2, 3, 4, 5] }
    expectError(await vol(emu(), who, 'updateSettings', input), 'FORBIDDEN')
    expect(data(await vol(emu(), P.committee, 'settings', {})).wishHours).toBe(1)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['wishHours 0.3', { wishHours: 0.3 }, 'wishHours'],
    ['wishHours -1', { wishHours: -1 }, 'wishHours'],
    ['wishHours 24.5', { wishHours: 24.5 }, 'wishHours'],
    ['errandHours as text', { errandHours: '1' }, 'errandHours'],
    ['four thresholds', { starThresholds: [1, 2, 3, 4] }, 'starThresholds'],
    ['six thresholds', { starThresholds: [1, 2, 3, 4, 5, 6] }, 'starThresholds'],
    ['thresholds not rising', { starThresholds: [100, 300, 300, 1000, 1500] }, 'starThresholds'],
    ['a threshold of 0', { starThresholds: [0, 300, 600, 1000, 1500] }, 'starThresholds'],
    ['a fractional threshold', { starThresholds: [1.5, 300, 600, 1000, 1500] }, 'starThresholds'],
  ])('%s: INVALID_INPUT, nothing changes', async (_label, change, field) => {
    const input = { wishHours: 2, errandHours: 2, starThresholds: [10, 20, 30, 40, 50], ...change }
    const res = await emu().call('volunteer', P.committee, 'updateSettings', input)
    expectError(res, 'INVALID_INPUT')
    expect(!res.ok && res.error.field?.split('.')[0]).toBe(field)
    expect(data(await vol(emu(), P.committee, 'settings', {}))).toMatchObject({
      wishHours: 1,
      starThresholds: [100, 300, 600, 1000, 1500],
    })
  })

  it('zero hours per wish is allowed (a community may count only activities)', async () => {
    const s = data(
      await vol(emu(), P.committee, 'updateSettings', {
        wishHours: 0,
        errandHours: 0.5,
        starThresholds: [10, 20, 30, 40, 50],
      })
    )
    expect(s).toMatchObject({ wishHours: 0, errandHours: 0.5 })
    expect(data(await vol(emu(), P.committee, 'settings', {}))).toEqual(s)
    // Stars follow at once for everyone of the community.
    expect(data(await vol(emu(), P.volunteer2, 'myRecord', {})).nextStar).toEqual({
      stars: 1,
      hoursNeeded: 10,
    })
  })
})

describe('every action', () => {
  const ACTIONS = [
    'register',
    'listApplications',
    'reviewVolunteer',
    'createActivity',
    'listActivities',
    'getActivity',
    'signup',
    'cancelSignup',
    'checkinCode',
    'checkin',
    'roster',
    'confirmAttendance',
    'feedback',
    'summary',
    'myRecord',
    'honorRoll',
    'proof',
    'settings',
    'updateSettings',
    'partyReport',
  ] as const

  it.each(ACTIONS)('%s: no identity is UNAUTHENTICATED', async (action) => {
    expectError(await emu().call('volunteer', null, action, {}), 'UNAUTHENTICATED')
  })

  it.each(ACTIONS)(
    '%s: input of the wrong shape is INVALID_INPUT, never INTERNAL',
    async (action) => {
      for (const input of [42, 'text', [1, 2], { activityId: { $gt: '' }, id: { $ne: null } }]) {
        const res = await emu().call('volunteer', P.committee, action, input)
        if (res.ok) continue // an action without input fields may ignore what it does not read
        expect([action, res.error.code]).not.toEqual([action, 'INTERNAL'])
      }
      const bad = await emu().call('volunteer', P.committee, action, 42)
      expectError(bad, 'INVALID_INPUT')
    }
  )
})
