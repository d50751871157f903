import { createFunction } from '../lib/router'
import { create } from './create'
import { list } from './list'
import { get } from './get'
import { comment } from './comment'
import { listComments } from './listComments'
import { reportComment } from './reportComment'
import { hideComment } from './hideComment'
import { restoreComment } from './restoreComment'
import { openVoting } from './openVoting'
import { vote } from './vote'
import { recordInPerson } from './recordInPerson'
import { close } from './close'
import { result } from './result'
import { verifyReceipt } from './verifyReceipt'
import { followUp } from './followUp'
import { addUpdate } from './addUpdate'
import { sweep } from './sweep'

export const main = createFunction(
  'deliberation',
  {
    create,
    list,
    get,
    comment,
    listComments,
    reportComment,
    hideComment,
    restoreComment,
    openVoting,
    vote,
    recordInPerson,
    close,
    result,
    verifyReceipt,
    followUp,
    addUpdate,
  },
  { deliberation: sweep }
)
