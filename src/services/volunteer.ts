import type { ActionName, InputOf } from '@/contract/api'
import { call, type CallOptions } from './cloud'
import { ROSTER_PAGE } from '@/contract/volunteer.rules'

// Typed client of the `volunteer` cloud function (cloudfunctions/src/volunteer/<action>.ts).
// One-liners, types only, no zod.

type In<A extends ActionName<'volunteer'>> = InputOf<'volunteer', A>
type Opts = CallOptions | undefined

export const volunteerApi = {
  register: (input: In<'register'>, opts?: Opts) => call('volunteer', 'register', input, opts),
  myApplication: () => call('volunteer', 'myApplication', {}),
  listApplications: (input: In<'listApplications'>) => call('volunteer', 'listApplications', input),
  reviewVolunteer: (input: In<'reviewVolunteer'>, opts?: Opts) =>
    call('volunteer', 'reviewVolunteer', input, opts),
  createActivity: (input: In<'createActivity'>, opts?: Opts) =>
    call('volunteer', 'createActivity', input, opts),
  listActivities: (input: In<'listActivities'>) => call('volunteer', 'listActivities', input),
  getActivity: (id: string) => call('volunteer', 'getActivity', { id }),
  signup: (activityId: string, opts?: Opts) => call('volunteer', 'signup', { activityId }, opts),
  cancelSignup: (activityId: string, opts?: Opts) =>
    call('volunteer', 'cancelSignup', { activityId }, opts),
  checkinCode: (activityId: string) => call('volunteer', 'checkinCode', { activityId }),
  checkin: (input: In<'checkin'>, opts?: Opts) => call('volunteer', 'checkin', input, opts),
  // Signed volunteers come first: the largest page holds all of them (quota ≤ 500).
  roster: (activityId: string) =>
    call('volunteer', 'roster', { activityId, limit: ROSTER_PAGE.max }),
  confirmAttendance: (input: In<'confirmAttendance'>, opts?: Opts) =>
    call('volunteer', 'confirmAttendance', input, opts),
  feedback: (input: In<'feedback'>, opts?: Opts) => call('volunteer', 'feedback', input, opts),
  summary: (input: In<'summary'>, opts?: Opts) => call('volunteer', 'summary', input, opts),
  myRecord: (input: In<'myRecord'>) => call('volunteer', 'myRecord', input),
  honorRoll: (input: In<'honorRoll'>) => call('volunteer', 'honorRoll', input),
  proof: () => call('volunteer', 'proof', {}),
  settings: () => call('volunteer', 'settings', {}),
  updateSettings: (input: In<'updateSettings'>, opts?: Opts) =>
    call('volunteer', 'updateSettings', input, opts),
  partyReport: () => call('volunteer', 'partyReport', {}),
}
