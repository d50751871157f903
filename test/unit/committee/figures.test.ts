import { DASHBOARD_RANGE_MESSAGES } from '@/contract/committee'
import {
  combine,
  derive,
  emptyBucket,
  figuresOf,
  medianOf,
  monthOf,
  monthStart,
  rangeOf,
  signedUp,
  type Sources,
} from '../../../cloudfunctions/src/committee/figures'

// The dashboard's pure arithmetic: months in Asia/Shanghai, the range's defaults, the median of
// merged minute histograms, and each event in the month it happened.

describe('months in Asia/Shanghai', () => {
  test('an instant belongs to its Shanghai month, which begins at 16:00 UTC the day before', () => {
    expect(monthOf(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01')
    expect(monthOf(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02')
    expect(monthStart('2026-02').toISOString()).toBe('2026-01-31T16:00:00.000Z')
    expect(monthStart('2027-01').toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })
})

describe('the range after defaults', () => {
  const now = '2026-11'
  test('none: the twelve months ending with the current one', () => {
    expect(rangeOf({}, now)).toEqual({ from: '2025-12', to: '2026-11' })
  })
  test('only to: the twelve months ending with it', () => {
    expect(rangeOf({ to: '2026-03' }, now)).toEqual({ from: '2025-04', to: '2026-03' })
  })
  test('only from: up to 24 months, never past the current one', () => {
    expect(rangeOf({ from: '2023-01' }, now)).toEqual({ from: '2023-01', to: '2024-12' })
    expect(rangeOf({ from: '2026-06' }, now)).toEqual({ from: '2026-06', to: '2026-11' })
  })
  test('a month after the current one is refused on its field', () => {
    expect(rangeOf({ to: '2026-12' }, now)).toEqual({
      field: 'to',
      message: DASHBOARD_RANGE_MESSAGES.future,
    })
    expect(rangeOf({ from: '2027-01' }, now)).toMatchObject({ field: 'from' })
  })
})

describe('the median of minute histograms', () => {
  test('the ⌈n/2⌉-th smallest, null when empty', () => {
    expect(medianOf({})).toBeNull()
    expect(medianOf({ '5': 1 })).toBe(5)
    // 1, 2, 9, 30: the 2nd smallest
    expect(medianOf({ '30': 1, '1': 1, '9': 1, '2': 1 })).toBe(2)
    // 3, 3, 3, 100, 100: the 3rd
    expect(medianOf({ '100': 2, '3': 3 })).toBe(3)
  })
  test('months combined give the median of all their errands', () => {
    const a = { ...emptyBucket(), acceptMinutes: { '10': 2 } }
    const b = { ...emptyBucket(), acceptMinutes: { '50': 3 } }
    expect(derive(combine([a, b])).acceptMedianMinutes).toBe(50)
    expect(derive(combine([a])).acceptMedianMinutes).toBe(10)
  })
})

test('signed up counts who is still on the log, up to the quota (the rest wait)', () => {
  expect(signedUp(['a', 'b', '-a', 'c', 'd'], 2)).toBe(2)
  expect(signedUp(['a', '-a'], 5)).toBe(0)
  expect(signedUp(['a', 'b', 'c'], 5)).toBe(3)
})

describe('each event in the month it happened', () => {
  const at = (iso: string) => new Date(iso)
  const none: Sources = {
    wishes: [],
    errands: [],
    matters: [],
    activities: [],
    ledger: [],
    topics: [],
  }

  test('a wish posted in one month and lit in the next counts in each', () => {
    const months = figuresOf(
      {
        ...none,
        wishes: [
          {
            _id: 'w1',
            gridId: 'g1',
            status: 'done',
            createdAt: at('2026-03-20T02:00:00Z'),
            doneAt: at('2026-04-02T02:00:00Z'),
            rating: 5,
          },
        ],
      },
      '2026-01'
    )
    expect(months.get('2026-03')?.grids.g1.wishesPosted).toBe(1)
    expect(months.get('2026-03')?.grids.g1.wishesLit).toBe(0)
    expect(months.get('2026-04')?.grids.g1).toMatchObject({
      wishesLit: 1,
      ratings: 1,
      goodRatings: 1,
    })
  })

  test('an errand: booked, first accepted (minutes floored), overdue and closed in their months', () => {
    const months = figuresOf(
      {
        ...none,
        errands: [
          {
            _id: 'e1',
            gridId: 'g2',
            status: 'closed',
            createdAt: at('2026-05-31T15:00:00Z'),
            acceptedAt: at('2026-06-01T20:00:00Z'),
            endedAt: at('2026-06-03T01:00:00Z'),
            rating: 3,
            timeline: [
              { type: 'accepted', at: at('2026-05-31T15:42:59Z') },
              { type: 'released', at: at('2026-06-01T01:00:00Z') },
              { type: 'accepted', at: at('2026-06-01T20:00:00Z') },
              { type: 'overdue', at: at('2026-06-02T20:00:00Z') },
            ],
          },
        ],
      },
      '2026-01'
    )
    expect(months.get('2026-05')?.grids.g2).toMatchObject({
      errandsBooked: 1,
      acceptMinutes: { '42': 1 },
    })
    expect(months.get('2026-06')?.grids.g2).toMatchObject({
      errandsClosed: 1,
      errandsOverdue: 1,
      ratings: 1,
      goodRatings: 0,
    })
  })

  test('community-wide items and hours of unknown items count with the community; months before the span are left out', () => {
    const months = figuresOf(
      {
        ...none,
        topics: [
          {
            _id: 't1',
            gridId: null,
            closedAt: at('2026-02-10T00:00:00Z'),
            turnout: 30,
            eligibleCount: 40,
          },
          {
            _id: 't0',
            gridId: 'g1',
            closedAt: at('2025-12-10T00:00:00Z'),
            turnout: 3,
            eligibleCount: 4,
          },
        ],
        activities: [
          {
            _id: 'a1',
            gridId: 'g1',
            endAt: at('2026-02-01T00:00:00Z'),
            quota: 2,
            queue: ['x', 'y', 'z'],
            attendees: ['x'],
          },
        ],
        ledger: [
          { source: 'activity', refId: 'a1', hours: 2, at: at('2026-02-01T00:00:00Z') },
          { source: 'wish', refId: 'elsewhere', hours: 1.5, at: at('2026-02-01T00:00:00Z') },
        ],
      },
      '2026-01'
    )
    expect([...months.keys()]).toEqual(['2026-02'])
    const feb = months.get('2026-02')!
    expect(feb.community).toMatchObject({
      topicsClosed: 1,
      votesCast: 30,
      votersEligible: 40,
      volunteerHours: 1.5,
    })
    expect(feb.grids.g1).toMatchObject({
      activitiesHeld: 1,
      attendanceExpected: 2,
      attendanceConfirmed: 1,
      volunteerHours: 2,
    })
    expect(derive(feb.grids.g1).attendanceRate).toBe(0.5)
  })
})
