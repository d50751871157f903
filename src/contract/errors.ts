// Error codes of the contract (docs/contract.md §2.2) and the default Chinese message for each.
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'NOT_BOUND',
  'NOT_VERIFIED',
  'FORBIDDEN',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'LIMIT_EXCEEDED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '请先在微信中登录',
  NOT_BOUND: '请先绑定您所在的网格',
  NOT_VERIFIED: '您的网格绑定还在等待网格员认证',
  FORBIDDEN: '您没有权限进行这个操作',
  INVALID_INPUT: '填写的内容有误，请检查',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '状态已经变化，请刷新后再试',
  LIMIT_EXCEEDED: '操作太频繁或已达上限',
  CONTENT_REJECTED: '内容包含不适宜的信息，请修改后再提交',
  INTERNAL: '服务暂时不可用，请稍后再试',
}

export interface ApiError {
  code: ErrorCode
  message: string
  field?: string
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** The request every cloud function takes. */
export interface Request<I = unknown> {
  action: string
  input?: I
  requestId?: string
}

/** Paged lists: `{cursor?, limit?}` in, `{items, nextCursor}` out. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}
