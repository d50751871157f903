import type { Topic } from '@/contract/deliberation'
import { call, data, expectError, newResident, PERSONAS as P, useEmulator } from '../helpers'

// Reports and moderation as the server keeps them: three distinct reports hide a comment until
// staff decide, the hidden text goes to staff only, and the staff's count of comments waiting
// for them follows.

const emu = useEmulator()
const HOUR = 3_600_000

describe('moderation', () => {
  it('hides a comment after three reports, counts it for staff, and lets staff restore it', async () => {
    const t: Topic = data(
      await call(emu(), 'deliberation', P.committee, 'create', {
        title: '小区绿化改造',
        background: '中心花园的绿化需要改造。',
        scope: { type: 'community', id: 'c1' },
        options: ['种树', '种花'],
        discussionEndsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
        votingEndsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
        unit: 'resident',
        quorum: 10,
      })
    )
    const c = data(
      await call(emu(), 'deliberation', P.resident3, 'comment', { id: t.id, content: '广告内容' })
    )
    expectError(
      await call(emu(), 'deliberation', P.resident3, 'reportComment', { commentId: c.id }),
      'FORBIDDEN'
    )
    await newResident(emu(), 'reporter-3', { gridId: 'g2', buildingId: 'g2-b5' }, '707')
    for (const who of [P.resident1, P.resident2]) {
      const seen = data(
        await call(emu(), 'deliberation', who, 'reportComment', { commentId: c.id })
      )
      expect(seen).toMatchObject({ hidden: false, myReport: true })
    }
    expectError(
      await call(emu(), 'deliberation', P.resident1, 'reportComment', { commentId: c.id }),
      'CONFLICT'
    )
    const third = data(
      await call(emu(), 'deliberation', 'reporter-3', 'reportComment', { commentId: c.id })
    )
    expect(third).toMatchObject({
      hidden: true,
      awaitingReview: true,
      content: null,
      hiddenReason: '多人举报，等待处理',
    })

    const staffView = data(
      await call(emu(), 'deliberation', P.gridWorker, 'listComments', { id: t.id })
    )
    expect(staffView.items[0]).toMatchObject({ content: '广告内容', reportCount: 3 })
    expect(staffView.items[0].can).toMatchObject({ hide: true, restore: true, report: false })
    for (const staff of [P.gridWorker, P.committee]) {
      const counts = data(await call(emu(), 'user', staff, 'counts', {})).counts
      expect(counts['deliberation.reported']).toBe(1)
    }

    const hidden = data(
      await call(emu(), 'deliberation', P.committee, 'hideComment', {
        commentId: c.id,
        reason: '广告',
      })
    )
    expect(hidden).toMatchObject({ hidden: true, awaitingReview: false, hiddenReason: '广告' })
    const counts = data(await call(emu(), 'user', P.committee, 'counts', {})).counts
    expect(counts['deliberation.reported']).toBe(0)
    const restored = data(
      await call(emu(), 'deliberation', P.gridWorker, 'restoreComment', { commentId: c.id })
    )
    expect(restored).toMatchObject({ hidden: false, hiddenReason: null })
    const resident = data(
      await call(emu(), 'deliberation', P.resident1, 'listComments', { id: t.id })
    )
    expect(resident.items[0]).toMatchObject({ content: '广告内容', reportCount: null })
  })
})
