// The `volunteer` function in the bench (see section.ts): activity lists on the dataset's
// activities, myRecord for a volunteer with 2,000 ledger entries, the honor roll over 10,000
// volunteers (at 100k), a journey through every action, and signups racing for one activity.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { callApi, concurrently, ms, summary, table } from './lib'
import { spawnEmulator } from './process'
import { generate, writeDataDir } from './dataset'
import type { BenchSection, Call, JourneyStep } from './section'

const MIN = 60_000
const HOUR = 60 * MIN

const call = (who: string, action: string, input: unknown = {}): Call => ({ who, action, input })
const list = (who: string, scope: string) => call(who, 'listActivities', { scope })
const change = (
  who: string,
  action: string,
  inputFrom: (ids: Record<string, string>) => unknown,
  more: Partial<JourneyStep> = {}
): JourneyStep => ({ who, action, inputFrom, change: true, ...more })

/** An activity starting `startIn` ms from now, 2 h long, signup open until its start. */
const activity = (title: string, startIn: number, quota = 20) => {
  const start = Date.now() + startIn
  return {
    title,
    description: '清理楼道杂物，张贴防诈骗宣传海报',
    location: '社区党群服务中心',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * HOUR).toISOString(),
    signupDeadline: new Date(start).toISOString(),
    quota,
    hours: 2,
    scope: { type: 'community', id: 'c1' },
  }
}

const keep = (key: string) => (data: unknown, ids: Record<string, string>) =>
  (ids[key] = (data as { id?: string; code?: string })[key === 'code' ? 'code' : 'id']!)

/** Signups racing for one activity: throughput, latency, and whether the quota held. */
export async function signupRace(quick: boolean): Promise<{ title: string; body: string }> {
  const volunteers = quick ? 128 : 256
  const clients = 64
  const { data } = generate(1000)
  const users = data.users as Record<string, unknown>[]
  const model = users.find((u) => u._id === 'demo-volunteer-2')!
  const extra = Array.from({ length: volunteers }, (_, i) => ({
    ...model,
    _id: `race-${String(i).padStart(4, '0')}`,
    openid: `race-${String(i).padStart(4, '0')}`,
    realName: `报名者${i}`,
    phone: `137${String(i).padStart(8, '0')}`,
    gridId: 'g1',
    gridName: '第一网格',
  }))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-signup-'))
  writeDataDir(dir, { ...data, users: [...users, ...extra] })
  const emu = await spawnEmulator(dir)
  try {
    const created = await callApi(
      emu.url,
      'volunteer',
      'demo-committee-1',
      'createActivity',
      activity('楼道清洁日', 2 * 24 * HOUR),
      randomUUID()
    )
    const id = (created.body.data as { id: string }).id
    const answers: string[] = []
    const trips: number[] = []
    const r = await concurrently(clients, volunteers, async (_c, n) => {
      const a = await callApi(
        emu.url,
        'volunteer',
        extra[n]._id as string,
        'signup',
        { activityId: id },
        randomUUID()
      )
      answers.push(a.body.ok ? (a.body.data as { status: string }).status : a.body.error!.code)
      trips.push(a.roundTrips)
      return a
    })
    const s = summary(r.samples)
    const got = await callApi(emu.url, 'volunteer', 'demo-committee-1', 'getActivity', { id })
    const counts = got.body.data as { signedCount: number; waitlistCount: number }
    return {
      title: `volunteer.signup: ${volunteers} volunteers, ${clients} at a time, on one activity (quota 20)`,
      body: table([
        ['calls', 'calls/s', 'p50', 'p95', 'max', 'trips max', 'signed', 'waitlisted', 'failed'],
        [
          s.n,
          (s.n / r.seconds).toFixed(0),
          ms(s.p50),
          ms(s.p95),
          ms(s.max),
          Math.max(...trips),
          `${answers.filter((a) => a === 'signed').length} (activity: ${counts.signedCount})`,
          `${answers.filter((a) => a === 'waitlisted').length} (activity: ${counts.waitlistCount})`,
          r.failed,
        ],
      ]),
    }
  } finally {
    await emu.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export const volunteerBench: BenchSection = {
  fn: 'volunteer',
  scaled: [
    ['volunteer.listActivities upcoming (volunteer)', list('demo-volunteer-1', 'upcoming')],
    ['volunteer.listActivities past (volunteer)', list('demo-volunteer-1', 'past')],
    ['volunteer.listActivities managed (committee)', list('demo-committee-1', 'managed')],
    ['volunteer.myRecord (2,000 entries)', call('demo-volunteer-1', 'myRecord')],
    ['volunteer.proof (2,000 entries)', call('demo-volunteer-1', 'proof')],
    ['volunteer.honorRoll (resident)', call('demo-resident-1', 'honorRoll')],
    ['volunteer.partyReport (committee)', call('demo-committee-1', 'partyReport')],
  ],
  journey: [
    {
      ...call('demo-resident-2', 'register', {
        skills: ['跑腿', '手机教学'],
        partyMember: true,
        workUnit: '区人民医院',
      }),
      change: true,
    },
    call('demo-committee-1', 'listApplications'),
    {
      ...call('demo-committee-1', 'reviewVolunteer', { openid: 'demo-resident-2', approve: true }),
      change: true,
    },
    {
      ...call('demo-committee-1', 'createActivity', activity('敬老院陪伴', 2 * 24 * HOUR)),
      change: true,
      keep: keep('id'),
    },
    { who: 'demo-resident-2', action: 'getActivity', inputFrom: (ids) => ({ id: ids.id }) },
    change('demo-resident-2', 'signup', (ids) => ({ activityId: ids.id })),
    list('demo-resident-2', 'mine'),
    change('demo-resident-2', 'cancelSignup', (ids) => ({ activityId: ids.id })),
    {
      ...call('demo-committee-1', 'createActivity', activity('楼道清洁', 20 * MIN)),
      change: true,
      keep: keep('id'),
    },
    change('demo-volunteer-1', 'signup', (ids) => ({ activityId: ids.id })),
    {
      who: 'demo-committee-1',
      action: 'checkinCode',
      inputFrom: (ids) => ({ activityId: ids.id }),
      keep: keep('code'),
    },
    change('demo-volunteer-1', 'checkin', (ids) => ({ activityId: ids.id, code: ids.code })),
    { who: 'demo-committee-1', action: 'roster', inputFrom: (ids) => ({ activityId: ids.id }) },
    change(
      'demo-committee-1',
      'confirmAttendance',
      (ids) => ({ activityId: ids.id, openids: ['demo-volunteer-1'] }),
      { advanceMs: 30 * MIN }
    ),
    change('demo-volunteer-1', 'feedback', (ids) => ({ activityId: ids.id, rating: 5 })),
    change('demo-committee-1', 'summary', (ids) => ({ activityId: ids.id, text: '楼道焕然一新' })),
    call('demo-volunteer-1', 'myRecord'),
    call('demo-resident-1', 'honorRoll'),
    call('demo-volunteer-1', 'proof'),
    call('demo-committee-1', 'settings'),
    {
      ...call('demo-committee-1', 'updateSettings', {
        wishHours: 1,
        errandHours: 1.5,
        starThresholds: [100, 300, 600, 1000, 1500],
      }),
      change: true,
    },
    call('demo-committee-1', 'partyReport'),
  ],
  // volunteers browse what is coming, their record and the roll
  mix: (who, n) =>
    [list(who, 'upcoming'), call(who, 'honorRoll'), list(who, 'past'), call(who, 'myRecord')][
      n % 4
    ],
  extra: signupRace,
}
