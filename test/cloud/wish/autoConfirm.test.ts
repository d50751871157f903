import { data, isSeeded, R1, R2, useEmulator, V1, WishFlow, wishInput } from './helpers'

// The hourly `autoConfirm` timer: fulfilled wishes unconfirmed for 7 days are confirmed.

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const DAY = 24 * 3600 * 1000
const fulfilled = async () =>
  (await emu().emulator.db.find('wishes')).filter((w) => w.status === 'fulfilled')
/**
 * Runs the timer: it reports how many wishes it confirmed, which must be how many left
 * `fulfilled`; the figure returned leaves out the demo seed's own (they come due as well).
 */
const fire = async () => {
  const before = await fulfilled()
  const triggers = await emu().fireTimer('wish')
  const t = triggers.find((x) => x.name === 'autoConfirm')
  expect(t?.result).toMatchObject({ ok: true })
  const still = new Set((await fulfilled()).map((w) => w._id))
  const moved = before.filter((w) => !still.has(w._id))
  expect(t!.result.data).toBe(moved.length)
  return moved.filter((w) => !isSeeded(w)).length
}

describe('wish autoConfirm timer', () => {
  it('confirms a fulfilled wish after 7 days, not before', async () => {
    const w = await flow().fulfilled(R1, V1)
    const lit = await flow().done(R2, V1)

    await emu().setClock(6 * DAY)
    expect(await fire()).toBe(0)
    expect(data(await flow().get(R1, w.id)).status).toBe('fulfilled')

    await emu().setClock(7 * DAY + 60_000)
    expect(await fire()).toBe(1)
    const done = data(await flow().get(R1, w.id))
    expect(done).toMatchObject({ status: 'done', rating: null, thanks: null })
    expect(done.timeline.at(-1)?.type).toBe('autoConfirmed')
    // The wish the author confirmed keeps its rating.
    expect(data(await flow().get(R2, lit.id))).toMatchObject({ status: 'done', rating: 5 })
    // Firing again finds nothing more.
    expect(await fire()).toBe(0)
  })

  it('audits as the system and frees the place under the limit', async () => {
    const w = await flow().fulfilled(R1, V1)
    data(await flow().call(R1, 'create', wishInput(2)))
    data(await flow().call(R1, 'create', wishInput(3)))
    expect((await flow().call(R1, 'create', wishInput(4))).ok).toBe(false)
    await emu().setClock(8 * DAY)
    expect(await fire()).toBe(1)
    const entries = await emu().emulator.db.find('audit', {
      targetId: w.id,
      action: 'wish.autoConfirm',
    })
    expect(entries).toEqual([expect.objectContaining({ actorOpenid: 'system' })])
    data(await flow().call(R1, 'create', wishInput(4)))
  })

  it('confirms many at once', async () => {
    const made = await Promise.all([R1, R2].map((a) => flow().fulfilled(a, V1)))
    await emu().setClock(10 * DAY)
    expect(await fire()).toBe(made.length)
  })
})
