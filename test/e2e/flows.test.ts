// The flows of issue 7 as people meet them in Chromium on the H5 build: staff land on their
// work, a posted wish offers the next step, sub-pages have a title bar with 返回, a scanned grid
// QR code prefills binding, and binding waits for consent to the privacy policy.
import type { Locator } from 'playwright-core'
import { startE2E, type E2E } from './browser'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

async function see(locator: Locator, text: string) {
  await locator.getByText(text).first().waitFor({ timeout: 15000 })
}

test('a grid worker who lives elsewhere opens home on their queues, binding only a small link', async () => {
  const home = await e2e.openAs('demo-gridworker-1')
  await home.getByTestId('entry-verify').waitFor({ timeout: 15000 })
  expect(await home.getByText('您还没有绑定网格').count()).toBe(0)
  await home.getByTestId('home-bind-link').waitFor()
  await e2e.shot(home, 'flows-01-staff-home')
  await home.close()
})

test('after posting, the wish offers the next step; the wall has a title bar with 返回', async () => {
  const create = await e2e.openAs('demo-resident-2', '/packages/wish/pages/create/index')
  await create.getByTestId('wish-title').fill('想请人帮忙修自行车')
  await create
    .getByTestId('wish-content')
    .fill('车链子掉了，自己装不上，想请会修车的邻居帮忙看看。')
  await create.getByTestId('wish-category-daily').click()
  await create.getByTestId('wish-submit').click()
  const next = create.getByTestId('wish-next-steps')
  await see(next, '心愿已提交')
  await see(next, '查看我的心愿')
  await see(next, '返回首页')
  await e2e.shot(create, 'flows-02-posted-next-steps')

  await next.getByTestId('next-wall').click()
  await create.getByTestId('page-wish-wall').waitFor()
  await see(create.getByTestId('page-title'), '心愿墙')
  await e2e.shot(create, 'flows-03-wall-title-bar')
  await create.getByTestId('title-back').last().click()
  await create.getByTestId('page-wish-wall').waitFor({ state: 'detached' })
  await see(create.getByTestId('wish-next-steps'), '心愿已提交')
  await create.close()
})

test('a scanned grid QR code opens binding with community and grid chosen; consent comes first', async () => {
  const scene = encodeURIComponent('g=g2')
  const bind = await e2e.openAs('demo-newcomer', `/pages/bind/index?scene=${scene}`)
  const grid = bind.getByTestId('opt-g2')
  await grid.waitFor({ timeout: 15000 })
  await bind.waitForFunction(
    () => document.querySelector('[data-testid="opt-g2"]')?.getAttribute('aria-checked') === 'true'
  )
  expect(await bind.getByTestId('opt-c1').getAttribute('aria-checked')).toBe('true')
  await bind.getByTestId('opt-g2-b4').click()
  await bind.getByTestId('bind-room').fill('4-101')
  await bind.getByTestId('bind-name').fill('吴新民')
  await bind.getByTestId('bind-phone').fill('13911113333')
  await bind.getByTestId('bind-submit').click()
  await see(bind.getByTestId('consent-error'), '请先阅读并同意隐私保护指引')
  await e2e.shot(bind, 'flows-04-bind-consent-refused')

  await bind.getByTestId('bind-privacy-link').click()
  await bind.getByTestId('privacy-policy').waitFor()
  await see(bind.getByTestId('privacy-policy'), '谁能看到')
  await e2e.shot(bind, 'flows-05-privacy-policy')
  await bind.getByTestId('title-back').last().click()
  await bind.getByTestId('privacy-policy').waitFor({ state: 'detached' })

  await bind.getByTestId('bind-consent').click()
  await bind.getByTestId('bind-submit').click()
  await bind.getByText('已提交，等待网格员认证').waitFor({ timeout: 15000 })
  await e2e.shot(bind, 'flows-06-bind-submitted')
  await bind.close()
})
