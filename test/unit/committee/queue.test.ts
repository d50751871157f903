import { QUEUE_COUNT_KEYS, QUEUE_KINDS } from '@/contract/committee'
import { MATTER_CATEGORIES, MATTER_CATEGORY_LABELS } from '@/contract/matter'
import { actorFrom, type UserDoc } from '../../../cloudfunctions/src/lib/actor'
import { areaOf, queueItem } from '../../../cloudfunctions/src/committee/queue'
import { demoData } from '../../../emulator/seed'

// The work queue's pure parts: every queue shares a count of `user.counts`, each persona works
// the area `user.counts` counts for them, and an item shows no personal data beyond need.

const users = demoData().users as unknown as UserDoc[]
const actor = (id: string) => actorFrom(id, users.find((u) => u._id === id) ?? null)

test('every queue kind names a distinct count of user.counts', () => {
  const keys = QUEUE_KINDS.map((k) => QUEUE_COUNT_KEYS[k])
  expect(new Set(keys).size).toBe(QUEUE_KINDS.length)
})

test.each([
  ['demo-admin', { all: true }],
  ['demo-committee-1', { communityId: 'c1' }],
  ['demo-gridworker-1', { gridIds: ['g1', 'g2'] }],
  ['demo-resident-1', null],
])('%s works %j', (id, area) => {
  expect(areaOf(actor(id))).toEqual(area)
})

test('a resident waiting is shown as 张*, with the building and never the room or phone', () => {
  const item = queueItem('resident', {
    _id: 'u1',
    realName: '张桂兰',
    gridName: '第一网格',
    buildingName: '1号楼',
    room: '101',
    phone: '13800000001',
    boundAt: new Date('2026-01-02T03:04:05Z'),
  })
  expect(item).toEqual({
    kind: 'resident',
    id: 'u1',
    title: '张*',
    place: '第一网格 1号楼',
    since: '2026-01-02T03:04:05.000Z',
    overdue: false,
  })
  expect(JSON.stringify(item)).not.toMatch(/101|13800000001|桂兰/)
})

test('an overdue errand is marked overdue, since its acceptance; a matter keeps its flag', () => {
  const errand = queueItem('errandOverdue', {
    _id: 'e1',
    type: 'medicine',
    date: '2026-03-01',
    gridName: '第二网格',
    bookerBuildingName: '4号楼',
    acceptedAt: new Date('2026-03-01T01:00:00Z'),
  })
  expect(errand).toMatchObject({
    overdue: true,
    title: '代购药 2026-03-01',
    since: '2026-03-01T01:00:00.000Z',
  })
  expect(
    queueItem('matter', {
      _id: 'm1',
      category: MATTER_CATEGORIES[0],
      content: '路灯坏了',
      overdue: true,
    })
  ).toMatchObject({
    overdue: true,
    title: `${MATTER_CATEGORY_LABELS[MATTER_CATEGORIES[0]]}：路灯坏了`,
  })
})
