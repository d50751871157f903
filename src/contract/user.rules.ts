import type { CrossRule, TextRule } from './rules'

// Plain data of the `user` domain that both sides read (no zod: the main package imports it):
// abilities, counts, and the input rules the schemas (user.ts) and the pages' live checks share.

/** What the viewer may do in the user domain, decided on the server (`user.me` → `can`). */
export const USER_ABILITIES = [
  /** Bind (or re-bind) a grid. */
  'user.bind',
  /** Open the queue of residents waiting for verification. */
  'user.verify',
  /** Open the roster of verified residents. */
  'user.listResidents',
  /** Grant roles to someone (the roster's role editor). */
  'user.setRoles',
  /** Show a grid's QR code door to door (`user.gridCode`, for a grid the viewer serves). */
  'user.gridCode',
] as const

/** Counts of the user domain that `user.counts` may answer (absent = not the viewer's concern). */
export const USER_COUNTS = [
  /** Residents waiting for the viewer to verify them. */
  'user.toVerify',
] as const

/**
 * Subscribe-message templates the user domain sends, with the suffix of the variables that name
 * their ids (`HONGLIN_TPL_<suffix>` on the cloud function, `TARO_APP_TPL_<suffix>` at build).
 */
export const USER_TEMPLATES = {
  bindResult: 'BIND_RESULT',
} as const

/** What each audited step of the user domain is called in a person's data export. */
export const USER_AUDIT_LABELS: Record<string, string> = {
  'user.bindGrid': '绑定网格',
  'user.updateProfile': '修改个人资料',
  'user.verifyResident': '审核居民绑定',
  'user.verify': '认证居民',
  'user.reject': '驳回居民绑定',
  'user.setRoles': '设置角色',
  'user.deleteMe': '注销账号',
}

export const PHONE_RE = /^1[3-9]\d{9}$/
export const ROOM_RE = /^[0-9A-Za-z-]{1,10}$/
export const NAME_RE = /^[\u4e00-\u9fa5·A-Za-z ]{2,20}$/

/** `user.bindGrid`. */
export const BIND_RULES = {
  room: {
    required: '请填写房号',
    min: { value: 1, message: '请填写房号' },
    max: { value: 10, message: '房号最多 10 个字符' },
    pattern: { re: ROOM_RE, message: '房号只能包含数字、字母和“-”，如 1-302' },
  },
  name: {
    required: '请填写真实姓名',
    blank: '请填写真实姓名',
    min: { value: 2, message: '姓名至少 2 个字' },
    max: { value: 20, message: '姓名最多 20 个字' },
    pattern: { re: NAME_RE, message: '姓名只能包含汉字或字母' },
  },
  /** Optional for the server (a phone may come as a WeChat code instead, `phoneCode`). */
  phone: {
    type: '手机号格式不正确',
    pattern: { re: PHONE_RE, message: '请填写 11 位手机号' },
  },
} as const satisfies Record<string, TextRule>

/** `user.bindGrid` on weapp: the code of the getPhoneNumber button, exchanged on the server. */
export const PHONE_CODE_RULE = {
  type: '手机号授权失败，请重试',
  max: { value: 128, message: '手机号授权失败，请重试' },
} as const satisfies TextRule

/** `user.updateProfile`. */
export const PROFILE_RULES = {
  nickname: {
    type: '昵称格式不正确',
    blank: '昵称不能为空',
    max: { value: 20, message: '昵称最多 20 个字' },
  },
} as const satisfies Record<string, TextRule>

export const PROFILE_CROSS: readonly CrossRule<'nickname' | 'elderMode' | 'creditByName'>[] = [
  {
    kind: 'anyOf',
    fields: ['nickname', 'elderMode', 'creditByName'],
    field: 'nickname',
    message: '没有需要修改的内容',
  },
]

/** `user.verifyResident`. */
export const VERIFY_RULES = {
  reason: { type: '原因格式不正确', max: { value: 100, message: '原因最多 100 个字' } },
} as const satisfies Record<string, TextRule>

export const VERIFY_CROSS: readonly CrossRule<'approve' | 'reason'>[] = [
  {
    kind: 'requiredIf',
    field: 'reason',
    when: 'approve',
    is: false,
    message: '请填写不通过的原因，居民会看到',
  },
]
