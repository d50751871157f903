import type { ActionName, InputOf } from '@/contract/api'
import { call, type CallOptions } from './cloud'

// Typed client of the `wish` cloud function (cloudfunctions/src/wish/<action>.ts). Home and grid
// (main package) import it for the counts: keep it to these one-liners, types only, no zod.

type In<A extends ActionName<'wish'>> = InputOf<'wish', A>

export const wishApi = {
  create: (input: In<'create'>, opts?: CallOptions) => call('wish', 'create', input, opts),
  createFor: (input: In<'createFor'>, opts?: CallOptions) => call('wish', 'createFor', input, opts),
  list: (input: In<'list'>) => call('wish', 'list', input),
  get: (id: string) => call('wish', 'get', { id }),
  claim: (id: string, opts?: CallOptions) => call('wish', 'claim', { id }, opts),
  release: (input: In<'release'>, opts?: CallOptions) => call('wish', 'release', input, opts),
  fulfill: (input: In<'fulfill'>, opts?: CallOptions) => call('wish', 'fulfill', input, opts),
  confirm: (input: In<'confirm'>, opts?: CallOptions) => call('wish', 'confirm', input, opts),
  cancel: (id: string, opts?: CallOptions) => call('wish', 'cancel', { id }, opts),
  review: (input: In<'review'>, opts?: CallOptions) => call('wish', 'review', input, opts),
  stats: () => call('wish', 'stats', {}),
}
