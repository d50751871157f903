import { BindGridInput } from '@/contract/user'
import { validateBind, type BindForm } from '@/pages/bind/validate'

// The bind form checks input in the main package without zod; this keeps its rules and
// messages in step with the server's schema (src/contract/user.ts).

const base: BindForm = {
  communityId: 'c1',
  gridId: 'g1',
  buildingId: 'g1-b1',
  room: '1-302',
  name: '张桂兰',
  phone: '13800000001',
}

const cases: [string, Partial<BindForm>][] = [
  ['valid', {}],
  ['room with a space', { room: '1 302' }],
  ['room in Chinese', { room: '三楼' }],
  ['room too long', { room: '12345678901' }],
  ['room empty', { room: '   ' }],
  ['one-character name', { name: '张' }],
  ['name with digits', { name: '张三3' }],
  ['name too long', { name: '张'.repeat(21) }],
  ['Latin name', { name: 'Anna Li' }],
  ['name with ·', { name: '阿依古丽·买买提' }],
  ['short phone', { phone: '1380000000' }],
  ['phone starting 12', { phone: '12800000001' }],
  ['phone with spaces around', { phone: ' 13800000001 ' }],
]

test.each(cases)('%s: client and server agree', (_label, patch) => {
  const form = { ...base, ...patch }
  const client = validateBind(form)
  const server = BindGridInput.safeParse({
    gridId: form.gridId,
    buildingId: form.buildingId,
    room: form.room,
    name: form.name,
    phone: form.phone,
  })
  const serverErrors: Record<string, string> = {}
  if (!server.success) {
    for (const issue of server.error.issues) {
      const field = String(issue.path[0])
      serverErrors[field] ??= issue.message
    }
  }
  for (const field of ['room', 'name', 'phone'] as const) {
    // An empty field gets a friendlier "please fill in" on the client; otherwise same words.
    if (client[field] && serverErrors[field] && form[field].trim() === '') continue
    expect([field, client[field]]).toEqual([field, serverErrors[field]])
  }
})
