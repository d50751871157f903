import { parseInput } from '../../../cloudfunctions/src/lib/validate'
import { BindGridInput, SetRolesInput, UpdateProfileInput } from '@/contract/user'
import { PageInput } from '@/contract/common'

const good = {
  gridId: 'g1',
  buildingId: 'g1-b1',
  room: '1-302',
  name: '张桂兰',
  phone: '13800000001',
}

describe('input validation at the boundary', () => {
  it('accepts a well-formed binding and strips smuggled identity fields', () => {
    const r = parseInput(BindGridInput, { ...good, openid: 'someone-else', roles: ['admin'] })
    expect(r).toEqual({ ok: true, data: good })
  })

  it.each([
    [{ ...good, gridId: 42 }, 'gridId', '网格格式不正确'],
    [{ ...good, gridId: '' }, 'gridId', '请选择网格'],
    [{ ...good, room: '' }, 'room', '请填写房号'],
    [{ ...good, room: '12345678901' }, 'room', '房号最多 10 个字符'],
    [{ ...good, room: '3楼' }, 'room', '房号只能包含数字、字母和“-”，如 1-302'],
    [{ ...good, name: '张' }, 'name', '姓名至少 2 个字'],
    [{ ...good, name: 'x'.repeat(21) }, 'name', '姓名最多 20 个字'],
    [{ ...good, name: undefined }, 'name', '请填写真实姓名'],
    [{ ...good, phone: '12345' }, 'phone', '请填写 11 位手机号'],
  ])('rejects %j on field %s with a Chinese message', (input, field, message) => {
    expect(parseInput(BindGridInput, input)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', field, message },
    })
  })

  it('rejects a non-object input as a whole', () => {
    const r = parseInput(BindGridInput, 'g1')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.field).toBe('input')
  })

  it('requires something to change in a profile update', () => {
    const r = parseInput(UpdateProfileInput, {})
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'nickname' } })
    expect(parseInput(UpdateProfileInput, { elderMode: 'yes' })).toMatchObject({
      ok: false,
      error: { field: 'elderMode', message: '长辈模式开关格式不正确' },
    })
  })

  it('rejects unknown and duplicate roles', () => {
    expect(parseInput(SetRolesInput, { openid: 'u', roles: ['king'] })).toMatchObject({
      ok: false,
      error: { field: 'roles.0', message: '角色不正确' },
    })
    expect(
      parseInput(SetRolesInput, { openid: 'u', roles: ['volunteer', 'volunteer'] })
    ).toMatchObject({
      ok: false,
      error: { field: 'roles', message: '角色有重复' },
    })
  })

  it('bounds page sizes', () => {
    expect(parseInput(PageInput, { limit: 51 })).toMatchObject({
      ok: false,
      error: { field: 'limit' },
    })
    expect(parseInput(PageInput, { limit: 1.5 })).toMatchObject({
      ok: false,
      error: { field: 'limit' },
    })
    expect(parseInput(PageInput, {})).toEqual({ ok: true, data: {} })
  })
})
