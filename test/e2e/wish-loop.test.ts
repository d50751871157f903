// The whole 微心愿 loop in Chromium on the H5 build: a resident posts, the committee approves,
// a volunteer claims and fulfils, the resident confirms with thanks, the wall shows it.
import type { Locator, Page } from 'playwright-core'
import { startE2E, type E2E } from './browser'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

const detail = (id: string) => `/packages/wish/pages/detail/index?id=${id}`

async function see(locator: Locator, text: string) {
  await locator.getByText(text).first().waitFor({ timeout: 15000 })
}

async function act(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
  await page.getByTestId(`wish-action-${action}`).click()
  await page.getByTestId('dialog').waitFor()
  if (fill) await fill(page)
  await page.getByTestId('dialog-ok').click()
  await page.getByTestId('dialog').waitFor({ state: 'detached' })
}

test('a resident posts, the committee approves, a volunteer claims and fulfils, the resident thanks', async () => {
  const create = await e2e.openAs('demo-resident-2', '/packages/wish/pages/create/index')
  await create.getByTestId('wish-title').fill('想学用手机挂号')
  await create
    .getByTestId('wish-content')
    .fill('孩子不在身边，想请志愿者教我在手机上预约医院的号。')
  await create.getByTestId('wish-category-study').click()
  await e2e.shot(create, 'wish-01-create')
  await create.getByTestId('wish-submit').click()
  await see(create.getByTestId('wish-status'), '待审核')
  const id = /[?&]id=([^&]+)/.exec(new URL(create.url()).hash)?.[1] ?? ''
  expect(id).toBeTruthy()
  await e2e.shot(create, 'wish-02-pending')

  const review = await e2e.openAs('demo-committee-1', '/packages/wish/pages/review/index')
  const card = review.getByTestId(`wish-card-${id}`)
  await card.waitFor()
  await e2e.shot(review, 'wish-03-review-queue')
  await card.getByTestId('wish-action-review-approve').click()
  await review.getByTestId('dialog-ok').click()
  await card.waitFor({ state: 'detached' })

  const volunteer = await e2e.openAs('demo-volunteer-1', detail(id))
  await see(volunteer.getByTestId('wish-status'), '待认领')
  await expect(volunteer.getByTestId('wish-author-phone').count()).resolves.toBe(0)
  await act(volunteer, 'claim')
  await see(volunteer.getByTestId('wish-status'), '已认领')
  // From the claim on, the claimer sees the author's full name and phone.
  await see(volunteer.getByTestId('wish-author-name'), '李建国')
  await see(volunteer.getByTestId('wish-author-phone'), '13800000002')
  await e2e.shot(volunteer, 'wish-04-claimed')
  await act(volunteer, 'fulfill', (p) => p.getByTestId('wish-note').fill('周六上午已经上门教会了'))
  await see(volunteer.getByTestId('wish-status'), '待确认')

  const author = await e2e.openAs('demo-resident-2', detail(id))
  await see(author.getByTestId('wish-status'), '待确认')
  await act(author, 'confirm', async (p) => {
    await p.getByTestId('wish-rating-5').click()
    await p.getByTestId('wish-thanks').fill('谢谢小赵，以后挂号不用愁了！')
  })
  await see(author.getByTestId('wish-status'), '已点亮')
  await see(author.getByTestId('wish-thanks-text'), '谢谢小赵')
  await see(author.getByTestId('wish-timeline'), '认领')
  await e2e.shot(author, 'wish-05-done')

  const wall = await e2e.openAs('demo-resident-1', '/packages/wish/pages/wall/index')
  await see(wall.getByTestId(`wish-card-${id}`), '谢谢小赵')
  await e2e.shot(wall, 'wish-06-wall')

  // The author heard about the claim and the fulfilment, the volunteer about the thanks.
  const toAuthor = await e2e.emu.outbox('demo-resident-2')
  expect(toAuthor.length).toBeGreaterThanOrEqual(3)
  expect(await e2e.emu.outbox('demo-volunteer-1')).toHaveLength(1)
})
