// End-to-end harness: the emulator serving the H5 build, and Debian's Chromium driven by
// playwright-core (never a downloaded browser). Screenshots go to test-artifacts/e2e/.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'

const root = path.resolve(__dirname, '../..')
export const ARTIFACTS = path.join(root, 'test-artifacts/e2e')

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface E2E {
  emu: TestEmulator
  context: BrowserContext
  /** A fresh tab opened as `openid` (the `?as=` link of docs/contract.md §5.5). */
  openAs(openid: string, route?: string): Promise<Page>
  shot(page: Page, name: string): Promise<void>
  close(): Promise<void>
}

export async function startE2E(): Promise<E2E> {
  const staticDir = path.join(root, 'dist/h5')
  if (!fs.existsSync(path.join(staticDir, 'index.html')))
    throw new Error('run `npm run build:h5` first')
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const emu = await startTestEmulator({ staticDir })
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    emu,
    context,
    async openAs(openid, route = '/pages/home/index') {
      const page = await context.newPage()
      page.on('pageerror', (e) => console.warn(`[page error] ${e.message}`))
      await page.goto(`${emu.url}/?as=${encodeURIComponent(openid)}#${route}`)
      return page
    },
    async shot(page, name) {
      await page.waitForTimeout(900) // H5 page transitions slide for ~800 ms
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
    },
    async close() {
      await context.close()
      await emu.stop()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * A tap as a finger makes it: the element brought to the middle of the screen, then a click at
 * its centre. (On a scrolled H5 page Taro's pull-to-refresh wrapper fools Playwright's own
 * hit-target check, and a click that scrolls as it goes is taken for the start of a pull.)
 */
export async function tap(locator: Locator) {
  const el = locator.first()
  await el.waitFor({ timeout: 15000 })
  await el.evaluate(
    (node) =>
      new Promise<void>((done) => {
        node.scrollIntoView({ block: 'center' })
        requestAnimationFrame(() => requestAnimationFrame(() => done()))
      })
  )
  const box = await el.boundingBox()
  if (!box) throw new Error('nothing to tap')
  await el.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

/** Waits until `text` shows within `locator`. */
export async function see(locator: Locator, text: string): Promise<void> {
  await locator.getByText(text).first().waitFor({ timeout: 15000 })
}

/**
 * Taps an item's step button (`<prefix>-action-<action>`, the first within `within`), fills its
 * dialog (`fill`) and confirms it; returns once the dialog is gone.
 */
export async function actStep(
  page: Page,
  prefix: string,
  action: string,
  fill?: (page: Page) => Promise<void>,
  within: Locator | Page = page
): Promise<void> {
  await within.getByTestId(`${prefix}-action-${action}`).first().click()
  await page.getByTestId('dialog').waitFor()
  if (fill) await fill(page)
  await page.getByTestId('dialog-ok').click()
  await page.getByTestId('dialog').waitFor({ state: 'detached' })
}
