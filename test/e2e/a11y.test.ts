// Accessibility and elder mode, every page of the H5 build in Chromium, as a resident in elder
// mode, a resident in normal mode and each staff persona: axe-core finds no critical or serious
// violation; in elder mode every visible text is at least 18 px and every target 44×44 px.
// Screenshots: test-artifacts/e2e/a11y/<persona>-<page>.png.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { dayOf } from '@/packages/errand/dates'
import { encodeGreyPng } from '../../emulator/openapi/png'
import { ARTIFACTS, startE2E, tap, type E2E } from './browser'

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const SHOTS = path.join(ARTIFACTS, 'a11y')

let e2e: E2E
let wishId = ''
let errandId = ''
let activityId = ''
let matterId = ''
let topicId = ''
let closedTopicId = ''
beforeAll(async () => {
  e2e = await startE2E()
  fs.mkdirSync(SHOTS, { recursive: true })
  // An open wish of the elder resident: its detail page has actions (and a dialog) to check.
  const created = await e2e.emu.call('wish', 'demo-resident-1', 'create', {
    title: '想请人帮忙换灯泡',
    content: '厨房的灯泡坏了，我够不着，想请志愿者帮忙换一下。',
    category: 'daily',
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  wishId = created.data.id
  const approved = await e2e.emu.call('wish', 'demo-committee-1', 'review', {
    id: wishId,
    approve: true,
  })
  if (!approved.ok) throw new Error(JSON.stringify(approved.error))
  // An errand of the elder resident, for tomorrow morning: its detail page has 取消代办.
  const booked = await e2e.emu.call('errand', 'demo-resident-1', 'book', {
    type: 'medicine',
    detail: '帮忙到社区卫生站按处方取降压药',
    date: dayOf(Date.now(), 1),
    slot: 'morning',
  })
  if (!booked.ok) throw new Error(JSON.stringify(booked.error))
  errandId = booked.data.id
  // A community activity tomorrow, published by the committee: list, detail, organizer view.
  const start = Date.now() + 24 * 3_600_000
  const published = await e2e.emu.call('volunteer', 'demo-committee-1', 'createActivity', {
    title: '重阳节义务理发',
    description: '为社区老人义务理发，请自带工具。',
    location: '党群服务中心一楼',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3_600_000).toISOString(),
    signupDeadline: new Date(start - 3_600_000).toISOString(),
    quota: 20,
    hours: 2,
    scope: { type: 'community', id: 'c1' },
  })
  if (!published.ok) throw new Error(JSON.stringify(published.error))
  activityId = published.data.id
  // A matter of the elder resident with a photo (uploaded as the H5 app does): its detail page
  // shows the photo, the board its cover, and the reporter may withdraw it.
  const form = new FormData()
  const pixels = new Uint8Array(400 * 300).fill(120)
  form.append(
    'file',
    new Blob([new Uint8Array(encodeGreyPng(400, 300, pixels))], { type: 'image/png' }),
    'lamp.png'
  )
  const uploaded = await fetch(`${e2e.emu.url}/api/_upload`, {
    method: 'POST',
    headers: { 'X-Openid': 'demo-resident-1' },
    body: form,
  }).then((r) => r.json())
  if (!uploaded.ok) throw new Error(JSON.stringify(uploaded.error))
  const reported = await e2e.emu.call('matter', 'demo-resident-1', 'report', {
    category: 'facility',
    content: '楼下的路灯坏了，晚上看不清台阶。',
    photos: [uploaded.data.fileID],
    place: '1号楼门口',
  })
  if (!reported.ok) throw new Error(JSON.stringify(reported.error))
  matterId = reported.data.id
  // Two community topics by household: one in voting with a comment (the topic page with its
  // vote, meter and discussion), one closed (the results page).
  const topic = async (title: string) => {
    const created = await e2e.emu.call('deliberation', 'demo-committee-1', 'create', {
      title,
      background: '小区北门外的空地可以改成停车位，也可以做成居民休闲区，请大家商量。',
      scope: { type: 'community', id: 'c1' },
      options: ['改成停车位', '做成休闲区'],
      discussionEndsAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
      votingEndsAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      unit: 'household',
      quorum: 30,
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const id: string = created.data.id
    const opened = await e2e.emu.call('deliberation', 'demo-committee-1', 'openVoting', { id })
    if (!opened.ok) throw new Error(JSON.stringify(opened.error))
    return id
  }
  topicId = await topic('北门空地怎么用')
  const said = await e2e.emu.call('deliberation', 'demo-resident-2', 'comment', {
    id: topicId,
    content: '停车太难了，我支持改成停车位。',
  })
  if (!said.ok) throw new Error(JSON.stringify(said.error))
  closedTopicId = await topic('南门空地怎么用')
  const closed = await e2e.emu.call('deliberation', 'demo-committee-1', 'close', {
    id: closedTopicId,
  })
  if (!closed.ok) throw new Error(JSON.stringify(closed.error))
}, 120000)
afterAll(() => e2e?.close())

const PAGES: Record<string, () => string> = {
  home: () => '/pages/home/index',
  grid: () => '/pages/grid/index',
  mine: () => '/pages/mine/index',
  bind: () => '/pages/bind/index',
  'wish-list': () => '/packages/wish/pages/list/index',
  'wish-mine': () => '/packages/wish/pages/list/index?scope=mine',
  'wish-detail': () => `/packages/wish/pages/detail/index?id=${wishId}`,
  'wish-create': () => '/packages/wish/pages/create/index',
  'wish-wall': () => '/packages/wish/pages/wall/index',
  'wish-review': () => '/packages/wish/pages/review/index',
  'errand-list': () => '/packages/errand/pages/list/index',
  'errand-pool': () => '/packages/errand/pages/list/index?scope=pool',
  'errand-managed': () => '/packages/errand/pages/list/index?scope=managed',
  'errand-detail': () => `/packages/errand/pages/detail/index?id=${errandId}`,
  'errand-book': () => '/packages/errand/pages/book/index',
  'matter-board': () => '/packages/matter/pages/list/index',
  'matter-mine': () => '/packages/matter/pages/list/index?scope=mine',
  'matter-queue': () => '/packages/matter/pages/list/index?scope=queue',
  'matter-detail': () => `/packages/matter/pages/detail/index?id=${matterId}`,
  'matter-report': () => '/packages/matter/pages/report/index',
  'user-verify': () => '/packages/user/pages/verify/index',
  'user-residents': () => '/packages/user/pages/residents/index',
  'volunteer-list': () => '/packages/volunteer/pages/list/index',
  'volunteer-detail': () => `/packages/volunteer/pages/detail/index?id=${activityId}`,
  'volunteer-apply': () => '/packages/volunteer/pages/apply/index',
  'volunteer-checkin': () => `/packages/volunteer/pages/checkin/index?id=${activityId}&code=123456`,
  'volunteer-manage': () => `/packages/volunteer/pages/manage/index?id=${activityId}`,
  'volunteer-record': () => '/packages/volunteer/pages/record/index',
  'volunteer-review': () => '/packages/volunteer/pages/review/index',
  'volunteer-publish': () => '/packages/volunteer/pages/publish/index',
  'volunteer-honor': () => '/packages/volunteer/pages/honor/index',
  'volunteer-proof': () => '/packages/volunteer/pages/proof/index',
  'volunteer-settings': () => '/packages/volunteer/pages/settings/index',
  'volunteer-report': () => '/packages/volunteer/pages/report/index',
  'deliberation-list': () => '/packages/deliberation/pages/list/index',
  'deliberation-closed': () => '/packages/deliberation/pages/list/index?scope=closed',
  'deliberation-detail': () => `/packages/deliberation/pages/detail/index?id=${topicId}`,
  'deliberation-result': () => `/packages/deliberation/pages/result/index?id=${closedTopicId}`,
  'deliberation-create': () => '/packages/deliberation/pages/create/index',
  'deliberation-meeting': () => `/packages/deliberation/pages/meeting/index?id=${topicId}`,
  // Staff see the code; a resident sees the server's refusal beside the picker.
  'user-grid-code': () => '/packages/user/pages/grid-code/index?gridId=g1',
  // 两委工作台: the dashboard (charts, the table) and the ledgers; residents see who they are for.
  'committee-dashboard': () => '/packages/committee/pages/dashboard/index',
  'committee-export': () => '/packages/committee/pages/export/index',
}

interface Finding {
  id: string
  impact: string
  help: string
  nodes: string[]
}

async function settle(page: Page) {
  await page.locator('.screen').first().waitFor({ timeout: 20000 })
  await page.waitForLoadState('networkidle')
  await page
    .locator('[data-testid="state-loading"]')
    .first()
    .waitFor({ state: 'detached', timeout: 20000 })
    .catch(() => undefined)
  await page.waitForTimeout(900) // H5 page transitions slide for ~800 ms
}

/** axe-core's critical and serious violations on what the page shows. */
async function axe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (window as any).axe
    const res = await axe.run(document, { resultTypes: ['violations'] })
    return (
      res.violations as {
        id: string
        impact: string
        help: string
        nodes: { target: string[]; failureSummary: string }[]
      }[]
    )
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }))
  })
}

/** One `main` landmark, one level-1 heading, every input named by more than a placeholder. */
async function structure(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const mains = document.querySelectorAll('main, [role=main]').length
    if (mains !== 1) out.push(`${mains} main landmarks`)
    const h1 = Array.from(document.querySelectorAll('h1, [role=heading][aria-level="1"]')).filter(
      (el) => el.getBoundingClientRect().height > 0
    ).length
    if (h1 !== 1) out.push(`${h1} level-1 headings`)
    for (const el of Array.from(document.querySelectorAll('input, textarea'))) {
      const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
      if (
        !named &&
        !(el as HTMLInputElement).labels?.length &&
        el.getAttribute('type') !== 'hidden'
      )
        out.push(
          `input without a label: ${el.getAttribute('data-testid') ?? el.outerHTML.slice(0, 60)}`
        )
    }
    return out
  })
}

interface Small {
  what: string
  text: string
  size: string
}

/** Visible text under 18 px and interactive targets under 44×44 px. */
async function elderSizes(page: Page): Promise<Small[]> {
  return page.evaluate(() => {
    const out: { what: string; text: string; size: string }[] = []
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
    }
    const describe = (el: Element) =>
      (el.getAttribute('data-testid') ?? el.className.toString() ?? el.tagName).slice(0, 60)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim()
      const el = n.parentElement
      if (!text || !el || !visible(el)) continue
      if (el.closest('[aria-hidden="true"], script, style, noscript')) continue
      const px = parseFloat(getComputedStyle(el).fontSize)
      if (px < 17.95) out.push({ what: `text ${describe(el)}`, text, size: `${px}px` })
    }
    const targets = document.querySelectorAll(
      'button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=link], [role=tab], [role=checkbox], [role=switch], [role=radio], [tabindex]:not([tabindex="-1"])'
    )
    for (const el of Array.from(targets)) {
      if (!visible(el)) continue
      // A control drawn inside a larger tap area (a label, a row) is reached through that area.
      const area = el.closest('[data-tap-area]') ?? el
      const r = area.getBoundingClientRect()
      if (r.width < 43.5 || r.height < 43.5)
        out.push({
          what: `target ${describe(el)}`,
          text: (el.textContent ?? '').trim().slice(0, 20),
          size: `${Math.round(r.width)}×${Math.round(r.height)}`,
        })
    }
    return out
  })
}

/** The smallest text and target seen, for the report. */
async function smallest(page: Page): Promise<{ text: number; target: number }> {
  return page.evaluate(() => {
    let text = Infinity
    let target = Infinity
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!n.textContent?.trim() || !el) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue
      text = Math.min(text, parseFloat(getComputedStyle(el).fontSize))
    }
    for (const el of Array.from(
      document.querySelectorAll('button, input, textarea, [role=button], [role=link], [role=tab]')
    )) {
      const r = (el.closest('[data-tap-area]') ?? el).getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      target = Math.min(target, r.width, r.height)
    }
    return { text, target }
  })
}

const report: string[] = []
afterAll(() => {
  if (report.length) fs.writeFileSync(path.join(SHOTS, 'report.txt'), report.join('\n') + '\n')
})

async function check(
  persona: string,
  elder: boolean,
  pages: readonly string[] = Object.keys(PAGES)
) {
  const failures: string[] = []
  for (const [name, route] of Object.entries(PAGES).filter(([n]) => pages.includes(n))) {
    const page = await e2e.openAs(persona, route())
    try {
      await settle(page)
      const found = await axe(page)
      for (const f of await structure(page)) failures.push(`${persona} ${name}: ${f}`)
      for (const v of found)
        failures.push(
          `${persona} ${name}: axe ${v.impact} ${v.id} (${v.help}) ${v.nodes.join(' | ')}`
        )
      if (elder) {
        for (const s of await elderSizes(page))
          failures.push(`${persona} ${name}: ${s.what} "${s.text}" ${s.size}`)
        const m = await smallest(page)
        report.push(`${persona} ${name}: smallest text ${m.text}px, smallest target ${m.target}px`)
      }
      report.push(`${persona} ${name}: axe critical+serious ${found.length}`)
      await page.screenshot({ path: path.join(SHOTS, `${persona}-${name}.png`), fullPage: true })
    } finally {
      await page.close()
    }
  }
  return failures
}

test('a resident in elder mode: no axe violations, text ≥ 18 px, targets ≥ 44×44 px', async () => {
  expect(await check('demo-resident-1', true)).toEqual([])
}, 600000)

test('a dialog and a toast in elder mode are as large as the page', async () => {
  const page = await e2e.openAs('demo-resident-1', PAGES['wish-detail']())
  try {
    await settle(page)
    await page.getByTestId('wish-action-cancel').click()
    await page.getByTestId('dialog').waitFor()
    await page.waitForTimeout(300)
    const failures = [...(await axe(page)), ...(await elderSizes(page))]
    await page.screenshot({ path: path.join(SHOTS, 'demo-resident-1-dialog.png') })
    expect(failures).toEqual([])
    await page.getByTestId('dialog-cancel').click()

    // 投票 with no option chosen is told so in a toast.
    const topic = await e2e.openAs('demo-resident-1', PAGES['deliberation-detail']())
    await settle(topic)
    await tap(topic.getByTestId('deliberation-vote-submit'))
    // The toast's wrapper has no box of its own (its children are fixed): wait for its words.
    await topic.getByText('请先选择一个选项').waitFor()
    expect(await elderSizes(topic)).toEqual([])
    await topic.waitForTimeout(300) // the toast fades in
    await topic.screenshot({ path: path.join(SHOTS, 'demo-resident-1-toast.png') })
    await topic.close()

    const home = await e2e.openAs('demo-resident-1', PAGES.home())
    await settle(home)
    // 一键求助 asks before it sends: the confirm is as large as the page (backed out of here).
    await home.getByTestId('home-help').click()
    await home.getByTestId('help-confirm').waitFor()
    await home.waitForTimeout(300)
    expect([...(await axe(home)), ...(await elderSizes(home))]).toEqual([])
    await home.screenshot({ path: path.join(SHOTS, 'demo-resident-1-help.png') })
    await home.getByTestId('dialog-cancel').click()
    await home.close()
  } finally {
    await page.close()
  }
}, 120000)

test('the committee in elder mode: its to-do list, dashboard and ledgers are as large as every page', async () => {
  const set = (elderMode: boolean) =>
    e2e.emu.call('user', 'demo-committee-1', 'updateProfile', { elderMode })
  const on = await set(true)
  if (!on.ok) throw new Error(JSON.stringify(on.error))
  try {
    expect(
      await check('demo-committee-1', true, ['home', 'committee-dashboard', 'committee-export'])
    ).toEqual([])
  } finally {
    await set(false)
  }
}, 300000)

test('a resident in normal mode: no axe violations', async () => {
  expect(await check('demo-resident-2', false)).toEqual([])
}, 600000)

test.each(['demo-gridworker-1', 'demo-committee-1', 'demo-admin'])(
  '%s: no axe violations',
  async (persona) => {
    expect(await check(persona, false)).toEqual([])
  },
  600000
)
