import type { ActionName, InputOf } from '@/contract/api'
import { call, type CallOptions } from './cloud'

// Typed client of the `matter` cloud function (cloudfunctions/src/matter/<action>.ts). One-liners,
// types only, no zod.

type In<A extends ActionName<'matter'>> = InputOf<'matter', A>
type Opts = CallOptions | undefined

export const matterApi = {
  report: (input: In<'report'>, opts?: Opts) => call('matter', 'report', input, opts),
  list: (input: In<'list'>) => call('matter', 'list', input),
  get: (id: string) => call('matter', 'get', { id }),
  second: (id: string, opts?: Opts) => call('matter', 'second', { id }, opts),
  accept: (id: string, opts?: Opts) => call('matter', 'accept', { id }, opts),
  reply: (input: In<'reply'>, opts?: Opts) => call('matter', 'reply', input, opts),
  resolve: (input: In<'resolve'>, opts?: Opts) => call('matter', 'resolve', input, opts),
  escalate: (input: In<'escalate'>, opts?: Opts) => call('matter', 'escalate', input, opts),
  toDeliberation: (input: In<'toDeliberation'>, opts?: Opts) =>
    call('matter', 'toDeliberation', input, opts),
  rate: (input: In<'rate'>, opts?: Opts) => call('matter', 'rate', input, opts),
  reopen: (input: In<'reopen'>, opts?: Opts) => call('matter', 'reopen', input, opts),
  withdraw: (id: string, opts?: Opts) => call('matter', 'withdraw', { id }, opts),
}
