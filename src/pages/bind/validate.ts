// Client-side checks of the binding form, for instant feedback. They mirror BindGridInput in
// src/contract/user.ts (same rules, same messages) without pulling zod into the main package;
// test/components/bind/validate.test.ts keeps the two in step. The server stays the judge.

export const PHONE_RE = /^1[3-9]\d{9}$/
export const ROOM_RE = /^[0-9A-Za-z-]{1,10}$/
export const NAME_RE = /^[\u4e00-\u9fa5·A-Za-z ]{2,20}$/

export interface BindForm {
  communityId: string | null
  gridId: string | null
  buildingId: string | null
  room: string
  name: string
  phone: string
  phoneCode?: string
}

export type BindField = 'communityId' | 'gridId' | 'buildingId' | 'room' | 'name' | 'phone'
export type BindErrors = Partial<Record<BindField, string>>

export function checkRoom(raw: string): string | undefined {
  const room = raw.trim()
  if (!room) return '请填写房号'
  if (room.length > 10) return '房号最多 10 个字符'
  if (!ROOM_RE.test(room)) return '房号只能包含数字、字母和“-”，如 1-302'
}

export function checkName(raw: string): string | undefined {
  const name = raw.trim()
  if (!name) return '请填写真实姓名'
  if (name.length < 2) return '姓名至少 2 个字'
  if (name.length > 20) return '姓名最多 20 个字'
  if (!NAME_RE.test(name)) return '姓名只能包含汉字或字母'
}

export function checkPhone(raw: string, phoneCode?: string): string | undefined {
  if (phoneCode) return undefined
  if (!PHONE_RE.test(raw.trim())) return '请填写 11 位手机号'
}

export function validateBind(form: BindForm): BindErrors {
  const errors: BindErrors = {
    communityId: form.communityId ? undefined : '请选择社区',
    gridId: form.gridId ? undefined : '请选择网格',
    buildingId: form.buildingId ? undefined : '请选择楼栋',
    room: checkRoom(form.room),
    name: checkName(form.name),
    phone: checkPhone(form.phone, form.phoneCode),
  }
  for (const key of Object.keys(errors) as BindField[]) if (!errors[key]) delete errors[key]
  return errors
}

/** The server names fields of its input; `phoneCode` is shown at the phone field. */
export function fieldOf(serverField: string | undefined): BindField | null {
  if (serverField === 'phoneCode') return 'phone'
  const known: BindField[] = ['gridId', 'buildingId', 'room', 'name', 'phone']
  return known.find((f) => f === serverField) ?? null
}
