import { EJSON } from 'bson'
import {
  expectAllQueriesIndexed,
  startTestEmulator,
  type TestEmulator,
} from '../../helpers/emulator'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())
afterEach(() => expectAllQueriesIndexed(emu))
beforeEach(() => emu.reset())

/** A fixture written straight to the store: a request record as a crashed run would leave it. */
async function leaveRunningClaim(openid: string, key: string, requestId: string, at: Date) {
  const doc = { _id: `${openid}|${requestId}`, openid, key, state: 'running', at }
  const reply = await emu.emulator.db.handle({
    action: 'database.insertDocument',
    collectionName: 'requests',
    data: [EJSON.stringify(doc, { relaxed: false })],
  })
  expect(reply).not.toHaveProperty('code')
}

describe('the function router', () => {
  it('a client cannot run a timer trigger by dressing its call up as one', async () => {
    const raw = await emu.callRaw(
      'wish',
      'demo-resident-1',
      JSON.stringify({ Type: 'Timer', TriggerName: 'autoConfirm' })
    )
    expect(raw.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'action' } })
  })

  it('a request still running elsewhere answers CONFLICT and runs nothing', async () => {
    await leaveRunningClaim('demo-resident-2', 'user.updateProfile', 'r-1', new Date())
    const res = await emu.call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '老李' },
      'r-1'
    )
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await emu.call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { nickname: '建国' },
    })
  })

  it('a request whose run died long ago is taken over and runs once', async () => {
    await leaveRunningClaim(
      'demo-resident-2',
      'user.updateProfile',
      'r-2',
      new Date(Date.now() - 10 * 60_000)
    )
    const res = await emu.call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '老李' },
      'r-2'
    )
    expect(res).toMatchObject({ ok: true, data: { nickname: '老李' } })
    const again = await emu.call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '别的' },
      'r-2'
    )
    expect(again).toEqual(res)
  })

  it('a requestId already seen from the same user replays its first result, even on another action', async () => {
    const first = await emu.call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '老李' },
      'r-3'
    )
    expect(first).toMatchObject({ ok: true })
    const other = await emu.call('user', 'demo-resident-2', 'deleteMe', {}, 'r-3')
    expect(other).toEqual(first)
    expect(await emu.call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { nickname: '老李', realName: '李建国' },
    })
    // Another user's identical requestId is theirs alone.
    const theirs = await emu.call(
      'user',
      'demo-resident-1',
      'updateProfile',
      { nickname: '张阿姨' },
      'r-3'
    )
    expect(theirs).toMatchObject({ ok: true, data: { nickname: '张阿姨' } })
  })

  it('rejects a malformed requestId', async () => {
    const res = await emu.call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '老李' },
      'x'.repeat(65)
    )
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'requestId' } })
  })
})

describe('user timer purgeRequests', () => {
  it('forgets requestIds after a week, so a retry then runs anew', async () => {
    const first = await emu.call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '老李' },
      'r-9'
    )
    expect(first.ok).toBe(true)
    expect(await emu.fireTimer('user')).toEqual([
      { name: 'purgeRequests', result: { ok: true, data: { removed: 0 } } },
    ])
    await emu.setClock(8 * 24 * 3600 * 1000)
    expect(await emu.fireTimer('user')).toEqual([
      { name: 'purgeRequests', result: { ok: true, data: { removed: 1 } } },
    ])
    const later = await emu.call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '李师傅' },
      'r-9'
    )
    expect(later).toMatchObject({ ok: true, data: { nickname: '李师傅' } })
    await emu.setClock(0)
  })
})
