import { ConfirmAttendanceInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { entry, isDuplicateKey } from '../lib/store'
import { shanghaiYear } from '../lib/time'
import { manageDenial } from './policy'
import {
  activities,
  activityById,
  joinedOne,
  ledger,
  ledgerId,
  signedOf,
  type ActivityDoc,
  type LedgerDoc,
} from './store'
import { tellCredited } from './notify'
import { NOT_SEEN, activityView } from './view'

/** The newcomers' ledger entries, in one write (an entry is unique per activity and volunteer). */
async function credit(a: ActivityDoc, openids: string[], now: Date): Promise<void> {
  if (!openids.length) return
  const entries: LedgerDoc[] = openids.map((o) => ({
    _id: ledgerId('activity', a._id, o),
    openid: o,
    communityId: a.communityId,
    source: 'activity',
    refId: a._id,
    title: a.title,
    hours: a.hours,
    at: now,
    year: shanghaiYear(now),
    credited: false,
    pending: o,
    batch: '',
    createdAt: now,
  }))
  try {
    await ledger().add({ data: entries.map((e) => ({ ...e })) })
  } catch (err) {
    // Credited already: nothing twice.
    if (!isDuplicateKey(err)) throw err
  }
}

/**
 * The organizer, once the activity has started, says who came: they are credited the activity's
 * hours, the other signed volunteers are no-shows. A later call may add someone forgotten: the
 * signed volunteers it lists who were not credited yet are credited (a no-show becomes an
 * attendee); whoever was credited already is not credited again. The write adds the newcomers
 * to `attendees` conditional on none of them being there yet, so of two calls naming the same
 * person one adds them (two first confirmations naming different people both count); each ledger entry's id is unique per activity and volunteer besides.
 * Two writes whatever the number of volunteers.
 */
export const confirmAttendance = action(
  ConfirmAttendanceInput,
  async ({ actor, input, joined, audit }) => {
    const now = new Date()
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const no = refuse(manageDenial(actor, a), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有活动的组织者、社区两委和网格活动的网格员可以确认出勤',
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (now.getTime() < new Date(a.startAt).getTime()) {
      return fail('CONFLICT', '活动开始后才能确认出勤')
    }
    const signed = new Set(signedOf(a))
    const stranger = input.openids.find((o) => !signed.has(o))
    if (stranger) return fail('INVALID_INPUT', '只能确认正式报名的志愿者', 'openids')
    const before = a.attendees ?? []
    const newcomers = [...new Set(input.openids)].filter((o) => !before.includes(o))
    // A repeat naming only who was credited already: nothing to write.
    if (a.confirmedAt && !newcomers.length) return ok(activityView(actor, a, now))
    const attendees = [...before, ...newcomers]

    const step = entry(now, 'attendanceConfirmed', `已确认出勤 ${attendees.length} 人`)
    const _ = db().command
    const first = !a.confirmedAt
    // Whoever is added, once: conditional on none of them being there yet (a first confirmation
    // naming nobody: on there being none yet).
    const res = await activities()
      .where(
        newcomers.length
          ? { _id: a._id, attendees: _.nin(newcomers) }
          : { _id: a._id, confirmedAt: null }
      )
      .update({
        data: {
          ...(first ? { confirmedAt: now } : {}),
          attendees: _.push(newcomers),
          updatedAt: now,
          timeline: _.push([step]),
        },
      })
    if (res.stats.updated !== 1) return ok(activityView(actor, a, now))
    await credit(a, newcomers, now)
    audit('volunteer.confirmAttendance', a._id, {
      attended: attendees.length,
      added: newcomers.length,
      noShows: signed.size - attendees.length,
      hours: a.hours,
    })
    await tellCredited(newcomers, a)
    const now2: ActivityDoc = {
      ...a,
      confirmedAt: a.confirmedAt ?? now,
      attendees,
      timeline: [...(a.timeline ?? []), step],
    }
    return ok(activityView(actor, now2, now))
  },
  { load: (input) => [activityById(input.activityId)] }
)
