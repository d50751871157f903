import { createFunction } from '../lib/router'
import { me } from './me'
import { counts } from './counts'
import { listGrids } from './listGrids'
import { myGrid } from './myGrid'
import { bindGrid } from './bindGrid'
import { updateProfile } from './updateProfile'
import { listPendingResidents } from './listPendingResidents'
import { listResidents } from './listResidents'
import { verifyResident } from './verifyResident'
import { setRoles } from './setRoles'
import { exportMyData } from './exportMyData'
import { deleteMe } from './deleteMe'
import { gridCode } from './gridCode'
import { purgeRequests } from './purgeRequests'
import { erase } from './erase'
import { recount } from '../lib/counting'

export const main = createFunction(
  'user',
  {
    me,
    counts,
    listGrids,
    myGrid,
    bindGrid,
    updateProfile,
    listPendingResidents,
    listResidents,
    verifyResident,
    setRoles,
    exportMyData,
    deleteMe,
    gridCode,
  },
  { purgeRequests, recount, erase }
)
