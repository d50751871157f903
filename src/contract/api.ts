import type { UserApi } from './user'
import type { WishApi } from './wish'
import type { ErrandApi } from './errand'
import type { VolunteerApi } from './volunteer'
import type { MatterApi } from './matter'
import type { DeliberationApi } from './deliberation'
import type { CommitteeApi } from './committee'

// The typed map of every function and action: the client's `call()` and the server's router
// both derive from it, so a renamed action or a changed shape fails to compile on both sides.
// Each domain declares its own `XxxApi` beside its schemas; this registry is one line per domain.

export interface Api {
  user: UserApi
  wish: WishApi
  errand: ErrandApi
  volunteer: VolunteerApi
  matter: MatterApi
  deliberation: DeliberationApi
  committee: CommitteeApi
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I
}
  ? I
  : never
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  output: infer O
}
  ? O
  : never
