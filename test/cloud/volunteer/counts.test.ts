import { toWire } from '../../../emulator/db/wire'
import {
  data,
  emuNow,
  HOUR,
  manyVolunteers,
  MINUTE,
  P,
  publish,
  storedActivities,
  useEmulator,
  vol,
} from './helpers'

// The volunteer badges of user.counts (home, every visit): `volunteer.upcoming` (activities of the
// viewer's grid and community still open for signup) and `volunteer.signedUp` (not started ones
// they are signed or waitlisted for) are kept, not counted: they equal a count of the raw
// activities through every step, the timer and the nightly recount.

const emu = useEmulator()

type Raw = {
  _id: string
  gridId: string
  communityId: string
  signupDeadline: Date
  startAt: Date
  queue: string[]
}

const at = (d: Date | string) => new Date(d).getTime()

/** The badges counted straight from the stored activities, at the emulator's now. */
async function counted(who: string, gridId: string) {
  const now = await emuNow(emu())
  const all = (await storedActivities(emu())) as unknown as Raw[]
  const upcoming = all.filter(
    (a) =>
      (a.gridId === gridId || (a.gridId === '' && a.communityId === 'c1')) &&
      at(a.signupDeadline) > now
  ).length
  const signedUp = all.filter(
    (a) => a.queue.includes(who) && !a.queue.includes(`-${who}`) && at(a.startAt) > now
  ).length
  return { upcoming, signedUp }
}

async function shown(who: string) {
  const { counts } = data(await emu().call('user', who, 'counts', {})) as {
    counts: Record<string, number>
  }
  return {
    upcoming: counts['volunteer.upcoming'] ?? 0,
    signedUp: counts['volunteer.signedUp'] ?? 0,
  }
}

describe('user.counts: the volunteer badges', () => {
  it('equal a count of the raw activities through publish, signup, cancel, promotion, the deadline, the start and the recount', async () => {
    const [w1, w2] = await manyVolunteers(emu(), 2) // of g1, like volunteer1
    const viewers: [string, string][] = [
      [P.volunteer1, 'g1'],
      [P.volunteer2, 'g2'],
      [w1, 'g1'],
      [w2, 'g1'],
    ]
    const same = async (step: string) => {
      for (const [who, grid] of viewers) {
        expect({ step, who, ...(await shown(who)) }).toEqual({
          step,
          who,
          ...(await counted(who, grid)),
        })
      }
    }
    const sign = async (who: string, id: string) =>
      data(await vol(emu(), who, 'signup', { activityId: id }))

    // A: g1, signup until 23 h, starts at 24 h; B: the community, 48 h; C: g2, starts at 30 h.
    const a = await publish(emu(), { startIn: 24, quota: 1, scope: { type: 'grid', id: 'g1' } })
    const b = await publish(emu(), { startIn: 48, quota: 1 })
    const c = await publish(emu(), { startIn: 30, scope: { type: 'grid', id: 'g2' } })
    await same('published')
    expect(await shown(P.volunteer1)).toEqual({ upcoming: 2, signedUp: 0 })

    expect(await sign(w1, a.id)).toEqual({ status: 'signed' })
    expect(await sign(w2, a.id)).toEqual({ status: 'waitlisted', position: 1 })
    await sign(P.volunteer1, b.id)
    await sign(w2, b.id)
    await sign(P.volunteer2, c.id)
    await same('signed up')
    expect(await shown(w2)).toEqual({ upcoming: 2, signedUp: 2 })

    // w1 cancels A: w2 moves up; w2 cancels their place on B's waitlist.
    data(await vol(emu(), w1, 'cancelSignup', { activityId: a.id }))
    data(await vol(emu(), w2, 'cancelSignup', { activityId: b.id }))
    await same('cancelled and promoted')
    expect(await shown(w1)).toEqual({ upcoming: 2, signedUp: 0 })
    expect(await shown(w2)).toEqual({ upcoming: 2, signedUp: 1 })

    // A's signup closes: gone from upcoming at once, before the timer runs, and after it.
    await emu().setClock(23 * HOUR + MINUTE)
    await same('deadline passed')
    expect((await shown(P.volunteer1)).upcoming).toBe(1)
    await emu().fireTimer('volunteer')
    await same('deadline passed, timer run')

    // A starts: no longer counted as w2's.
    await emu().setClock(24 * HOUR + MINUTE)
    await same('started')
    expect(await shown(w2)).toEqual({ upcoming: 1, signedUp: 0 })
    await emu().fireTimer('volunteer')
    await emu().setClock(29 * HOUR + MINUTE)
    await emu().fireTimer('volunteer')
    await same("C's deadline passed")

    // The nightly recount rebuilds the same figures from the activities.
    await emu().fireTimer('user')
    await same('recounted')
  })

  it('kept, not counted: an activity written past the actions counts once the recount has run', async () => {
    const a = await publish(emu())
    expect((await shown(P.volunteer1)).upcoming).toBe(1)
    const [stored] = (await storedActivities(emu())).filter((d) => d._id === a.id)
    const reply = await emu().emulator.db.handle({
      action: 'database.insertDocument',
      collectionName: 'volunteerActivities',
      data: [toWire({ ...stored, _id: 'written-straight' })],
    })
    expect(reply.code).toBeUndefined()
    expect((await shown(P.volunteer1)).upcoming).toBe(1)
    await emu().fireTimer('user')
    expect((await shown(P.volunteer1)).upcoming).toBe(2)
    expect((await shown(P.volunteer2)).upcoming).toBe(2)
  })
})
