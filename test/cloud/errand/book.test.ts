import { ERRAND_TYPE_HINTS, ERRAND_TYPE_LABELS, ERRAND_TYPES } from '@/contract/errand'
import {
  booking,
  call,
  callWithStats,
  clockAt,
  data,
  ErrandFlow,
  expectError,
  GW,
  NEWCOMER,
  R1,
  R2,
  R4,
  useEmulator,
  V1,
  WRITE_TRIPS,
  type Today,
} from './helpers'

// errand.types and errand.book: who may book, what a booking must hold (a date within 14 days,
// a slot not yet over, Asia/Shanghai), the content check, the 2-open limit and replays.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
let day: Today

beforeEach(async () => {
  day = await clockAt(emu(), '09:00')
})

describe('errand.types', () => {
  it('lists the seven bookable types with their labels and hints, never help', async () => {
    for (const who of [R1, NEWCOMER, GW]) {
      const { types } = data(await call(emu(), 'errand', who, 'types', {}))
      expect(types).toEqual(
        ERRAND_TYPES.map((code) => ({
          code,
          label: ERRAND_TYPE_LABELS[code],
          hint: ERRAND_TYPE_HINTS[code],
        }))
      )
    }
    const { types } = data(await call(emu(), 'errand', R1, 'types', {}))
    expect(types.map((t) => t.label)).toEqual([
      '代缴费',
      '代购药',
      '代买菜/日用品',
      '代办证明',
      '代取快递',
      '陪同就医',
      '其他',
    ])
  })
})

describe('errand.book', () => {
  it('a verified resident books: requested at level grid, with her contact and the booking as given', async () => {
    const input = booking(emu(), { date: day.date, slot: 'evening', phone: '13912345678' })
    const { result, roundTrips } = await callWithStats(emu(), 'errand', R1, 'book', input, 'book-1')
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const e = data(result)
    expect(e).toMatchObject({
      type: 'medicine',
      detail: input.detail,
      status: 'requested',
      level: 'grid',
      urgent: false,
      overdue: false,
      date: day.date,
      slot: 'evening',
      gridId: 'g1',
      gridName: '第一网格',
      communityId: 'c1',
      booker: { name: '张桂兰', buildingName: '1号楼', room: '101', phone: '13800000001' },
      contactPhone: '13912345678',
      agent: null,
      mine: true,
      filedByGridWorker: false,
      acceptedAt: null,
      completedAt: null,
      endedAt: null,
      can: { accept: false, release: false, complete: false, confirm: false, cancel: true },
    })
    expect(Date.parse(e.createdAt)).not.toBeNaN()
    expect(e.timeline.map((t) => t.type)).toEqual(['booked'])
    expect(e.timeline[0].text).not.toMatch(/张桂兰|1380000|101/)
    // It is hers to see again, and the grid's red agent finds it in the pool.
    expect(data(await flow().get(R1, e.id))).toMatchObject({ id: e.id, status: 'requested' })
    expect(await flow().ids(R1, 'mine')).toContain(e.id)
    expect(await flow().ids(V1, 'pool')).toContain(e.id)
  })

  it.each(ERRAND_TYPES.map((t) => [t]))('books type %s', async (type) => {
    expect(data(await call(emu(), 'errand', R2, 'book', booking(emu(), { type }))).type).toBe(type)
  })

  it('books every slot of today that is not over, the last day of the range, and the boundary lengths', async () => {
    // 09:00: the morning (until 12:00) is still on.
    data(
      await call(emu(), 'errand', R1, 'book', booking(emu(), { date: day.date, slot: 'morning' }))
    )
    data(
      await call(emu(), 'errand', R2, 'book', booking(emu(), { date: day.plus(14), detail: '买' }))
    )
    data(await call(emu(), 'errand', R2, 'book', booking(emu(), { detail: '药'.repeat(300) })))
  })

  it('counts characters as people do: 300 emoji are 300 characters', async () => {
    const e = data(
      await call(emu(), 'errand', R1, 'book', booking(emu(), { detail: '💊'.repeat(300) }))
    )
    expect(Array.from(e.detail ?? '')).toHaveLength(300)
  })

  it('identity comes from the caller, never from the input', async () => {
    const e = data(
      await flow().call(R1, 'book', {
        ...booking(emu()),
        openid: R2,
        bookerOpenid: R2,
        gridId: 'g2',
      })
    )
    expect(e).toMatchObject({ booker: { name: '张桂兰' }, gridId: 'g1', mine: true })
    expect(await flow().ids(R2, 'mine')).not.toContain(e.id)
  })

  it('refuses callers who are not verified residents, storing nothing', async () => {
    const before = await flow().count()
    expectError(await flow().call(null, 'book', booking(emu())), 'UNAUTHENTICATED')
    expectError(await flow().call(NEWCOMER, 'book', booking(emu())), 'NOT_BOUND')
    data(
      await emu().call('user', NEWCOMER, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '909',
        name: '新邻居',
      })
    )
    expectError(await flow().call(NEWCOMER, 'book', booking(emu())), 'NOT_VERIFIED')
    expect(await flow().count()).toBe(before)
  })

  it('staff without a home of their own may not book for themselves', async () => {
    const before = await flow().count()
    const res = await flow().call(GW, 'book', booking(emu()))
    expect(res.ok).toBe(false)
    expect(!res.ok && ['NOT_BOUND', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    expect(await flow().count()).toBe(before)
  })

  it.each([
    ['no type', { type: undefined }, 'type'],
    ['an unknown type', { type: 'laundry' }, 'type'],
    ['help as a type (only the help action makes it)', { type: 'help' }, 'type'],
    ['a number as type', { type: 3 }, 'type'],
    ['no detail', { detail: undefined }, 'detail'],
    ['an empty detail', { detail: '' }, 'detail'],
    ['a detail of spaces', { detail: '   ' }, 'detail'],
    ['301 characters of detail', { detail: '药'.repeat(301) }, 'detail'],
    ['a number as detail', { detail: 12345 }, 'detail'],
    ['an object as detail', { detail: { text: '买药' } }, 'detail'],
    ['half a surrogate pair in the detail', { detail: '买药\ud83d' }, 'detail'],
    ['no date', { date: undefined }, 'date'],
    ['a date with slashes', { date: '2026/03/01' }, 'date'],
    ['a date with a time', { date: '2026-03-01T08:00:00Z' }, 'date'],
    ['a day that does not exist', { date: '2026-02-30' }, 'date'],
    ['month 13', { date: '2026-13-01' }, 'date'],
    ['a number as date', { date: 20260301 }, 'date'],
    ['no slot', { slot: undefined }, 'slot'],
    ['an unknown slot', { slot: 'night' }, 'slot'],
    ['a slot label instead of its code', { slot: '上午' }, 'slot'],
    ['a short phone', { phone: '1391234567' }, 'phone'],
    ['a landline', { phone: '02188886666' }, 'phone'],
    ['a phone as a number', { phone: 13912345678 }, 'phone'],
  ])(
    'rejects %s: INVALID_INPUT on that field with a Chinese message, nothing stored',
    async (_label, patch, field) => {
      const before = await flow().count()
      const res = await flow().call(R1, 'book', { ...booking(emu()), ...patch })
      expectError(res, 'INVALID_INPUT', field)
      expect(await flow().count()).toBe(before)
    }
  )

  it('rejects dates outside today … today + 14 (Asia/Shanghai), nothing stored', async () => {
    const before = await flow().count()
    for (const date of [day.plus(-1), day.plus(15), day.plus(400), '2020-01-01']) {
      expectError(await flow().call(R1, 'book', booking(emu(), { date })), 'INVALID_INPUT', 'date')
    }
    expect(await flow().count()).toBe(before)
  })

  it('rejects a slot of today that is already over, on the slot field; tomorrow the same slot is fine', async () => {
    const now = await clockAt(emu(), '13:00')
    const before = await flow().count()
    const res = await flow().call(R1, 'book', booking(emu(), { date: now.date, slot: 'morning' }))
    expectError(res, 'INVALID_INPUT', 'slot')
    expect(await flow().count()).toBe(before)
    data(
      await call(emu(), 'errand', R1, 'book', booking(emu(), { date: now.date, slot: 'afternoon' }))
    )
    data(
      await call(
        emu(),
        'errand',
        R1,
        'book',
        booking(emu(), { date: now.plus(1), slot: 'morning' })
      )
    )
  })

  it('late in the evening every slot of today is over (Shanghai time, whatever zone the server runs in)', async () => {
    // 21:30 Shanghai is 13:30 UTC: a server reading UTC hours would still think it is afternoon.
    const now = await clockAt(emu(), '21:30')
    for (const slot of ['morning', 'afternoon', 'evening'] as const) {
      expectError(
        await flow().call(R1, 'book', booking(emu(), { date: now.date, slot })),
        'INVALID_INPUT',
        'slot'
      )
    }
    data(
      await call(
        emu(),
        'errand',
        R1,
        'book',
        booking(emu(), { date: now.plus(1), slot: 'morning' })
      )
    )
  })

  it('just after midnight Shanghai (16:xx UTC the day before) today is the Shanghai date', async () => {
    const now = await clockAt(emu(), '00:30')
    const e = data(
      await call(emu(), 'errand', R1, 'book', booking(emu(), { date: now.date, slot: 'morning' }))
    )
    expect(e.date).toBe(now.date)
    expectError(
      await flow().call(R1, 'book', booking(emu(), { date: now.plus(-1) })),
      'INVALID_INPUT',
      'date'
    )
    // The range runs from the Shanghai day: its 14th day ahead is in, the 15th out.
    data(await call(emu(), 'errand', R2, 'book', booking(emu(), { date: now.plus(14) })))
    expectError(
      await flow().call(R2, 'book', booking(emu(), { date: now.plus(15) })),
      'INVALID_INPUT',
      'date'
    )
  })

  it.each([['the detail', { detail: '帮我买违禁测试词' }, 'detail']])(
    'risky text in %s is CONTENT_REJECTED on that field and nothing is stored',
    async (_l, patch, field) => {
      const before = await flow().count()
      expectError(
        await flow().call(R1, 'book', { ...booking(emu()), ...patch }),
        'CONTENT_REJECTED',
        field
      )
      expect(await flow().count()).toBe(before)
    }
  )

  it('a repeated requestId returns the first result and stores one errand', async () => {
    const before = await flow().count()
    const first = data(await flow().call(R1, 'book', booking(emu()), 'req-book-1'))
    const again = data(
      await flow().call(R1, 'book', booking(emu(), { detail: '另一件事' }), 'req-book-1')
    )
    expect(again).toEqual(first)
    expect(await flow().count()).toBe(before + 1)
    // The same requestId from someone else is their own request.
    const other = data(await flow().call(R2, 'book', booking(emu()), 'req-book-1'))
    expect(other.id).not.toBe(first.id)
  })

  describe('at most 2 open errands per resident', () => {
    it('the third is LIMIT_EXCEEDED until one is no longer open', async () => {
      const a = await flow().requested(R1)
      const b = await flow().accepted(R1, V1)
      const before = await flow().count()
      const third = await flow().call(R1, 'book', booking(emu()), 'third')
      expectError(third, 'LIMIT_EXCEEDED')
      expect(await flow().count()).toBe(before)
      // Another resident, even of the same household, has their own two.
      data(await flow().call(R4, 'book', booking(emu())))
      data(await flow().call(R1, 'cancel', { id: a.id }))
      // The refused requestId replays its refusal; a new attempt books.
      expectError(await flow().call(R1, 'book', booking(emu()), 'third'), 'LIMIT_EXCEEDED')
      data(await flow().call(R1, 'book', booking(emu()), 'third-again'))
      expectError(await flow().call(R1, 'book', booking(emu())), 'LIMIT_EXCEEDED')
      // Completing one frees its place too.
      data(await flow().call(V1, 'complete', { id: b.id }))
      data(await flow().call(R1, 'book', booking(emu())))
    })

    it('10 parallel bookings by one resident: exactly 2 succeed, the rest LIMIT_EXCEEDED', async () => {
      const before = await flow().count()
      const results = await Promise.all(
        Array.from({ length: 10 }, (_x, n) =>
          flow().call(R1, 'book', booking(emu(), { detail: `并发预约 ${n}` }))
        )
      )
      expect(results.filter((r) => r.ok)).toHaveLength(2)
      for (const r of results.filter((x) => !x.ok)) expectError(r, 'LIMIT_EXCEEDED')
      expect(await flow().count()).toBe(before + 2)
      expect(await flow().ids(R1, 'mine')).toHaveLength(2)
    })
  })

  it('every action needs an identity; every step needs an id', async () => {
    const actions = [
      'types',
      'book',
      'help',
      'bookFor',
      'list',
      'get',
      'accept',
      'release',
      'complete',
      'confirm',
      'cancel',
    ]
    for (const action of actions) {
      expectError(await flow().call(null, action, {}), 'UNAUTHENTICATED')
    }
    for (const action of ['get', 'accept', 'release', 'complete', 'confirm', 'cancel']) {
      expectError(
        await flow().call(V1, action, { reason: '有事', rating: 5 }),
        'INVALID_INPUT',
        'id'
      )
      expectError(
        await flow().call(V1, action, { id: 'x'.repeat(200), reason: '有事', rating: 5 }),
        'INVALID_INPUT',
        'id'
      )
    }
  })

  it('an unknown action is INVALID_INPUT on the action field', async () => {
    expectError(await flow().call(R1, 'explode', {}), 'INVALID_INPUT', 'action')
  })
})
