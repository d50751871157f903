import type { MyDataExport } from '@/contract/user'
import type { Wish } from '@/contract/wish'
import { data, PERSONAS as P, useEmulator } from '../helpers'
import { WishFlow } from '../wish/helpers'

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const exportOf = async (who: string) =>
  data(await emu().call('user', who, 'exportMyData', {})) as MyDataExport

/** `YYYY-MM-DD HH:mm` in Beijing time, as a reader of the summary expects it. */
const beijing = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

const section = (e: MyDataExport, title: string) =>
  e.summary.find((s) => s.title.startsWith(title))?.lines ?? []

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

  it("after a wish is lit, neither party's export holds the other's name, phone or room", async () => {
    const w = await flow().done(P.resident1, P.volunteer1)
    const author = await exportOf(P.resident1)
    const claimer = await exportOf(P.volunteer1)
    // Each holds their own data in full…
    expect(author.records['wishes.authorOpenid'][0]).toMatchObject({
      id: w.id,
      author: { name: '张桂兰', phone: '13800000001', room: '101' },
      claimer: { nickname: '志强', name: '赵*', phone: null },
    })
    expect(claimer.records['wishes.claimerOpenid'][0]).toMatchObject({
      id: w.id,
      author: { name: '张*', phone: null, room: null },
      claimer: { name: '赵志强', phone: '13800000005' },
    })
    // …and nothing of the other party beyond what their views show.
    expect(JSON.stringify(author)).not.toMatch(/赵志强|13800000005/)
    expect(JSON.stringify(claimer)).not.toMatch(/张桂兰|13800000001|"101"/)
  })

  it('while a wish is in hand, the export shows the other party as the app does', async () => {
    const w = await flow().claimed(P.resident1, P.volunteer1)
    const seen = data(await emu().call('wish', P.volunteer1, 'get', { id: w.id })) as Wish
    const { can: _can, ...author } = seen.author
    const held = (await exportOf(P.volunteer1)).records['wishes.claimerOpenid'][0]
    expect(held.author).toEqual(author)
  })

  it('comes with a readable summary: Chinese labels, Beijing times, statuses by label', async () => {
    const w = await flow().done(P.resident1, P.volunteer1, '谢谢志强')
    const e = await exportOf(P.resident1)
    expect(e.summary.map((s) => s.title)).toEqual([
      '导出说明',
      '个人资料',
      '我发布的心愿（1 条）',
      '我认领的心愿（0 条）',
      '我预约的红色代办（0 条）',
      '我接的红色代办（0 条）',
      '我的志愿服务时长（0 条）',
      '我的志愿服务累计时长（0 条）',
      '我的年度志愿服务时长（0 条）',
      '我反映的居民说事（0 条）',
      '我的议事评论（0 条）',
      '我参与的议事投票（0 条）',
      expect.stringMatching(/^操作记录（\d+ 条）$/),
    ])
    expect(section(e, '导出说明')[0]).toBe(`导出时间：${beijing(e.exportedAt)}（北京时间）`)
    expect(section(e, '个人资料')).toEqual(
      expect.arrayContaining(['真实姓名：张桂兰', '手机号：13800000001', '认证状态：已认证'])
    )
    const [line] = section(e, '我发布的心愿')
    expect(line).toContain(`「${w.title}」`)
    expect(line).toContain('状态：已点亮')
    expect(line).toContain(`发布时间：${beijing(w.createdAt)}`)
    expect(line).toContain('认领人：志强（赵*）')
    expect(line).toContain('感谢语：谢谢志强')
    expect(section(e, '操作记录')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d 确认心愿$/)])
    )
    expect(JSON.stringify(e.summary)).not.toMatch(/T\d\d:\d\d:\d\d|wish\.|authorOpenid/)
  })
})
