import type { ActionName, InputOf } from '@/contract/api'
import type { Activity, CreateActivityInput } from '@/contract/volunteer'
import { toWire } from '../../../emulator/db/wire'
import type { Envelope, TestEmulator } from '../../helpers/emulator'
import { call, data, PERSONAS } from '../helpers'
import type { OutputOf } from '@/contract/api'

// The volunteer domain's arrangements, on the shared cloud-test setup (../helpers): activities
// placed relative to the emulator's clock, many approved volunteers written straight into the
// store (a race needs hundreds), and the calls typed from the contract.

export {
  call,
  callWithStats,
  data,
  expectError,
  newResident,
  READ_TRIPS,
  useEmulator,
  WRITE_TRIPS,
} from '../helpers'

export const P = PERSONAS
export const HOUR = 3_600_000
export const MINUTE = 60_000

type VAction = ActionName<'volunteer'>

/** A typed `volunteer` call. */
export function vol<A extends VAction>(
  emu: TestEmulator,
  who: string | null,
  action: A,
  input: InputOf<'volunteer', A>,
  requestId?: string
): Promise<Envelope<OutputOf<'volunteer', A>>> {
  return call(emu, 'volunteer', who, action, input, requestId)
}

/** The emulator's now (real time plus its offset), in ms. */
export async function emuNow(emu: TestEmulator): Promise<number> {
  return Date.parse((await emu.advanceClock(0)).now)
}

/**
 * An activity of c1 (or the scope given) starting `startIn` hours after `now`, lasting `hours`
 * hours plus one, its signup closing an hour before the start.
 */
export function activityInput(
  now: number,
  over: Partial<CreateActivityInput> & { startIn?: number; lasts?: number } = {}
): CreateActivityInput {
  const { startIn = 24, lasts = 3, ...rest } = over
  const start = now + startIn * HOUR
  return {
    title: '敬老院陪伴活动',
    description: '陪伴老人聊天、读报',
    location: '幸福里敬老院',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + lasts * HOUR).toISOString(),
    signupDeadline: new Date(start - HOUR).toISOString(),
    quota: 20,
    hours: 2,
    scope: { type: 'community', id: 'c1' },
    ...rest,
  }
}

/** Publishes an activity (the committee by default) and returns it. */
export async function publish(
  emu: TestEmulator,
  over: Parameters<typeof activityInput>[1] = {},
  who: string = PERSONAS.committee
): Promise<Activity> {
  return data(await vol(emu, who, 'createActivity', activityInput(await emuNow(emu), over)))
}

/**
 * `n` approved volunteers of g1 (c1), written straight into the store as copies of
 * demo-volunteer-1 (roles `resident` + `volunteer`, application approved, not a party member);
 * `extra` (for each, or by index) overrides fields. The counters are not touched.
 */
export async function manyVolunteers(
  emu: TestEmulator,
  n: number,
  prefix = 'race-vol',
  extra: Record<string, unknown> | ((i: number) => Record<string, unknown>) = {}
): Promise<string[]> {
  const [model] = await emu.emulator.db.find('users', { _id: PERSONAS.volunteer1 })
  const openids = Array.from({ length: n }, (_x, i) => `${prefix}-${String(i).padStart(3, '0')}`)
  const docs = openids.map((openid, i) =>
    toWire({
      ...model,
      _id: openid,
      openid,
      nickname: `志愿者${i}`,
      realName: `测试志愿者${i}`,
      phone: `139${String(i).padStart(8, '0')}`,
      room: `${100 + i}`,
      roles: ['resident', 'volunteer'],
      volunteer: { status: 'approved', partyMember: false, skills: ['陪伴'] },
      ...(typeof extra === 'function' ? extra(i) : extra),
    })
  )
  const reply = await emu.emulator.db.handle({
    action: 'database.insertDocument',
    collectionName: 'users',
    data: docs,
  })
  if (reply.code) throw new Error(`insert volunteers: ${JSON.stringify(reply)}`)
  return openids
}

/** Stored activities (volunteerActivities), read straight from the store. */
export const storedActivities = (emu: TestEmulator) => emu.emulator.db.find('volunteerActivities')

/** Ledger entries, read straight from the store. */
export const storedLedger = (emu: TestEmulator, filter: Record<string, unknown> = {}) =>
  emu.emulator.db.find('volunteerLedger', filter)

/** Template ids of the messages sent to `who`. */
export const templatesTo = async (emu: TestEmulator, who: string): Promise<string[]> =>
  (await emu.outbox(who)).map((m) => m.templateId)

/** Moves the emulator's clock so that its now is `at` (ms) or a little after. */
export async function clockTo(emu: TestEmulator, at: number): Promise<void> {
  await emu.advanceClock(at - (await emuNow(emu)))
}
