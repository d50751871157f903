import type { InputOf } from '@/contract/api'
import { call, type CallOptions } from './cloud'

// Typed client of the `committee` cloud function (cloudfunctions/src/committee/<action>.ts).
// One-liners, types only, no zod.

export const committeeApi = {
  moderationQueue: () => call('committee', 'moderationQueue'),
  dashboard: (input: InputOf<'committee', 'dashboard'>) => call('committee', 'dashboard', input),
  export: (input: InputOf<'committee', 'export'>, opts?: CallOptions) =>
    call('committee', 'export', input, opts),
}
