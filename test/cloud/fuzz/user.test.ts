import { PERSONAS as P, useEmulator } from '../helpers'
import { fuzzAction, fuzzTotals, type Rng } from './fuzz'

// Every action of `user`, a few hundred generated inputs each, as every persona (see fuzz.ts).

const emu = useEmulator()
const CASES = Number(process.env.FUZZ_CASES ?? 200)
const SEED = Number(process.env.FUZZ_SEED ?? 7)

const STAFF = ['listPendingResidents', 'listResidents', 'verifyResident', 'setRoles']
const someone = (r: Rng) => r.pick([...Object.values(P), 'fuzz-stranger'])

/** Each action's valid input; the staff actions are also called by staff half the time. */
const VALID: Record<string, (r: Rng) => Record<string, unknown>> = {
  me: () => ({}),
  counts: () => ({}),
  listGrids: () => ({}),
  myGrid: () => ({}),
  bindGrid: (r) => ({
    gridId: r.pick(['g1', 'g2', 'g3']),
    buildingId: r.pick(['g1-b1', 'g2-b4', 'g3-b1']),
    room: r.pick(['1-302', '808', 'A-1']),
    name: r.pick(['新邻居', '吴新民', 'Anna Li']),
    ...(r.chance(0.5) ? { phone: '13911112222' } : {}),
    ...(r.chance(0.2) ? { phoneCode: 'phone:13911113333' } : {}),
  }),
  updateProfile: (r) => ({ nickname: r.pick(['老李', '张阿姨🌸']), elderMode: r.chance(0.5) }),
  listPendingResidents: (r) => ({ limit: 1 + r.int(50) }),
  listResidents: (r) => ({ gridId: r.pick(['g1', 'g2', 'g3']), limit: 1 + r.int(50) }),
  verifyResident: (r) => ({
    openid: r.chance(0.7) ? P.newcomer : someone(r),
    approve: r.chance(0.5),
    reason: '信息不符',
  }),
  setRoles: (r) => ({
    openid: someone(r),
    roles: r.pick([['resident', 'volunteer'], ['redAgent'], ['gridWorker'], ['committee'], []]),
    ...(r.chance(0.5) ? { gridIds: ['g1'] } : {}),
    ...(r.chance(0.3) ? { communityId: 'c1' } : {}),
  }),
  exportMyData: () => ({}),
  deleteMe: () => ({}),
}

const tally: Record<string, Record<string, number>> = {}
afterAll(() => {
  const line = Object.entries(tally).map(([a, t]) => `${a} ${JSON.stringify(t)}`)
  console.log(`fuzz user: ${fuzzTotals.calls} calls in ${fuzzTotals.ms} ms\n${line.join('\n')}`)
})

describe('fuzz: user', () => {
  beforeEach(async () => {
    // Someone waiting for verification, so that verifyResident has work to refuse or do.
    await emu().call('user', P.newcomer, 'bindGrid', {
      gridId: 'g1',
      buildingId: 'g1-b1',
      room: '602',
      name: '吴新民',
    })
  })

  it.each(Object.keys(VALID).map((a, i) => [a, SEED * 100 + i] as const))(
    'user.%s (seed %i): the envelope, never INTERNAL, no change when refused',
    async (action, seed) => {
      const { failures, answers } = await fuzzAction(
        emu(),
        'user',
        action,
        seed,
        CASES,
        VALID[action],
        STAFF.includes(action) ? [P.gridWorker, P.committee, P.admin] : []
      )
      expect(failures.slice(0, 5)).toEqual([])
      // The generator reaches the action's rule, not only the schema: some calls pass.
      expect(answers.ok).toBeGreaterThan(0)
      expect(answers.INVALID_INPUT).toBeGreaterThan(0)
      tally[action] = answers
    },
    120_000
  )
})
