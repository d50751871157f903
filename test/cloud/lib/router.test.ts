import { data, useEmulator } from '../helpers'

const emu = useEmulator()

describe('the function router', () => {
  it('a client cannot run a timer trigger by dressing its call up as one', async () => {
    const raw = await emu().callRaw(
      'wish',
      'demo-resident-1',
      JSON.stringify({ Type: 'Timer', TriggerName: 'autoConfirm' })
    )
    expect(raw.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'action' } })
  })

  it('nor can a call without identity: only the timer endpoint fires a trigger', async () => {
    const raw = await emu().callRaw(
      'wish',
      null,
      JSON.stringify({ Type: 'Timer', TriggerName: 'autoConfirm' })
    )
    expect(raw.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('two deliveries of one claim at the same time claim once, and a third answers as the winner did', async () => {
    const created = await emu().call('wish', 'demo-resident-1', 'create', {
      title: '想要一根拐杖',
      content: '腿脚不便，出门需要一根结实的拐杖',
      category: 'daily',
    })
    const id = data(created).id
    expect(
      await emu().call('wish', 'demo-gridworker-1', 'review', { id, approve: true })
    ).toMatchObject({ ok: true, data: { status: 'open' } })
    const both = await Promise.all(
      [1, 2].map(() => emu().call('wish', 'demo-volunteer-1', 'claim', { id }, 'r-1'))
    )
    const won = both.filter((r) => r.ok)
    expect(won.length).toBeGreaterThanOrEqual(1)
    const third = await emu().call('wish', 'demo-volunteer-1', 'claim', { id }, 'r-1')
    expect(third).toEqual(won[0])
    const wish = await emu().call('wish', 'demo-resident-1', 'get', { id })
    expect(data(wish).timeline.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(
      1
    )
    expect(await emu().emulator.db.find('audit', { action: 'wish.claim' })).toHaveLength(1)
  })

  it('a refused request is replayed as refused, even once the action would now succeed', async () => {
    // demo-newcomer has not bound a grid: posting a wish is refused.
    const input = { title: '想要一根拐杖', content: '腿脚不便，出门需要拐杖', category: 'daily' }
    const first = await emu().call('wish', 'demo-newcomer', 'create', input, 'r-2')
    expect(first).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
    const bind = { gridId: 'g1', buildingId: 'g1-b1', room: '901', name: '新邻居' }
    expect(await emu().call('user', 'demo-newcomer', 'bindGrid', bind)).toMatchObject({ ok: true })
    expect(
      await emu().call('user', 'demo-gridworker-1', 'verifyResident', {
        openid: 'demo-newcomer',
        approve: true,
      })
    ).toMatchObject({ ok: true })
    expect(await emu().call('wish', 'demo-newcomer', 'create', input, 'r-3')).toMatchObject({
      ok: true,
    })
    const replay = await emu().call('wish', 'demo-newcomer', 'create', input, 'r-2')
    expect(replay).toEqual(first)
  })

  it('a requestId already seen from the same user replays its first result, even on another action', async () => {
    const first = await emu().call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '老李' },
      'r-3'
    )
    expect(first).toMatchObject({ ok: true })
    const other = await emu().call('user', 'demo-resident-2', 'deleteMe', {}, 'r-3')
    expect(other).toEqual(first)
    expect(await emu().call('user', 'demo-resident-2', 'me')).toMatchObject({
      ok: true,
      data: { nickname: '老李', realName: '李建国' },
    })
    // Another user's identical requestId is theirs alone.
    const theirs = await emu().call(
      'user',
      'demo-resident-1',
      'updateProfile',
      { nickname: '张阿姨' },
      'r-3'
    )
    expect(theirs).toMatchObject({ ok: true, data: { nickname: '张阿姨' } })
  })

  it('ids that look like operators or field paths are plain ids: not found, never INTERNAL', async () => {
    for (const id of ['$gt', '$$ROOT', 'a.b', '{"$ne":1}']) {
      const got = await emu().call('wish', 'demo-resident-1', 'get', { id }, undefined)
      expect({ id, code: got.ok ? 'ok' : got.error.code }).toEqual({ id, code: 'NOT_FOUND' })
      const claimed = await emu().call(
        'wish',
        'demo-volunteer-1',
        'claim',
        { id },
        `r-${id.length}`
      )
      expect({ id, code: claimed.ok ? 'ok' : claimed.error.code }).toEqual({
        id,
        code: 'NOT_FOUND',
      })
    }
    const filed = await emu().call('wish', 'demo-gridworker-1', 'createFor', {
      residentOpenid: '$where',
      title: '想要一根拐杖',
      content: '腿脚不便，出门需要拐杖',
      category: 'daily',
    })
    expect(filed).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'residentOpenid' },
    })
    const bound = await emu().call('user', 'demo-newcomer', 'bindGrid', {
      gridId: '$ne',
      buildingId: 'g1-b1',
      room: '101',
      name: '新邻居',
    })
    expect(bound).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'gridId' } })
  })

  it('rejects a malformed requestId', async () => {
    const res = await emu().call(
      'user',
      'demo-resident-2',
      'updateProfile',
      { nickname: '老李' },
      'x'.repeat(65)
    )
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'requestId' } })
  })
})
