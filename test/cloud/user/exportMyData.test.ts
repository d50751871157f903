import { useEmulator } from '../helpers'

const emu = useEmulator()

describe('user.exportMyData', () => {
  it('exports everything stored about the caller, and nobody else', async () => {
    await emu().call('user', 'demo-resident-2', 'updateProfile', { nickname: '老李' })
    const res = await emu().call('user', 'demo-resident-2', 'exportMyData')
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data.profile).toMatchObject({
      openid: 'demo-resident-2',
      realName: '李建国',
      phone: '13800000002',
      room: '202',
    })
    expect(res.data.activity.map((a: { action: string }) => a.action)).toContain(
      'user.updateProfile'
    )
    expect(JSON.stringify(res.data)).not.toContain('张桂兰')
  })
})
