// Input rules that the client also checks for instant feedback: plain constants, no zod, so the
// weapp main package can import them. The zod schemas in user.ts are built from the same values.

export const PHONE_RE = /^1[3-9]\d{9}$/
export const ROOM_RE = /^[0-9A-Za-z-]{1,10}$/
export const NAME_RE = /^[\u4e00-\u9fa5·A-Za-z ]{2,20}$/

export const BIND_MESSAGES = {
  roomRequired: '请填写房号',
  roomTooLong: '房号最多 10 个字符',
  roomPattern: '房号只能包含数字、字母和“-”，如 1-302',
  nameRequired: '请填写真实姓名',
  nameTooShort: '姓名至少 2 个字',
  nameTooLong: '姓名最多 20 个字',
  namePattern: '姓名只能包含汉字或字母',
  phonePattern: '请填写 11 位手机号',
} as const
