import { checkCross, checkForm, checkText, type CrossRule } from '@/contract/rules'
import { BindGridInput } from '@/contract/user'
import { ConfirmWishInput, CreateWishInput, ReviewWishInput } from '@/contract/wish'
import { BIND_RULES } from '@/contract/user.rules'
import { WISH_RULES } from '@/contract/wish.rules'

// One checker for both sides: the pages call it on the rule data, the schemas run it inside zod.

const DAY = 86_400_000
// 2025-03-10 09:00 in Asia/Shanghai.
const NOW = Date.parse('2025-03-10T09:00:00+08:00')

test('text is trimmed and counted by code points: an emoji is one character', () => {
  expect(checkText(WISH_RULES.title, '🎈'.repeat(30))).toBeUndefined()
  expect(checkText(WISH_RULES.title, '🎈'.repeat(31))).toBe('标题最多 30 个字')
  expect(checkText(WISH_RULES.title, '  🎈 ')).toBe('标题至少 2 个字')
  expect(checkText(BIND_RULES.name, '   ')).toBe('请填写真实姓名')
  expect(checkText(BIND_RULES.phone, undefined)).toBeUndefined()
  // Optional, but a phone given blank is no phone number.
  expect(checkText(BIND_RULES.phone, ' ')).toBe('请填写 11 位手机号')
  expect(checkText(WISH_RULES.title, 42)).toBe('请填写心愿标题')
})

test('the server parses with the same checks and messages', () => {
  const wish = { title: '🎈'.repeat(30), content: '气球', category: 'daily' }
  expect(CreateWishInput.safeParse(wish).success).toBe(true)
  const long = CreateWishInput.safeParse({ ...wish, title: '🎈'.repeat(31) })
  expect(long.error?.issues[0]).toMatchObject({ path: ['title'], message: '标题最多 30 个字' })
  const rating = ConfirmWishInput.safeParse({ id: 'w1', rating: 2.5 })
  expect(rating.error?.issues[0].message).toBe('评分必须是 1–5 的整数')
  const room = BindGridInput.safeParse({
    gridId: 'g1',
    buildingId: 'b1',
    room: '3楼',
    name: '张三',
  })
  expect(room.error?.issues[0]).toMatchObject({
    path: ['room'],
    message: BIND_RULES.room.pattern.message,
  })
})

test('a refusal needs its reason on both sides', () => {
  const server = ReviewWishInput.safeParse({ id: 'w1', approve: false, reason: ' ' })
  expect(server.error?.issues[0]).toMatchObject({ path: ['reason'], message: '请填写不通过的原因' })
  expect(ReviewWishInput.safeParse({ id: 'w1', approve: true }).success).toBe(true)
})

// The shapes the next domains need, checked here so they can rely on them.

test('errands: a date from today to 14 days on, in a slot that has not ended', () => {
  type F = 'date' | 'slot'
  const rules: CrossRule<F>[] = [
    {
      kind: 'within',
      field: 'date',
      from: 'today',
      maxMs: 14 * DAY,
      message: '请选择今天起 14 天内的日期',
    },
    {
      kind: 'slotOpen',
      date: 'date',
      slot: 'slot',
      ends: { am: '12:00', pm: '18:00' },
      message: '这个时段已经过了',
    },
  ]
  expect(checkCross(rules, { date: '2025-03-10', slot: 'am' }, NOW)).toEqual([])
  expect(checkCross(rules, { date: '2025-03-24', slot: 'pm' }, NOW)).toEqual([])
  expect(checkCross(rules, { date: '2025-03-25', slot: 'pm' }, NOW)).toEqual([
    { field: 'date', message: '请选择今天起 14 天内的日期' },
  ])
  expect(checkCross(rules, { date: '2025-03-09', slot: 'pm' }, NOW)[0].field).toBe('date')
  const late = NOW + 4 * 3_600_000 // 13:00
  expect(checkCross(rules, { date: '2025-03-10', slot: 'am' }, late)).toEqual([
    { field: 'slot', message: '这个时段已经过了' },
  ])
})

test('activities: deadline ≤ start < end ≤ start + 24 h', () => {
  type F = 'deadline' | 'startAt' | 'endAt'
  const rules: CrossRule<F>[] = [
    {
      kind: 'before',
      field: 'deadline',
      than: 'startAt',
      orEqual: true,
      message: '报名截止不能晚于开始',
    },
    { kind: 'before', field: 'startAt', than: 'endAt', message: '结束须晚于开始' },
    { kind: 'within', field: 'endAt', from: 'startAt', maxMs: DAY, message: '活动最长 24 小时' },
  ]
  const at = (h: number) => new Date(NOW + h * 3_600_000).toISOString()
  expect(checkCross(rules, { deadline: at(1), startAt: at(1), endAt: at(3) })).toEqual([])
  expect(checkCross(rules, { deadline: at(2), startAt: at(1), endAt: at(3) })[0].field).toBe(
    'deadline'
  )
  expect(checkCross(rules, { deadline: at(0), startAt: at(3), endAt: at(3) })[0].field).toBe(
    'startAt'
  )
  expect(checkCross(rules, { deadline: at(0), startAt: at(1), endAt: at(26) })[0]).toEqual({
    field: 'endAt',
    message: '活动最长 24 小时',
  })
})

test('topics: 2–10 distinct options, voting after discussion, a quorum of 0–100', () => {
  type F = 'options' | 'discussUntil' | 'voteUntil' | 'quorum'
  const cross: CrossRule<F>[] = [
    {
      kind: 'list',
      field: 'options',
      min: 2,
      max: 10,
      message: '请给出 2–10 个选项',
      distinct: '选项不能重复',
    },
    { kind: 'before', field: 'discussUntil', than: 'voteUntil', message: '投票须在讨论之后结束' },
  ]
  const quorum = {
    required: '请填写参与率',
    int: '参与率须为整数',
    min: { value: 0, message: '参与率最低 0%' },
    max: { value: 100, message: '参与率最高 100%' },
  }
  const good = {
    options: ['赞成', '反对'],
    discussUntil: '2025-03-12',
    voteUntil: '2025-03-15',
    quorum: 50,
  }
  expect(checkForm<F>({ quorum }, cross, good)).toEqual({})
  expect(checkForm<F>({ quorum }, cross, { ...good, options: ['赞成'] })).toEqual({
    options: '请给出 2–10 个选项',
  })
  expect(checkForm<F>({ quorum }, cross, { ...good, options: ['赞成', ' 赞成'] })).toEqual({
    options: '选项不能重复',
  })
  expect(
    checkForm<F>({ quorum }, cross, { ...good, quorum: 101, voteUntil: '2025-03-11' })
  ).toEqual({
    quorum: '参与率最高 100%',
    discussUntil: '投票须在讨论之后结束',
  })
})
