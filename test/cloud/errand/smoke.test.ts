import type { Errand } from '@/contract/errand'
import { call, data, PERSONAS as P, useEmulator } from '../helpers'

// The happy path of a red-agent errand through the real SDK: a resident books (点单), a red agent
// of their grid accepts (接单) and completes it (办结), the resident signs it off (销单).

const emu = useEmulator()

/** Tomorrow in Asia/Shanghai, by the emulator's clock (reset to now before each test). */
const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)

describe('errand: book → accept → complete → confirm', () => {
  it('a resident books, an agent of their grid accepts and completes, the resident rates it', async () => {
    const booked = data(
      await call(emu(), 'errand', P.resident1, 'book', {
        type: 'medicine',
        detail: '帮忙到社区药店买降压药',
        date: tomorrow(),
        slot: 'morning',
        phone: '13900000001',
      })
    )
    expect(booked).toMatchObject({ status: 'requested', level: 'grid', mine: true, urgent: false })
    expect(booked.booker).toMatchObject({ name: '张桂兰', room: '101', phone: '13800000001' })

    // The agent sees it in their pool, the booker's contact masked until they take it.
    const pool = data(await call(emu(), 'errand', P.volunteer1, 'list', { scope: 'pool' }))
    const seen = pool.items.find((e) => e.id === booked.id) as Errand
    expect(seen.booker).toMatchObject({ name: '张*', room: null, phone: null })
    expect(seen.contactPhone).toBeNull()
    expect(seen.can.accept).toBe(true)

    const accepted = data(await call(emu(), 'errand', P.volunteer1, 'accept', { id: booked.id }))
    expect(accepted).toMatchObject({ status: 'accepted' })
    expect(accepted.booker).toMatchObject({ name: '张桂兰', room: '101', phone: '13800000001' })
    expect(accepted.contactPhone).toBe('13900000001')
    expect(accepted.can).toMatchObject({ complete: true, release: true, accept: false })

    // The booker now sees who has it and how to reach them; and is told.
    const mine = data(await call(emu(), 'errand', P.resident1, 'get', { id: booked.id }))
    expect(mine.agent).toMatchObject({ name: '赵志强', phone: '13800000005' })
    expect((await emu().outbox(P.resident1)).length).toBeGreaterThan(0)

    const done = data(
      await call(emu(), 'errand', P.volunteer1, 'complete', { id: booked.id, note: '药已送到' })
    )
    expect(done).toMatchObject({ status: 'completed', completeNote: '药已送到' })

    const closed = data(
      await call(emu(), 'errand', P.resident1, 'confirm', {
        id: booked.id,
        rating: 5,
        comment: '谢谢志强',
      })
    )
    expect(closed).toMatchObject({ status: 'closed', rating: 5, comment: '谢谢志强' })
    expect(closed.timeline.map((t) => t.type)).toEqual([
      'booked',
      'accepted',
      'completed',
      'confirmed',
    ])
    expect(closed.can).toEqual({
      accept: false,
      release: false,
      complete: false,
      confirm: false,
      cancel: false,
    })
  })
})
