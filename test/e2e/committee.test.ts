// 两委工作台 in Chromium on the H5 build: the committee's 首页 lists what waits for it (the same
// sections and counts `committee.moderationQueue` answers), the dashboard shows this month's
// figures with charts drawn on canvases and a per-grid table that sorts, and a ledger is exported
// and downloaded as an .xlsx file.
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { QUEUE_LABELS, type QueueKind } from '@/contract/committee.rules'
import { see, startE2E, tap, type E2E } from './browser'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

/** This month in Asia/Shanghai as the dashboard's box says it: 2026年11月. */
function thisMonthText(): string {
  const d = new Date(Date.now() + 8 * 3_600_000)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`
}

/** Waits until the canvas `#id` has a painted pixel (the chart drew something). */
const painted = (page: Page, id: string) =>
  page.waitForFunction(
    (canvasId) => {
      const c = document.getElementById(canvasId) as HTMLCanvasElement | null
      if (!c || !c.width || !c.height) return false
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true
      return false
    },
    id,
    { timeout: 15000 }
  )

/** Waits until the element `testId` has `attr` containing `text`. */
const attrHas = (page: Page, testId: string, attr: string, text: string) =>
  page.locator(`[data-testid="${testId}"][${attr}*="${text}"]`).first().waitFor({ timeout: 15000 })

/** The numbers of one column of the grid table, top to bottom. */
async function column(page: Page, key: string): Promise<number[]> {
  const heads = await page
    .getByTestId('grid-table')
    .locator('[role=columnheader]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
  const at = heads.indexOf(`grid-table-head-${key}`)
  const rows = await page
    .getByTestId('grid-table-row')
    .evaluateAll((els, i) => els.map((r) => r.children[i]?.textContent ?? ''), at)
  return rows.map(Number)
}

test('the committee sees its to-do list, charts this month on the dashboard, sorts the grids, and downloads a ledger', async () => {
  const queue = await e2e.emu.call('committee', 'demo-committee-1', 'moderationQueue', {})
  if (!queue.ok) throw new Error(JSON.stringify(queue.error))
  const waiting = (queue.data.sections as { kind: QueueKind; count: number }[]).filter(
    (s) => s.count > 0
  )

  const home = await e2e.openAs('demo-committee-1')
  const todo = home.getByTestId('home-todo')
  await todo.waitFor({ timeout: 20000 })
  if (!waiting.length) await see(todo, '全部处理完了')
  for (const s of waiting) {
    const section = todo.getByTestId(`todo-${s.kind}`)
    await see(section, QUEUE_LABELS[s.kind])
    await see(section.getByTestId(`todo-${s.kind}-count`), s.count > 99 ? '99+' : String(s.count))
  }
  await e2e.shot(home, 'committee-home')

  await tap(home.getByTestId('workbench-dashboard'))
  await home.getByTestId('dashboard-summary').waitFor({ timeout: 20000 })
  await see(home.getByTestId('dashboard-computed'), '数据更新于')
  await tap(home.getByTestId('dashboard-preset-1'))
  await see(home.getByTestId('dashboard-from'), thisMonthText())
  await see(home.getByTestId('dashboard-to'), thisMonthText())
  await home.getByTestId('dashboard-preset-1').and(home.locator('[aria-checked=true]')).waitFor()
  await home.locator('.dashboard--updating').waitFor({ state: 'detached' })

  await painted(home, 'dashboard-bars')
  expect(await home.getByTestId('dashboard-bars-chart').getAttribute('aria-label')).toContain(
    `微心愿按月统计（${thisMonthText()}至${thisMonthText()}）`
  )
  await tap(home.getByTestId('dashboard-domain-matter'))
  await attrHas(home, 'dashboard-bars-chart', 'aria-label', '居民说事按月统计')
  await painted(home, 'dashboard-bars')

  // The table: a tap sorts by a column, most first; a second tap, least first.
  const sortBy = home.getByTestId('grid-table-sort-now.mattersOpen')
  await tap(sortBy)
  await attrHas(home, 'grid-table-head-now.mattersOpen', 'aria-sort', 'descending')
  const down = await column(home, 'now.mattersOpen')
  expect(down.length).toBeGreaterThan(1)
  expect(down).toEqual([...down].sort((a, b) => b - a))
  await tap(sortBy)
  await attrHas(home, 'grid-table-head-now.mattersOpen', 'aria-sort', 'ascending')
  expect(await column(home, 'now.mattersOpen')).toEqual([...down].sort((a, b) => a - b))
  await e2e.shot(home, 'committee-dashboard')

  // 导出台账 from 首页 → 工作台: this year's wishes, confirmed, then downloaded.
  const page = await e2e.openAs('demo-committee-1')
  await tap(page.getByTestId('workbench-export'))
  await tap(page.getByTestId('export-kind-wishes'))
  await tap(page.getByTestId('export-preset-year'))
  await tap(page.getByTestId('export-submit'))
  await page.getByTestId('export-confirm').waitFor()
  await page.getByTestId('dialog-ok').click()
  const result = page.getByTestId('export-result')
  await result.waitFor({ timeout: 30000 })
  const fileName = (await page.getByTestId('export-file').textContent())!.trim()
  expect(fileName).toMatch(/^微心愿台账_\d{4}-01-01_\d{4}-\d{2}-\d{2}\.xlsx$/)
  await see(page.getByTestId('export-rows'), '共 ')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tap(page.getByTestId('export-download')),
  ])
  expect(download.suggestedFilename()).toBe(fileName)
  const saved = await download.path()
  const bytes = fs.readFileSync(saved!)
  // An .xlsx file is a zip archive holding the workbook.
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  expect(bytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true)
  await e2e.shot(page, 'committee-export')
})
