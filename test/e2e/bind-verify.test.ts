// A newcomer binds to g1, the grid worker verifies, the resident sees 已认证 on 我的 —
// in Chromium on the H5 build, against the emulator running the real cloud functions.
import { startE2E, type E2E } from './browser'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

test('newcomer binds to 第一网格, the grid worker verifies, 我的 shows 已认证', async () => {
  const bind = await e2e.openAs('demo-newcomer', '/pages/bind/index')
  await bind.getByTestId('opt-c1').click()
  await bind.getByTestId('opt-g1').click()
  await bind.getByTestId('opt-g1-b2').click()
  await bind.getByTestId('bind-room').fill('3-201')
  await bind.getByTestId('bind-name').fill('吴新民')
  await bind.getByTestId('bind-phone').fill('13911112222')
  await bind.getByTestId('bind-consent').click()
  await e2e.shot(bind, '01-bind-form')
  await bind.getByTestId('bind-submit').click()
  await bind.getByText('已提交，等待网格员认证').waitFor()
  await e2e.shot(bind, '02-bind-submitted')

  const mineBefore = await e2e.openAs('demo-newcomer', '/pages/mine/index')
  await expectText(mineBefore.getByTestId('bind-status'), '待认证')
  await mineBefore.close()

  const queue = await e2e.openAs('demo-gridworker-1', '/packages/user/pages/verify/index')
  const card = queue.getByTestId('pending-demo-newcomer')
  await card.waitFor()
  await expectText(card, '吴新民')
  await expectText(card, '13911112222')
  await e2e.shot(queue, '03-verify-queue')
  await queue.getByTestId('approve-demo-newcomer').click()
  await queue.getByTestId('dialog-ok').click()
  await card.waitFor({ state: 'detached' })
  await e2e.shot(queue, '04-verified')

  const mine = await e2e.openAs('demo-newcomer', '/pages/mine/index')
  await expectText(mine.getByTestId('bind-status'), '已认证')
  await e2e.shot(mine, '05-mine-verified')
})

async function expectText(locator: import('playwright-core').Locator, text: string) {
  await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 15000 })
}
