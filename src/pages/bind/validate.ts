// Client-side checks of the binding form, for instant feedback, from the same patterns and
// messages as BindGridInput (src/contract/patterns.ts) without pulling zod into the main package;
// test/components/bind/validate.test.ts checks the two agree. The server stays the judge.
import { BIND_MESSAGES as M, NAME_RE, PHONE_RE, ROOM_RE } from '@/contract/patterns'

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
  if (!room) return M.roomRequired
  if (room.length > 10) return M.roomTooLong
  if (!ROOM_RE.test(room)) return M.roomPattern
}

export function checkName(raw: string): string | undefined {
  const name = raw.trim()
  if (!name) return M.nameRequired
  if (name.length < 2) return M.nameTooShort
  if (name.length > 20) return M.nameTooLong
  if (!NAME_RE.test(name)) return M.namePattern
}

export function checkPhone(raw: string, phoneCode?: string): string | undefined {
  if (phoneCode) return undefined
  if (!PHONE_RE.test(raw.trim())) return M.phonePattern
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
