import { createFunction } from '../lib/router'
import { create } from './create'
import { createFor } from './createFor'
import { list } from './list'
import { get } from './get'
import { claim } from './claim'
import { release } from './release'
import { fulfill } from './fulfill'
import { confirm } from './confirm'
import { cancel } from './cancel'
import { review } from './review'
import { stats } from './stats'
import { autoConfirm } from './autoConfirm'

export const main = createFunction(
  'wish',
  { create, createFor, list, get, claim, release, fulfill, confirm, cancel, review, stats },
  { autoConfirm }
)
