import type { ActionName, InputOf } from '@/contract/api'
import { call, type CallOptions } from './cloud'

// Typed client of the `deliberation` cloud function (cloudfunctions/src/deliberation/<action>.ts).
// One-liners, types only, no zod.

type In<A extends ActionName<'deliberation'>> = InputOf<'deliberation', A>
type Opts = CallOptions | undefined

export const deliberationApi = {
  create: (input: In<'create'>, opts?: Opts) => call('deliberation', 'create', input, opts),
  list: (input: In<'list'>) => call('deliberation', 'list', input),
  get: (id: string) => call('deliberation', 'get', { id }),
  comment: (input: In<'comment'>, opts?: Opts) => call('deliberation', 'comment', input, opts),
  listComments: (input: In<'listComments'>) => call('deliberation', 'listComments', input),
  reportComment: (commentId: string, opts?: Opts) =>
    call('deliberation', 'reportComment', { commentId }, opts),
  hideComment: (input: In<'hideComment'>, opts?: Opts) =>
    call('deliberation', 'hideComment', input, opts),
  restoreComment: (commentId: string, opts?: Opts) =>
    call('deliberation', 'restoreComment', { commentId }, opts),
  openVoting: (id: string, opts?: Opts) => call('deliberation', 'openVoting', { id }, opts),
  vote: (input: In<'vote'>, opts?: Opts) => call('deliberation', 'vote', input, opts),
  recordInPerson: (input: In<'recordInPerson'>, opts?: Opts) =>
    call('deliberation', 'recordInPerson', input, opts),
  close: (id: string, opts?: Opts) => call('deliberation', 'close', { id }, opts),
  result: (id: string) => call('deliberation', 'result', { id }),
  verifyReceipt: (input: In<'verifyReceipt'>) => call('deliberation', 'verifyReceipt', input),
  followUp: (input: In<'followUp'>, opts?: Opts) => call('deliberation', 'followUp', input, opts),
  addUpdate: (input: In<'addUpdate'>, opts?: Opts) =>
    call('deliberation', 'addUpdate', input, opts),
}
