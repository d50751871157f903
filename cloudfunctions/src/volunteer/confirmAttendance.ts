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

/**
 * The organizer, once the activity has started, says who came: they are credited the activity's
 * hours, the other signed volunteers are no-shows. Once per activity: the write is conditional
 * on no confirmation yet, and each ledger entry's id is unique per activity and volunteer, so a
 * repeat credits nothing. Two writes whatever the number of volunteers.
 */
export const confirmAttendance = action(
  ConfirmAttendanceInput,
  async ({ actor, input, joined, audit }) => {
    const now = new Date()
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const no = refuse(manageDenial(actor, a), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有活动的组织者可以确认出勤',
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (now.getTime() < new Date(a.startAt).getTime()) {
      return fail('CONFLICT', '活动开始后才能确认出勤')
    }
    if (a.confirmedAt) return ok(activityView(actor, a, now))
    const signed = new Set(signedOf(a))
    const stranger = input.openids.find((o) => !signed.has(o))
    if (stranger) return fail('INVALID_INPUT', '只能确认正式报名的志愿者', 'openids')
    const attendees = [...new Set(input.openids)]

    const step = entry(now, 'attendanceConfirmed', `已确认出勤 ${attendees.length} 人`)
    const _ = db().command
    const res = await activities()
      .where({ _id: a._id, confirmedAt: null })
      .update({ data: { confirmedAt: now, attendees, updatedAt: now, timeline: _.push([step]) } })
    if (res.stats.updated !== 1) return ok(activityView(actor, a, now))
    const entries: LedgerDoc[] = attendees.map((o) => ({
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
    if (entries.length) {
      try {
        await ledger().add({ data: entries.map((e) => ({ ...e })) })
      } catch (err) {
        // Credited already (an entry is unique per activity and volunteer): nothing twice.
        if (!isDuplicateKey(err)) throw err
      }
    }
    audit('volunteer.confirmAttendance', a._id, {
      attended: attendees.length,
      noShows: signed.size - attendees.length,
      hours: a.hours,
    })
    await tellCredited(attendees, a)
    const now2: ActivityDoc = {
      ...a,
      confirmedAt: now,
      attendees,
      timeline: [...(a.timeline ?? []), step],
    }
    return ok(activityView(actor, now2, now))
  },
  { load: (input) => [activityById(input.activityId)] }
)
