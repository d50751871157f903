import type { ActionName, InputOf } from '@/contract/api'
import { call, type CallOptions } from './cloud'

// Typed client of the `errand` cloud function (cloudfunctions/src/errand/<action>.ts). Home
// (main package) imports it for one-tap help: keep it to these one-liners, types only, no zod.

type In<A extends ActionName<'errand'>> = InputOf<'errand', A>

export const errandApi = {
  types: () => call('errand', 'types', {}),
  book: (input: In<'book'>, opts?: CallOptions) => call('errand', 'book', input, opts),
  help: (input: In<'help'>, opts?: CallOptions) => call('errand', 'help', input, opts),
  bookFor: (input: In<'bookFor'>, opts?: CallOptions) => call('errand', 'bookFor', input, opts),
  list: (input: In<'list'>) => call('errand', 'list', input),
  get: (id: string) => call('errand', 'get', { id }),
  accept: (id: string, opts?: CallOptions) => call('errand', 'accept', { id }, opts),
  release: (input: In<'release'>, opts?: CallOptions) => call('errand', 'release', input, opts),
  complete: (input: In<'complete'>, opts?: CallOptions) => call('errand', 'complete', input, opts),
  confirm: (input: In<'confirm'>, opts?: CallOptions) => call('errand', 'confirm', input, opts),
  cancel: (input: In<'cancel'>, opts?: CallOptions) => call('errand', 'cancel', input, opts),
}
