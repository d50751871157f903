import type { z } from 'zod'
import type * as U from './user'
import type * as W from './wish'
import type { ViewerCounts } from './viewer'

// The typed map of every function and action: the client's `call()` and the server's router
// both derive from it, so a renamed action or a changed shape fails to compile on both sides.

interface Action<I extends z.ZodType, O> {
  input: z.input<I>
  output: O
}

export interface Api {
  user: {
    me: Action<typeof U.MeInput, U.Me>
    counts: Action<typeof U.CountsInput, ViewerCounts>
    listGrids: Action<typeof U.ListGridsInput, U.GridsTree>
    myGrid: Action<typeof U.MyGridInput, U.MyGrid>
    bindGrid: Action<typeof U.BindGridInput, U.Me>
    updateProfile: Action<typeof U.UpdateProfileInput, U.Me>
    listPendingResidents: Action<typeof U.ListPendingResidentsInput, U.PendingResidentsPage>
    listResidents: Action<typeof U.ListResidentsInput, U.ResidentsPage>
    verifyResident: Action<typeof U.VerifyResidentInput, U.VerifyResult>
    setRoles: Action<typeof U.SetRolesInput, U.SetRolesResult>
    exportMyData: Action<typeof U.ExportMyDataInput, U.MyDataExport>
    deleteMe: Action<typeof U.DeleteMeInput, U.DeleteMeResult>
    gridCode: Action<typeof U.GridCodeInput, U.GridCode>
  }
  wish: {
    create: Action<typeof W.CreateWishInput, W.Wish>
    createFor: Action<typeof W.CreateWishForInput, W.Wish>
    list: Action<typeof W.ListWishesInput, W.WishPage>
    get: Action<typeof W.WishIdInput, W.Wish>
    claim: Action<typeof W.WishIdInput, W.Wish>
    release: Action<typeof W.ReleaseWishInput, W.Wish>
    fulfill: Action<typeof W.FulfillWishInput, W.Wish>
    confirm: Action<typeof W.ConfirmWishInput, W.Wish>
    cancel: Action<typeof W.WishIdInput, W.Wish>
    review: Action<typeof W.ReviewWishInput, W.Wish>
    stats: Action<typeof W.WishStatsInput, W.WishStats>
  }
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
