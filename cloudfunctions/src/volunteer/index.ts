import { createFunction } from '../lib/router'
import { register } from './register'
import { myApplication } from './myApplication'
import { listApplications } from './listApplications'
import { reviewVolunteer } from './reviewVolunteer'
import { createActivity } from './createActivity'
import { listActivities } from './listActivities'
import { getActivity } from './getActivity'
import { signup } from './signup'
import { cancelSignup } from './cancelSignup'
import { checkinCode } from './checkinCode'
import { checkin } from './checkin'
import { roster } from './roster'
import { confirmAttendance } from './confirmAttendance'
import { feedback } from './feedback'
import { summary } from './summary'
import { myRecord } from './myRecord'
import { honorRoll } from './honorRoll'
import { proof } from './proof'
import { settings } from './settings'
import { updateSettings } from './updateSettings'
import { partyReport } from './partyReport'
import { sweep } from './sweep'

export const main = createFunction(
  'volunteer',
  {
    register,
    myApplication,
    listApplications,
    reviewVolunteer,
    createActivity,
    listActivities,
    getActivity,
    signup,
    cancelSignup,
    checkinCode,
    checkin,
    roster,
    confirmAttendance,
    feedback,
    summary,
    myRecord,
    honorRoll,
    proof,
    settings,
    updateSettings,
    partyReport,
  },
  { volunteer: sweep }
)
