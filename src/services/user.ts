import type { InputOf } from '@/contract/api'
import type { PageInput } from '@/contract/common'
import { call, type CallOptions } from './cloud'

// Typed client of the `user` cloud function (cloudfunctions/src/user/<action>.ts).

export const userApi = {
  me: () => call('user', 'me'),
  counts: () => call('user', 'counts'),
  listGrids: () => call('user', 'listGrids'),
  myGrid: () => call('user', 'myGrid'),
  bindGrid: (input: InputOf<'user', 'bindGrid'>, opts?: CallOptions) =>
    call('user', 'bindGrid', input, opts),
  updateProfile: (input: InputOf<'user', 'updateProfile'>) => call('user', 'updateProfile', input),
  listPendingResidents: (page: PageInput = {}) => call('user', 'listPendingResidents', page),
  listResidents: (input: InputOf<'user', 'listResidents'> = {}) =>
    call('user', 'listResidents', input),
  verifyResident: (input: InputOf<'user', 'verifyResident'>, opts?: CallOptions) =>
    call('user', 'verifyResident', input, opts),
  setRoles: (input: InputOf<'user', 'setRoles'>) => call('user', 'setRoles', input),
  exportMyData: () => call('user', 'exportMyData'),
  deleteMe: (opts?: CallOptions) => call('user', 'deleteMe', {}, opts),
  gridCode: (input: InputOf<'user', 'gridCode'>) => call('user', 'gridCode', input),
}
