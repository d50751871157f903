// Errors the service answers with. `code` is what the real service sends: wx-server-sdk maps it to
// an errCode (TCB_ERR_CODE: DATABASE_REQUEST_FAILED → -502001, DATABASE_COLLECTION_NOT_EXIST →
// -502005, unknown codes → -501001) and @cloudbase/database retries runTransaction only on
// DATABASE_TRANSACTION_CONFLICT.
export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'SYS_ERR'

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string
  ) {
    super(message)
  }
}

export const collectionNotExist = (name: string) =>
  new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`
  )

export const duplicateKey = (collection: string, index: string, key: string) =>
  new DbError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`
  )

export const invalidParam = (message: string) => new DbError('INVALID_PARAM', message)
