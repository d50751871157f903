import { PERSONAS as P, useEmulator } from '../helpers'
import { fuzzEveryAction, type Rng } from './fuzz'

// Every action of `user`, a few hundred generated inputs each, as every persona (see fuzz.ts).

const emu = useEmulator()

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
  updateProfile: (r) => ({
    nickname: r.pick(['老李', '张阿姨🌸']),
    elderMode: r.chance(0.5),
    creditByName: r.chance(0.5),
  }),
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

  const staff = [P.gridWorker, P.committee, P.admin]
  fuzzEveryAction(
    emu,
    'user',
    Object.fromEntries(
      Object.entries(VALID).map(([a, valid]) => [a, [valid, STAFF.includes(a) ? staff : []]])
    ),
    0
  )
})
