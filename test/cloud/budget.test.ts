import fs from 'node:fs'
import type { ActionName, FunctionName, InputOf } from '@/contract/api'
import type { Wish } from '@/contract/wish'
import type { Errand, HelpResult } from '@/contract/errand'
import type { Activity, CheckinCode } from '@/contract/volunteer'
import type { Matter } from '@/contract/matter'
import { codePng } from '../../emulator/openapi/png'
import type { Topic, TopicComment, VoteResult } from '@/contract/deliberation'
import { EXPORT_KINDS } from '@/contract/committee'
import {
  call,
  callWithStats,
  data,
  PERSONAS as P,
  READ_TRIPS,
  useEmulator,
  WRITE_TRIPS,
} from './helpers'

// Every action of every function, called as the app calls it (a change with a requestId), within
// its database round-trip budget: reads 2, changes 4, the caller, the audit entry and the
// request's record included. Set BUDGET_OUT=<file> to write the measured figures as JSON.

const emu = useEmulator()
const measured: Record<string, number> = {}
let seq = 0

async function within<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  who: string,
  action: A,
  input: InputOf<F, A>,
  budget: number
) {
  const requestId = budget >= WRITE_TRIPS ? `budget-${++seq}` : undefined
  const { result, roundTrips } = await callWithStats(emu(), fn, who, action, input, requestId)
  measured[`${fn}.${action}`] = Math.max(measured[`${fn}.${action}`] ?? 0, roundTrips)
  expect({ action: `${fn}.${action}`, ok: result.ok }).toEqual({
    action: `${fn}.${action}`,
    ok: true,
  })
  expect({ action: `${fn}.${action}`, roundTrips }).toEqual({
    action: `${fn}.${action}`,
    roundTrips: Math.min(roundTrips, budget),
  })
  return result.ok ? result.data : (null as never)
}

const wishInput = (n: number) => ({
  title: `想要一根拐杖${n}`,
  content: `腿脚不便，出门需要一根结实的拐杖 ${n}`,
  category: 'daily' as const,
})

/** Tomorrow in Asia/Shanghai (the emulator's clock is reset to now before each test). */
const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)
const errandInput = (n: number) => ({
  type: 'medicine' as const,
  detail: `帮忙到社区药店买降压药 ${n}`,
  date: tomorrow(),
  slot: 'morning' as const,
})

/** The rows a ledger reads per query (docs/contract.md §4.5). */
const EXPORT_PAGE = 1000
/**
 * Meeting votes write three documents apart (the roll entries, a ballot bin, the topic's
 * `meetingVotes` timeline step) besides the caller's read and the audit entry: one round trip
 * over WRITE_TRIPS (docs/architecture.md §5, the secret ballot). Votes and the opening of a vote
 * are within WRITE_TRIPS.
 */
const MEETING_VOTE_TRIPS = WRITE_TRIPS + 1

afterAll(() => {
  if (process.env.BUDGET_OUT) fs.writeFileSync(process.env.BUDGET_OUT, JSON.stringify(measured))
})

describe('round-trip budget with a requestId', () => {
  it('every user action', async () => {
    await within('user', P.resident1, 'me', {}, READ_TRIPS)
    await within('user', P.resident1, 'counts', {}, READ_TRIPS)
    await within('user', P.gridWorker, 'counts', {}, READ_TRIPS)
    await within('user', P.admin, 'counts', {}, READ_TRIPS)
    await within('user', P.newcomer, 'listGrids', {}, READ_TRIPS)
    await within('user', P.resident1, 'myGrid', {}, READ_TRIPS)
    await within('user', P.gridWorker, 'gridCode', { gridId: 'g1' }, WRITE_TRIPS)
    const bind = { gridId: 'g1', buildingId: 'g1-b1', room: '901', name: '新邻居' }
    await within('user', P.newcomer, 'bindGrid', bind, WRITE_TRIPS)
    // A first-time user without any profile yet.
    await within('user', 'budget-first-timer', 'bindGrid', { ...bind, room: '902' }, WRITE_TRIPS)
    await within('user', P.resident2, 'updateProfile', { nickname: '老李' }, WRITE_TRIPS)
    await within('user', P.gridWorker, 'listPendingResidents', {}, READ_TRIPS)
    await within('user', P.gridWorker, 'listResidents', {}, READ_TRIPS)
    await within(
      'user',
      P.gridWorker,
      'verifyResident',
      { openid: P.newcomer, approve: true },
      WRITE_TRIPS
    )
    await within(
      'user',
      P.committee,
      'setRoles',
      { openid: P.resident2, roles: ['resident', 'redAgent'] },
      WRITE_TRIPS
    )
    await within('user', P.resident2, 'exportMyData', {}, READ_TRIPS)
    // Moving within the community re-counts two grids in one write.
    await within(
      'user',
      P.resident2,
      'bindGrid',
      { gridId: 'g2', buildingId: 'g2-b4', room: '404', name: '李建国' },
      WRITE_TRIPS
    )
  })

  it('every wish action', async () => {
    const w = (await within('wish', P.resident1, 'create', wishInput(1), WRITE_TRIPS)) as Wish
    await within('wish', P.gridWorker, 'review', { id: w.id, approve: true }, WRITE_TRIPS)
    await within('wish', P.resident1, 'get', { id: w.id }, READ_TRIPS)
    await within('wish', P.resident1, 'list', { scope: 'grid' }, READ_TRIPS)
    await within('wish', P.gridWorker, 'list', { scope: 'review' }, READ_TRIPS)
    await within('wish', P.resident1, 'stats', {}, READ_TRIPS)
    await within('wish', P.volunteer1, 'claim', { id: w.id }, WRITE_TRIPS)
    await within('wish', P.volunteer1, 'release', { id: w.id, reason: '临时有事' }, WRITE_TRIPS)
    data(await call(emu(), 'wish', P.volunteer1, 'claim', { id: w.id }))
    await within('wish', P.volunteer1, 'fulfill', { id: w.id, note: '已经送到' }, WRITE_TRIPS)
    await within(
      'wish',
      P.resident1,
      'confirm',
      { id: w.id, rating: 5, thanks: '谢谢志强' },
      WRITE_TRIPS
    )
    const mine = (await within('wish', P.resident2, 'create', wishInput(2), WRITE_TRIPS)) as Wish
    await within('wish', P.resident2, 'cancel', { id: mine.id }, WRITE_TRIPS)
    await within(
      'wish',
      P.gridWorker,
      'createFor',
      { residentOpenid: P.resident3, ...wishInput(3) },
      WRITE_TRIPS
    )
  })

  it('every errand action', async () => {
    await within('errand', P.resident1, 'types', {}, READ_TRIPS)
    const e = (await within('errand', P.resident1, 'book', errandInput(1), WRITE_TRIPS)) as Errand
    await within('errand', P.resident1, 'get', { id: e.id }, READ_TRIPS)
    await within('errand', P.resident1, 'list', { scope: 'mine' }, READ_TRIPS)
    await within('errand', P.volunteer1, 'list', { scope: 'pool' }, READ_TRIPS)
    await within('errand', P.gridWorker, 'list', { scope: 'managed' }, READ_TRIPS)
    await within(
      'errand',
      P.committee,
      'list',
      { scope: 'managed', status: 'requested' },
      READ_TRIPS
    )
    await within('errand', P.volunteer1, 'accept', { id: e.id }, WRITE_TRIPS)
    await within('errand', P.volunteer1, 'list', { scope: 'assigned' }, READ_TRIPS)
    await within('errand', P.volunteer1, 'release', { id: e.id, reason: '临时有事' }, WRITE_TRIPS)
    data(await call(emu(), 'errand', P.volunteer1, 'accept', { id: e.id }))
    await within('errand', P.volunteer1, 'complete', { id: e.id, note: '已经送到' }, WRITE_TRIPS)
    await within('errand', P.resident1, 'confirm', { id: e.id, rating: 5 }, WRITE_TRIPS)
    const mine = (await within(
      'errand',
      P.resident2,
      'book',
      errandInput(2),
      WRITE_TRIPS
    )) as Errand
    await within('errand', P.resident2, 'cancel', { id: mine.id }, WRITE_TRIPS)
    await within(
      'errand',
      P.gridWorker,
      'bookFor',
      { residentOpenid: P.resident3, ...errandInput(3) },
      WRITE_TRIPS
    )
    const h = (await within('errand', P.resident2, 'help', {}, WRITE_TRIPS)) as HelpResult
    expect(h.callNumbers.length).toBeGreaterThan(0)
    await within('user', P.volunteer1, 'counts', {}, READ_TRIPS)
    await within('user', P.resident2, 'counts', {}, READ_TRIPS)
  })

  it('every volunteer action', async () => {
    const HOUR = 3_600_000
    const start = Date.now() + 24 * HOUR
    await within(
      'volunteer',
      P.resident2,
      'register',
      { skills: ['陪伴'], partyMember: true, workUnit: '区税务局' },
      WRITE_TRIPS
    )
    await within('volunteer', P.committee, 'listApplications', {}, READ_TRIPS)
    await within('volunteer', P.resident2, 'myApplication', {}, READ_TRIPS)
    await within(
      'volunteer',
      P.committee,
      'reviewVolunteer',
      { openid: P.resident2, approve: true },
      WRITE_TRIPS
    )
    const a = (await within(
      'volunteer',
      P.committee,
      'createActivity',
      {
        title: '敬老院陪伴活动',
        description: '陪伴老人聊天',
        location: '幸福里敬老院',
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 2 * HOUR).toISOString(),
        signupDeadline: new Date(start - HOUR).toISOString(),
        quota: 1,
        hours: 2,
        scope: { type: 'community', id: 'c1' },
      },
      WRITE_TRIPS
    )) as Activity
    const on = { activityId: a.id }
    await within('volunteer', P.volunteer1, 'signup', on, WRITE_TRIPS)
    await within('volunteer', P.volunteer2, 'signup', on, WRITE_TRIPS)
    await within('volunteer', P.volunteer2, 'getActivity', { id: a.id }, READ_TRIPS)
    for (const scope of ['upcoming', 'mine', 'past', 'managed'] as const) {
      await within(
        'volunteer',
        scope === 'managed' ? P.committee : P.volunteer1,
        'listActivities',
        { scope },
        READ_TRIPS
      )
    }
    await within('volunteer', P.gridWorker, 'listActivities', { scope: 'managed' }, READ_TRIPS)
    await within('volunteer', P.volunteer2, 'cancelSignup', on, WRITE_TRIPS)
    // With a busy document already kept: a signup onto a waitlist, and a cancel that promotes.
    const later = (await within(
      'volunteer',
      P.committee,
      'createActivity',
      {
        title: '楼道清洁活动',
        description: '清理楼道杂物',
        location: '幸福里3号楼',
        startAt: new Date(start + 3 * HOUR).toISOString(),
        endAt: new Date(start + 4 * HOUR).toISOString(),
        signupDeadline: new Date(start - HOUR).toISOString(),
        quota: 1,
        hours: 1,
        scope: { type: 'community', id: 'c1' },
      },
      WRITE_TRIPS
    )) as Activity
    const onLater = { activityId: later.id }
    await within('volunteer', P.resident2, 'signup', onLater, WRITE_TRIPS)
    await within('volunteer', P.volunteer1, 'signup', onLater, WRITE_TRIPS)
    await within('volunteer', P.resident2, 'cancelSignup', onLater, WRITE_TRIPS)
    await within('user', P.volunteer1, 'counts', {}, READ_TRIPS)
    await within('volunteer', P.committee, 'roster', on, READ_TRIPS)
    await emu().setClock(24 * HOUR - 20 * 60_000)
    const { code } = (await within(
      'volunteer',
      P.committee,
      'checkinCode',
      on,
      READ_TRIPS
    )) as CheckinCode
    await within('volunteer', P.volunteer1, 'checkin', { ...on, code }, WRITE_TRIPS)
    await emu().setClock(25 * HOUR)
    await within(
      'volunteer',
      P.committee,
      'confirmAttendance',
      { ...on, openids: [P.volunteer1] },
      WRITE_TRIPS
    )
    await within(
      'volunteer',
      P.volunteer1,
      'feedback',
      { ...on, rating: 5, comment: '很好' },
      WRITE_TRIPS
    )
    await within('volunteer', P.committee, 'summary', { ...on, text: '活动圆满结束' }, WRITE_TRIPS)
    await within('volunteer', P.volunteer1, 'myRecord', {}, READ_TRIPS)
    await within('volunteer', P.volunteer1, 'proof', {}, READ_TRIPS)
    await emu().fireTimer('volunteer')
    await within('volunteer', P.volunteer1, 'myRecord', {}, READ_TRIPS)
    await within('volunteer', P.resident1, 'honorRoll', {}, READ_TRIPS)
    await within('volunteer', P.committee, 'settings', {}, READ_TRIPS)
    await within(
      'volunteer',
      P.committee,
      'updateSettings',
      { wishHours: 1.5, errandHours: 1, starThresholds: [50, 100, 200, 400, 800] },
      WRITE_TRIPS
    )
    await within('volunteer', P.committee, 'partyReport', {}, READ_TRIPS)
    await within('user', P.committee, 'counts', {}, READ_TRIPS)
    await within('user', P.volunteer1, 'counts', {}, READ_TRIPS)
  })

  it('every matter action', async () => {
    // A photo uploaded as the H5 app does: the report checks it in storage (not database trips).
    const form = new FormData()
    const png = codePng('budget', 'pages/index/index', 120)
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'lamp.png')
    const res = await fetch(`${emu().url}/api/_upload`, {
      method: 'POST',
      headers: { 'X-Openid': P.resident1 },
      body: form,
    })
    const { data: uploaded } = (await res.json()) as { data: { fileID: string } }
    const report = (n: number, photos: string[] = []) => ({
      category: 'facility' as const,
      content: `3号楼门口的路灯坏了 ${n}`,
      photos,
    })
    const m = (await within(
      'matter',
      P.resident1,
      'report',
      report(1, [uploaded.fileID]),
      WRITE_TRIPS
    )) as Matter
    await within('matter', P.resident1, 'get', { id: m.id }, READ_TRIPS)
    for (const scope of ['mine', 'grid', 'community'] as const) {
      await within('matter', P.resident2, 'list', { scope }, READ_TRIPS)
    }
    await within('matter', P.gridWorker, 'list', { scope: 'queue' }, READ_TRIPS)
    await within('matter', P.committee, 'list', { scope: 'queue', status: 'reported' }, READ_TRIPS)
    await within('matter', P.resident2, 'second', { id: m.id }, WRITE_TRIPS)
    await within('matter', P.gridWorker, 'accept', { id: m.id }, WRITE_TRIPS)
    await within('matter', P.gridWorker, 'reply', { id: m.id, text: '已联系物业' }, WRITE_TRIPS)
    await within('matter', P.gridWorker, 'resolve', { id: m.id, text: '已更换灯泡' }, WRITE_TRIPS)
    await within('matter', P.resident1, 'reopen', { id: m.id, reason: '晚上还是不亮' }, WRITE_TRIPS)
    await within('matter', P.gridWorker, 'escalate', { id: m.id, reason: '线路老化' }, WRITE_TRIPS)
    data(await call(emu(), 'matter', P.committee, 'accept', { id: m.id }))
    data(await call(emu(), 'matter', P.committee, 'resolve', { id: m.id, text: '已更换线路' }))
    await within('matter', P.resident1, 'rate', { id: m.id, rating: 5 }, WRITE_TRIPS)
    const other = (await within('matter', P.resident3, 'report', report(2), WRITE_TRIPS)) as Matter
    await within('matter', P.resident3, 'withdraw', { id: other.id }, WRITE_TRIPS)
    // The committee turns an escalated matter into a topic; the matter then shows the topic.
    const topic = (await within('matter', P.resident3, 'report', report(3), WRITE_TRIPS)) as Matter
    data(await call(emu(), 'matter', P.gridWorker, 'escalate', { id: topic.id, reason: '大事' }))
    const fields = {
      title: '东门停车怎么管',
      background: '居民反映东门口乱停车，请大家议一议。',
      scope: { type: 'community' as const, id: 'c1' },
      options: ['划线停车', '禁止停车'],
      discussionEndsAt: new Date(Date.now() + 86_400_000).toISOString(),
      votingEndsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      unit: 'household' as const,
      quorum: 30,
    }
    await within('matter', P.committee, 'toDeliberation', { id: topic.id, ...fields }, WRITE_TRIPS)
    await within('matter', P.resident3, 'get', { id: topic.id }, READ_TRIPS)
    await within('matter', P.committee, 'resolve', { id: topic.id, text: '已划线' }, WRITE_TRIPS)
    await within('user', P.resident1, 'counts', {}, READ_TRIPS)
    await within('user', P.committee, 'counts', {}, READ_TRIPS)
  })

  it('every deliberation action', async () => {
    const HOUR = 3_600_000
    const topic = (n: number) => ({
      title: `东门加装长椅 ${n}`,
      background: '东门附近老人较多，建议加装两张长椅。',
      scope: { type: 'grid' as const, id: 'g1' },
      options: ['同意', '不同意'],
      discussionEndsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      votingEndsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
      unit: 'household' as const,
      quorum: 50,
    })
    const t = (await within('deliberation', P.committee, 'create', topic(1), WRITE_TRIPS)) as Topic
    const on = { id: t.id }
    await within('deliberation', P.resident1, 'list', {}, READ_TRIPS)
    await within('deliberation', P.gridWorker, 'list', { scope: 'open' }, READ_TRIPS)
    await within('deliberation', P.resident1, 'get', on, READ_TRIPS)
    const c = (await within(
      'deliberation',
      P.resident2,
      'comment',
      { ...on, content: '支持，老人需要歇脚的地方' },
      WRITE_TRIPS
    )) as TopicComment
    await within('deliberation', P.resident1, 'listComments', on, READ_TRIPS)
    const commentId = { commentId: c.id }
    await within('deliberation', P.resident1, 'reportComment', commentId, WRITE_TRIPS)
    await within(
      'deliberation',
      P.gridWorker,
      'hideComment',
      { ...commentId, reason: '与议题无关' },
      WRITE_TRIPS
    )
    await within('deliberation', P.gridWorker, 'restoreComment', commentId, WRITE_TRIPS)
    await within('deliberation', P.committee, 'openVoting', on, WRITE_TRIPS)
    await within('deliberation', P.resident1, 'get', on, READ_TRIPS)
    const v = (await within(
      'deliberation',
      P.resident1,
      'vote',
      { ...on, optionIndex: 0 },
      WRITE_TRIPS
    )) as VoteResult
    await within(
      'deliberation',
      P.committee,
      'recordInPerson',
      { ...on, votes: [{ openid: P.resident2, optionIndex: 1 }] },
      MEETING_VOTE_TRIPS
    )
    await within(
      'deliberation',
      P.resident1,
      'verifyReceipt',
      { ...on, receipt: v.receipt },
      READ_TRIPS
    )
    await within('user', P.resident1, 'counts', {}, READ_TRIPS)
    await within('deliberation', P.committee, 'close', on, WRITE_TRIPS)
    await within('deliberation', P.resident1, 'result', on, READ_TRIPS)
    await within(
      'deliberation',
      P.committee,
      'addUpdate',
      { ...on, text: '已联系物业采购长椅' },
      WRITE_TRIPS
    )
    await within('deliberation', P.committee, 'followUp', { ...on, ...topic(2) }, WRITE_TRIPS)
    await within('deliberation', P.resident1, 'list', { scope: 'closed' }, READ_TRIPS)
    await within('user', P.gridWorker, 'counts', {}, READ_TRIPS)
  })

  it('every committee action', async () => {
    await emu().fireTimer('committee')
    for (const who of [P.gridWorker, P.committee, P.admin]) {
      await within('committee', who, 'moderationQueue', {}, READ_TRIPS)
    }
    await within('committee', P.gridWorker, 'dashboard', {}, READ_TRIPS)
    await within('committee', P.committee, 'dashboard', {}, READ_TRIPS)
    // An admin, of no community, names one.
    await within('committee', P.admin, 'dashboard', { communityId: 'c1' }, READ_TRIPS)
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
    await within('committee', P.committee, 'dashboard', { from: month, to: month }, READ_TRIPS)
    await within('committee', P.admin, 'dashboard', { communityId: 'c2' }, READ_TRIPS)
    // A ledger reads its rows a page (1,000) at a time, so its round trips grow with them (the
    // hours ledger reads its volunteers' names with each page): docs/contract.md §4.5.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const from = new Date(Date.now() + 8 * 3600_000 - 365 * 86_400_000).toISOString().slice(0, 10)
    for (const kind of EXPORT_KINDS) {
      const { result, roundTrips } = await callWithStats(
        emu(),
        'committee',
        P.committee,
        'export',
        { kind, from, to: today },
        `budget-export-${kind}`
      )
      const { rows } = data(result)
      // Pages until one holds fewer than EXPORT_PAGE (an empty ledger reads one empty page), and
      // the hours ledger's names for each page that holds rows.
      const pages = Math.floor(rows / EXPORT_PAGE) + 1
      const names = kind === 'hours' ? Math.ceil(rows / EXPORT_PAGE) : 0
      const bound = WRITE_TRIPS + pages + names
      measured['committee.export'] = Math.max(measured['committee.export'] ?? 0, roundTrips)
      expect({ kind, roundTrips }).toEqual({ kind, roundTrips: Math.min(roundTrips, bound) })
    }
  })

  it('deleting an account', async () => {
    // The records holding their data are anonymised by the `erase` timer, not in the request.
    const { result, roundTrips } = await callWithStats(
      emu(),
      'user',
      P.resident3,
      'deleteMe',
      {},
      'budget-delete'
    )
    measured['user.deleteMe'] = roundTrips
    expect(result.ok).toBe(true)
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
  })

  it('measures every action of every function (a new action must join the list above)', () => {
    const every: { [F in FunctionName]: Record<ActionName<F>, true> } = {
      committee: { moderationQueue: true, dashboard: true, export: true },
      user: {
        me: true,
        counts: true,
        listGrids: true,
        myGrid: true,
        bindGrid: true,
        updateProfile: true,
        listPendingResidents: true,
        listResidents: true,
        verifyResident: true,
        setRoles: true,
        exportMyData: true,
        deleteMe: true,
        gridCode: true,
      },
      wish: {
        create: true,
        createFor: true,
        list: true,
        get: true,
        claim: true,
        release: true,
        fulfill: true,
        confirm: true,
        cancel: true,
        review: true,
        stats: true,
      },
      errand: {
        types: true,
        book: true,
        help: true,
        bookFor: true,
        list: true,
        get: true,
        accept: true,
        release: true,
        complete: true,
        confirm: true,
        cancel: true,
      },
      volunteer: {
        register: true,
        myApplication: true,
        listApplications: true,
        reviewVolunteer: true,
        createActivity: true,
        listActivities: true,
        getActivity: true,
        signup: true,
        cancelSignup: true,
        checkinCode: true,
        checkin: true,
        roster: true,
        confirmAttendance: true,
        feedback: true,
        summary: true,
        myRecord: true,
        honorRoll: true,
        proof: true,
        settings: true,
        updateSettings: true,
        partyReport: true,
      },
      matter: {
        report: true,
        list: true,
        get: true,
        second: true,
        accept: true,
        reply: true,
        resolve: true,
        escalate: true,
        toDeliberation: true,
        rate: true,
        reopen: true,
        withdraw: true,
      },
      deliberation: {
        create: true,
        list: true,
        get: true,
        comment: true,
        listComments: true,
        reportComment: true,
        hideComment: true,
        restoreComment: true,
        openVoting: true,
        vote: true,
        recordInPerson: true,
        close: true,
        result: true,
        verifyReceipt: true,
        followUp: true,
        addUpdate: true,
      },
    }
    const all = Object.entries(every).flatMap(([fn, actions]) =>
      Object.keys(actions).map((a) => `${fn}.${a}`)
    )
    expect(all.filter((a) => !(a in measured))).toEqual([])
  })
})
