// 红色代办 in Chromium on the H5 build: a resident books, nobody in the grid takes it for 4 hours
// and the timer escalates it to the community, an agent of another grid accepts and completes
// it, the resident signs off with a rating. Then an elder taps 一键求助 and the grid worker hears.
import type { Locator, Page } from 'playwright-core'
import { dayOf } from '@/packages/errand/dates'
import { actStep, see, startE2E, type E2E } from './browser'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

const HOUR = 3_600_000
const detail = (id: string) => `/packages/errand/pages/detail/index?id=${id}`

const act = (
  page: Page,
  action: string,
  fill?: (page: Page) => Promise<void>,
  within: Locator | Page = page
) => actStep(page, 'errand', action, fill, within)

const poolIds = async (openid: string): Promise<string[]> => {
  const res = await e2e.emu.call('errand', openid, 'list', { scope: 'pool' })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data.items.map((e: { id: string }) => e.id)
}

test('a resident books, it escalates to the community, an agent of another grid does it, the resident signs off', async () => {
  // A g2 resident becomes a red agent (the committee may grant it in its community).
  const granted = await e2e.emu.call('user', 'demo-committee-1', 'setRoles', {
    openid: 'demo-resident-3',
    roles: ['resident', 'redAgent'],
  })
  expect(granted.ok).toBe(true)

  const day = dayOf(Date.now(), 2)
  const book = await e2e.openAs('demo-resident-2', '/packages/errand/pages/book/index')
  await book.getByTestId('errand-type-parcel').click()
  await book.getByTestId(`errand-date-${day}`).click()
  await book.getByTestId('errand-slot-evening').click()
  await book.getByTestId('errand-detail').fill('驿站有一个快递，取件码 8-3-1024，麻烦送到 2 号楼。')
  await e2e.shot(book, 'errand-01-book')
  await book.getByTestId('errand-submit').click()
  await see(book.getByTestId('errand-book-confirm'), '代取快递')
  await book.getByTestId('dialog-ok').click()
  await see(book.getByTestId('errand-status'), '待接单')
  await see(book.getByTestId('errand-level'), '网格')
  await book.getByTestId('errand-next-steps').waitFor()
  const id = /[?&]id=([^&]+)/.exec(new URL(book.url()).hash)?.[1] ?? ''
  expect(id).toBeTruthy()
  await e2e.shot(book, 'errand-02-booked')

  // Another grid's agent does not see it while it stays in its grid.
  expect(await poolIds('demo-resident-3')).not.toContain(id)
  await e2e.emu.advanceClock(4 * HOUR + 15 * 60_000)
  await e2e.emu.fireTimer('errand')
  expect(await poolIds('demo-resident-3')).toContain(id)

  const agent = await e2e.openAs('demo-resident-3', '/packages/errand/pages/list/index?scope=pool')
  const card = agent.getByTestId(`errand-card-${id}`)
  await card.waitFor({ timeout: 15000 })
  await see(card.getByTestId('errand-tag-level'), '社区')
  await e2e.shot(agent, 'errand-03-pool')
  // The pool holds the demo neighbours' errands too: accept this one, on its card.
  await act(agent, 'accept', undefined, card)
  // Accepting opens the errand: now the agent sees the booker in full, to call them.
  await see(agent.getByTestId('errand-status'), '办理中')
  await see(agent.getByTestId('errand-booker-name'), '李建国')
  await see(agent.getByTestId('errand-booker-phone'), '13800000002')
  await agent.getByTestId('errand-booker-phone-call').waitFor()
  await e2e.shot(agent, 'errand-04-accepted')
  await act(agent, 'complete', (p) => p.getByTestId('errand-note').fill('快递已送到家门口'))
  await see(agent.getByTestId('errand-status'), '待销单')

  const booker = await e2e.openAs('demo-resident-2', detail(id))
  await see(booker.getByTestId('errand-status'), '待销单')
  await see(booker.getByTestId('errand-complete-note'), '快递已送到家门口')
  await act(booker, 'confirm', async (p) => {
    await p.getByTestId('errand-rating-5').click()
    await p.getByTestId('errand-comment').fill('送得很快，谢谢王阿姨！')
  })
  await see(booker.getByTestId('errand-status'), '已办结')
  await see(booker.getByTestId('errand-rating'), '5 分')
  await see(booker.getByTestId('errand-timeline'), '社区')
  await e2e.shot(booker, 'errand-05-closed')

  // The booker heard about the acceptance and the completion.
  expect((await e2e.emu.outbox('demo-resident-2')).length).toBeGreaterThanOrEqual(2)
}, 120000)

test('an elder taps 一键求助, confirms, and the grid worker is told at once', async () => {
  const home = await e2e.openAs('demo-resident-1', '/pages/home/index')
  const help = home.getByTestId('home-help')
  await help.waitFor({ timeout: 20000 })
  // Elder mode: the biggest button on the page.
  const box = await help.boundingBox()
  expect(box!.height).toBeGreaterThanOrEqual(120)
  await help.click()
  await home.getByTestId('help-confirm').waitFor()
  await e2e.shot(home, 'errand-06-help-confirm')
  await home.getByTestId('dialog-ok').click()
  await see(home.getByTestId('help-sent'), '求助已发出')
  await see(home.getByTestId('help-call-0'), '拨打网格员')
  await e2e.shot(home, 'errand-07-help-sent')

  const toWorker = await e2e.emu.outbox('demo-gridworker-1')
  const alert = toWorker.find((m) => m.data.phrase2?.value === '一键求助')
  expect(alert).toBeDefined()
  expect(alert!.page).toContain('packages/errand/pages/detail/index?id=')

  // A second tap within ten minutes is told so, clearly.
  await home.getByTestId('help-close').click()
  await help.click()
  await home.getByTestId('dialog-ok').click()
  await see(home.getByTestId('help-limit'), '刚刚已经求助过了')
}, 120000)
