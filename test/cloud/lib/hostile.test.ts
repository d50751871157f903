import { data, expectError, PERSONAS as P, useEmulator } from '../helpers'

// What a hostile client sends, through the real functions: bodies nested thousands of levels
// deep, bodies over the size limit, and text holding half of a UTF-16 surrogate pair. Each gets
// its refusal as an envelope, nothing is stored, and the server keeps serving.

const emu = useEmulator()

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`

const stored = async () => ({
  users: await emu().emulator.db.find('users'),
  wishes: await emu().emulator.db.find('wishes'),
  audit: await emu().emulator.db.find('audit'),
})

describe('a body nested 10,000 levels deep (60 KB)', () => {
  const deepInput = `{"action":"create","input":${nested(10_000)}}`

  it('is INVALID_INPUT naming the field, every time, and the server keeps serving', async () => {
    expect(deepInput.length).toBeGreaterThan(60_000)
    const before = await stored()
    for (let i = 0; i < 3; i++) {
      const res = await emu().callRaw('wish', P.resident1, deepInput)
      expect(res.status).toBe(200)
      expectError(res.body, 'INVALID_INPUT', 'input')
    }
    // At once, to several instances, and under a key the action does not read.
    const beside = `{"action":"me","extra":${nested(10_000)}}`
    const together = await Promise.all([
      emu().callRaw('wish', P.resident1, deepInput),
      emu().callRaw('user', P.resident2, beside),
      emu().callRaw('user', P.resident3, deepInput.replace('"create"', '"updateProfile"')),
    ])
    expect(together.map((r) => [r.status, r.body.error?.code, r.body.error?.field])).toEqual([
      [200, 'INVALID_INPUT', 'input'],
      [200, 'INVALID_INPUT', 'extra'],
      [200, 'INVALID_INPUT', 'input'],
    ])
    expect(await stored()).toEqual(before)
    // No instance is left busy, and the next calls are served as usual.
    expect(Object.values(emu().emulator.runner.instances()).map((i) => i.busy)).toEqual([0, 0])
    expect(data(await emu().call('user', P.resident1, 'me')).openid).toBe(P.resident1)
    expect(
      data(
        await emu().call('wish', P.resident1, 'create', {
          title: '想要一根拐杖',
          content: '腿脚不便',
          category: 'daily',
        })
      ).status
    ).toBe('pending')
  })

  it('an unknown action nested deep is still an unknown action', async () => {
    const res = await emu().callRaw('user', P.resident1, `{"action":${nested(10_000)}}`)
    expectError(res.body, 'INVALID_INPUT', 'action')
  })

  it('inputs nested as deep as the contract needs pass', async () => {
    const res = await emu().call('user', P.committee, 'setRoles', {
      openid: P.resident2,
      roles: ['resident', 'gridWorker'],
      gridIds: ['g1'],
    })
    expect(data(res).workerGridIds).toEqual(['g1'])
  })
})

describe('a body over the 6 MB limit', () => {
  it('gets the 413 answer as JSON, not a reset connection, and changes nothing', async () => {
    const before = await stored()
    const body = JSON.stringify({
      action: 'updateProfile',
      input: { nickname: '老李', padding: 'x'.repeat(7 * 1024 * 1024) },
    })
    const res = await emu().callRaw('user', P.resident2, body)
    expect(res.status).toBe(413)
    expectError(res.body, 'INVALID_INPUT')
    expect(await stored()).toEqual(before)
    expect(data(await emu().call('user', P.resident2, 'me')).nickname).not.toBe('老李')
  })
})

describe('unpaired UTF-16 surrogates', () => {
  const broken = ['半个\ud83d字', '\udc00开头', '结尾\ud800', '\udfff\ud800']
  const wish = { title: '想要一根拐杖', content: '腿脚不便', category: 'daily' as const }
  const bind = { gridId: 'g1', buildingId: 'g1-b1', room: '1-1', name: '新邻居' }

  // Every text field of every action, each given a broken text in turn.
  const cases: [fn: 'user' | 'wish', who: string, action: string, input: object, field: string][] =
    [
      ['user', P.newcomer, 'bindGrid', bind, 'room'],
      ['user', P.newcomer, 'bindGrid', bind, 'name'],
      ['user', P.newcomer, 'bindGrid', bind, 'phone'],
      ['user', P.newcomer, 'bindGrid', bind, 'phoneCode'],
      ['user', P.newcomer, 'bindGrid', bind, 'gridId'],
      ['user', P.newcomer, 'bindGrid', bind, 'buildingId'],
      ['user', P.resident1, 'updateProfile', {}, 'nickname'],
      ['user', P.gridWorker, 'verifyResident', { approve: false }, 'openid'],
      ['user', P.gridWorker, 'verifyResident', { openid: P.newcomer, approve: false }, 'reason'],
      ['user', P.committee, 'setRoles', { roles: ['volunteer'] }, 'openid'],
      [
        'user',
        P.committee,
        'setRoles',
        { openid: P.resident2, roles: ['gridWorker'] },
        'communityId',
      ],
      ['user', P.gridWorker, 'listResidents', {}, 'gridId'],
      ['user', P.gridWorker, 'listPendingResidents', {}, 'cursor'],
      ['wish', P.resident1, 'create', { ...wish }, 'title'],
      ['wish', P.resident1, 'create', { ...wish }, 'content'],
      ['wish', P.gridWorker, 'createFor', { ...wish }, 'residentOpenid'],
      ['wish', P.gridWorker, 'createFor', { ...wish, residentOpenid: P.resident1 }, 'title'],
      ['wish', P.resident1, 'get', {}, 'id'],
      ['wish', P.volunteer1, 'claim', {}, 'id'],
      ['wish', P.volunteer1, 'release', { id: 'w1' }, 'reason'],
      ['wish', P.volunteer1, 'fulfill', { id: 'w1' }, 'note'],
      ['wish', P.resident1, 'confirm', { id: 'w1', rating: 5 }, 'thanks'],
      ['wish', P.gridWorker, 'review', { id: 'w1', approve: false }, 'reason'],
      ['wish', P.resident1, 'list', { scope: 'mine' }, 'cursor'],
    ]

  it.each(cases)('%s as %s: %s %j refuses them at %s', async (fn, who, action, input, field) => {
    const before = await stored()
    for (const text of broken) {
      const res = await emu().call(fn, who, action, { ...input, [field]: text }, `r-${field}`)
      expect({
        text,
        code: res.ok ? 'ok' : res.error.code,
        field: !res.ok && res.error.field,
      }).toEqual({ text, code: 'INVALID_INPUT', field })
    }
    // Bad input changes nothing, with a requestId or without (docs/contract.md §2.4).
    expect(await stored()).toEqual(before)
  })

  it('whole pairs are characters like any other: an emoji is stored as sent and counts as one', async () => {
    const title = '🌸'.repeat(30)
    const w = data(await emu().call('wish', P.resident1, 'create', { ...wish, title }))
    expect(w.title).toBe(title)
    const over = await emu().call('wish', P.resident1, 'create', { ...wish, title: `${title}🌸` })
    expectError(over, 'INVALID_INPUT', 'title')
  })
})
