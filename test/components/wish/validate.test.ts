import {
  ConfirmWishInput,
  CreateWishForInput,
  FulfillWishInput,
  ReleaseWishInput,
  ReviewWishInput,
} from '@/contract/wish'
import {
  checkNote,
  checkRating,
  checkRejectReason,
  checkReleaseReason,
  checkThanks,
  validateWish,
  type WishForm,
} from '@/packages/wish/validate'

// The wish forms check input in the mini-program without zod; this keeps their rules and
// messages in step with the server's schemas (src/contract/wish.ts).

const firstMessages = (issues: { path: PropertyKey[]; message: string }[]) => {
  const out: Record<string, string> = {}
  for (const issue of issues) out[String(issue.path[0])] ??= issue.message
  return out
}

const base: WishForm = {
  title: '想请人帮忙换灯泡',
  content: '厨房的灯泡坏了。',
  category: 'daily',
  residentOpenid: 'demo-resident-1',
}

const cases: [string, Partial<WishForm>][] = [
  ['valid', {}],
  ['one-character title', { title: '灯' }],
  ['title padded to two', { title: ' 灯 ' }],
  ['title of 30', { title: '灯'.repeat(30) }],
  ['title of 31', { title: '灯'.repeat(31) }],
  ['empty title', { title: '  ' }],
  ['empty content', { content: '   ' }],
  ['content of 500', { content: '字'.repeat(500) }],
  ['content of 501', { content: '字'.repeat(501) }],
  ['no category', { category: null }],
]

test.each(cases)('wish form, %s: client and server agree', (_label, patch) => {
  const form = { ...base, ...patch }
  const client = validateWish(form, false)
  const server = CreateWishForInput.safeParse({ ...form, category: form.category ?? undefined })
  const serverErrors = server.success ? {} : firstMessages(server.error.issues)
  // The resident is picked from the server's roster, not typed: only the typed fields compare.
  for (const field of ['title', 'content', 'category'] as const) {
    // An empty field gets a friendlier "please fill in" on the client; otherwise same words.
    const value = form[field]
    if (client[field] && serverErrors[field] && typeof value === 'string' && !value.trim()) continue
    expect([field, client[field]]).toEqual([field, serverErrors[field]])
  }
})

test.each([' ', '临时出差', '因'.repeat(100), '因'.repeat(101)])(
  'release reason %#: client and server agree',
  (reason) => {
    const server = ReleaseWishInput.safeParse({ id: 'w1', reason })
    expect(checkReleaseReason(reason)).toEqual(
      server.success ? undefined : firstMessages(server.error.issues).reason
    )
  }
)

test.each(['', ' ', '内容太少', '因'.repeat(101)])(
  'reject reason %#: client and server agree',
  (reason) => {
    const server = ReviewWishInput.safeParse({ id: 'w1', approve: false, reason })
    expect(checkRejectReason(reason)).toEqual(
      server.success ? undefined : firstMessages(server.error.issues).reason
    )
  }
)

test.each(['', '已送到家中', '字'.repeat(200), '字'.repeat(201)])(
  'fulfil note %#: client and server agree',
  (note) => {
    const server = FulfillWishInput.safeParse({ id: 'w1', note })
    expect(checkNote(note)).toEqual(
      server.success ? undefined : firstMessages(server.error.issues).note
    )
  }
)

test.each<[number | null, string]>([
  [5, ''],
  [1, '谢谢'],
  [0, ''],
  [6, ''],
  [4, '谢'.repeat(201)],
])('rating %s with thanks %#: client and server agree', (rating, thanks) => {
  const server = ConfirmWishInput.safeParse({ id: 'w1', rating, thanks })
  const errors = server.success ? {} : firstMessages(server.error.issues)
  // The client asks for a rating in one phrase whatever is wrong with it.
  expect(!!checkRating(rating)).toBe(!!errors.rating)
  expect(checkThanks(thanks)).toEqual(errors.thanks)
})

test('filing for a resident needs one picked from the roster', () => {
  expect(validateWish({ ...base, residentOpenid: '' }, true).residentOpenid).toBe(
    '请选择要代填心愿的居民'
  )
  expect(validateWish({ ...base, residentOpenid: 'demo-resident-1' }, true)).toEqual({})
})
