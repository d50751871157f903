import type { Activity } from '@/contract/volunteer'
import { ACTIVITY_LIST_SCOPES } from '@/contract/volunteer'
import { data, PERSONAS as P, useEmulator } from '../helpers'
import { fuzzEveryAction, type ActionFuzz, type Rng } from './fuzz'

// Every action of `volunteer`, a few hundred generated inputs each, as every persona (see
// fuzz.ts), on activities in each phase: one open for signup, one under way (check-in open,
// attendance not confirmed), one confirmed; and an application under review.

const emu = useEmulator()
const HOUR = 3_600_000
/** How far the emulator's clock runs ahead once arranged: the under-way activities started. */
const AHEAD = 2.5 * HOUR

type State = 'open' | 'underway' | 'confirmed'
let ids: Record<State, string>
let code = '000000'
const anId = (r: Rng, state?: State) => {
  if (state && r.chance(0.6)) return ids[state]
  return r.chance(0.9) ? r.pick(Object.values(ids)) : r.pick(['v-missing', '$gt', 'a.b'])
}
const activityInput = (r: Rng, now = Date.now() + AHEAD) => {
  const start = now + (1 + r.int(48)) * HOUR
  return {
    title: r.pick(['敬老院陪伴', '社区大扫除🌸', '垃圾分类宣传']),
    description: '一起来',
    location: '幸福里社区',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + (1 + r.int(4)) * HOUR).toISOString(),
    signupDeadline: new Date(start - HOUR).toISOString(),
    quota: 1 + r.int(5),
    hours: r.pick([0.5, 1, 2]),
    scope: r.pick([
      { type: 'community', id: 'c1' },
      { type: 'grid', id: 'g1' },
      { type: 'grid', id: 'g3' },
    ]),
  }
}

const VALID: Record<string, ActionFuzz> = {
  register: [
    (r) => {
      const party = r.chance(0.5)
      return {
        skills: r.pick([['陪伴'], ['跑腿', '维修'], ['手机教学']]),
        partyMember: party,
        ...(party || r.chance(0.3) ? { workUnit: '区税务局' } : {}),
      }
    },
    [P.resident1, P.resident3],
  ],
  listApplications: [(r) => (r.chance(0.5) ? { limit: 1 + r.int(20) } : {}), [P.committee]],
  reviewVolunteer: [
    (r) => {
      const approve = r.chance(0.5)
      return {
        openid: r.pick([P.resident2, P.resident1, P.volunteer1]),
        approve,
        ...(approve ? {} : { reason: '信息不完整' }),
      }
    },
    [P.committee],
  ],
  createActivity: [(r) => activityInput(r), [P.committee, P.gridWorker]],
  listActivities: [(r) => ({ scope: r.pick(ACTIVITY_LIST_SCOPES), limit: 1 + r.int(50) }), []],
  getActivity: [(r) => ({ id: anId(r) }), []],
  signup: [(r) => ({ activityId: anId(r, 'open') }), [P.volunteer2]],
  cancelSignup: [(r) => ({ activityId: anId(r, 'open') }), [P.volunteer1]],
  checkinCode: [(r) => ({ activityId: anId(r, 'underway') }), [P.committee]],
  checkin: [
    (r) => ({ activityId: anId(r, 'underway'), code: r.chance(0.8) ? code : '123456' }),
    [P.volunteer1, P.volunteer2],
  ],
  roster: [(r) => ({ activityId: anId(r, 'underway') }), [P.committee]],
  confirmAttendance: [
    (r) => ({
      activityId: anId(r, 'underway'),
      openids: r.pick([[P.volunteer1], [P.volunteer1, P.volunteer2], [], [P.resident1]]),
    }),
    [P.committee],
  ],
  feedback: [
    (r) => ({
      activityId: anId(r, 'confirmed'),
      rating: 1 + r.int(5),
      ...(r.chance(0.5) ? { comment: '很有意义' } : {}),
    }),
    [P.volunteer1],
  ],
  summary: [(r) => ({ activityId: anId(r, 'underway'), text: '活动圆满结束' }), [P.committee]],
  myRecord: [(r) => (r.chance(0.5) ? { limit: 1 + r.int(20) } : {}), []],
  honorRoll: [(r) => (r.chance(0.5) ? { limit: 1 + r.int(20) } : {}), []],
  proof: [() => ({}), []],
  settings: [() => ({}), [P.committee]],
  myApplication: [() => ({}), [P.resident1, P.resident2, P.volunteer1]],
  updateSettings: [
    (r) => ({
      wishHours: r.pick([0, 0.5, 1, 2]),
      errandHours: r.pick([0, 1, 1.5]),
      starThresholds: r.pick([
        [100, 300, 600, 1000, 1500],
        [10, 20, 30, 40, 50],
      ]),
    }),
    [P.committee],
  ],
  partyReport: [() => ({}), [P.committee]],
}

describe('fuzz: volunteer', () => {
  beforeEach(async () => {
    const call = <T = Activity>(who: string, action: string, input: unknown) =>
      emu().call<T>('volunteer', who, action, input)
    const base = Date.now()
    const publish = async (startIn: number, hours = 3) => {
      const start = base + startIn
      return data(
        await call(P.committee, 'createActivity', {
          title: '敬老院陪伴活动',
          location: '幸福里敬老院',
          startAt: new Date(start).toISOString(),
          endAt: new Date(start + hours * HOUR).toISOString(),
          signupDeadline: new Date(start - HOUR).toISOString(),
          quota: 2,
          hours: 2,
          scope: { type: 'community', id: 'c1' },
        })
      )
    }
    const open = await publish(24 * HOUR)
    const underway = await publish(2 * HOUR)
    // Over before the under-way one starts: a volunteer may hold both.
    const confirmed = await publish(1.5 * HOUR, 0.5)
    for (const a of [open, underway, confirmed]) {
      data(await call(P.volunteer1, 'signup', { activityId: a.id }))
    }
    data(await call(P.volunteer2, 'signup', { activityId: underway.id }))
    data(
      await call(P.resident2, 'register', {
        skills: ['陪伴'],
        partyMember: true,
        workUnit: '区税务局',
      })
    )
    await emu().setClock(AHEAD)
    data(
      await call(P.committee, 'confirmAttendance', {
        activityId: confirmed.id,
        openids: [P.volunteer1],
      })
    )
    code = data(
      await call<{ code: string }>(P.committee, 'checkinCode', { activityId: underway.id })
    ).code
    ids = { open: open.id, underway: underway.id, confirmed: confirmed.id }
  })

  fuzzEveryAction(emu, 'volunteer', VALID, 110)
})
