// 志愿服务 in Chromium on the H5 build: a resident applies, the committee approves and publishes
// an activity starting within the next two hours, the volunteer signs up, the clock moves to the
// start, the volunteer checks in with the code the organizer's screen shows, the organizer
// confirms attendance, and the volunteer sees the hours and the way to the next star.
import type { Page } from 'playwright-core'
import { see, startE2E, type E2E } from './browser'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

const HOUR = 3_600_000
const ROOT = '/packages/volunteer/pages'

async function confirm(page: Page) {
  await page.getByTestId('dialog').waitFor()
  await page.getByTestId('dialog-ok').click()
  await page.getByTestId('dialog').waitFor({ state: 'detached' })
}

test('a resident applies, is approved, signs up, checks in with the code, and sees the hours', async () => {
  // 申请: skills as chips, a working party member names their unit.
  const apply = await e2e.openAs('demo-resident-2', `${ROOT}/apply/index`)
  await apply.getByTestId('apply-skill-input').fill('手机教学')
  await apply.getByTestId('apply-skill-add').click()
  await apply.getByTestId('apply-suggest-陪伴老人').click()
  await apply.getByTestId('apply-party').click()
  await apply.getByTestId('apply-submit').click()
  await see(apply.getByTestId('workUnit-error'), '在职党员请填写工作单位')
  await apply.getByTestId('apply-work-unit').fill('区税务局')
  await e2e.shot(apply, 'volunteer-01-apply')
  await apply.getByTestId('apply-submit').click()
  await see(apply.getByTestId('apply-confirm'), '区税务局')
  await confirm(apply)
  await see(apply.getByTestId('apply-status'), '审核中')

  // 审核: the committee approves from its queue.
  const review = await e2e.openAs('demo-committee-1', `${ROOT}/review/index`)
  const row = review.getByTestId('application-demo-resident-2')
  await see(row, '手机教学')
  await e2e.shot(review, 'volunteer-02-review')
  await review.getByTestId('application-approve-demo-resident-2').click()
  await confirm(review)
  await see(review.getByTestId('state-empty'), '没有待审核的申请')

  // 发布: the form starts on the next half hour at least an hour away, two hours long.
  const publish = await e2e.openAs('demo-committee-1', `${ROOT}/publish/index`)
  await publish.getByTestId('publish-title').fill('楼道清洁志愿活动')
  await publish.getByTestId('publish-description').fill('清理楼道杂物，请穿方便活动的衣服。')
  await publish.getByTestId('publish-location').fill('幸福里 2 号楼')
  await publish.getByTestId('publish-scope-community:c1').click()
  await publish.getByTestId('publish-hours-plus').click()
  await see(publish.getByTestId('publish-hours'), '2.5 小时')
  await e2e.shot(publish, 'volunteer-03-publish')
  await publish.getByTestId('publish-submit').click()
  await confirm(publish)
  await publish.getByTestId('volunteer-published').waitFor({ timeout: 15000 })
  const id = /[?&]id=([^&]+)/.exec(new URL(publish.url()).hash)?.[1] ?? ''
  expect(id).toBeTruthy()

  // 报名: the volunteer signs up from the activity's page.
  const detail = await e2e.openAs('demo-resident-2', `${ROOT}/detail/index?id=${id}`)
  await detail.getByTestId('activity-action-signup').click()
  await see(detail.getByTestId('activity-step-signup'), '2.5 小时')
  await confirm(detail)
  await see(detail.getByTestId('volunteer-my-status'), '已报名')
  await see(detail.getByTestId('quota'), '已报名 1/10 人')
  await e2e.shot(detail, 'volunteer-04-signed')

  // The activity starts: check-in is open and the organizer may confirm attendance.
  await e2e.emu.advanceClock(1.6 * HOUR)
  const manage = await e2e.openAs('demo-committee-1', `${ROOT}/manage/index?id=${id}`)
  const code = (await manage.getByTestId('checkin-code-value').textContent({ timeout: 15000 }))!
  expect(code).toMatch(/^\d{6}$/)
  await see(manage.getByTestId('roster-demo-resident-2'), '未签到')
  await e2e.shot(manage, 'volunteer-05-code')

  // 签到: the volunteer types the code shown on the organizer's screen.
  await detail.reload()
  await detail.getByTestId('volunteer-go-checkin').click()
  const input = detail.getByTestId('checkin-code')
  await input.waitFor({ timeout: 15000 })
  await input.fill('000000'.replace(/./g, (_, i) => String((Number(code[i]) + 1) % 10)))
  await detail.getByTestId('checkin-submit').click()
  await detail.getByTestId('code-error').waitFor({ timeout: 15000 })
  await input.fill(code)
  await detail.getByTestId('checkin-submit').click()
  await see(detail.getByTestId('checkin-done'), '已签到')
  await e2e.shot(detail, 'volunteer-06-checked-in')

  // 服务: the organizer sees the check-in and confirms attendance.
  await manage.reload()
  await see(manage.getByTestId('roster-demo-resident-2'), '已签到')
  await see(manage.getByTestId('roster-confirm'), '确认出勤（1 人）')
  await manage.getByTestId('roster-confirm').click()
  await see(manage.getByTestId('roster-confirm-dialog'), '2.5 小时')
  await confirm(manage)
  await see(manage.getByTestId('roster-demo-resident-2'), '已确认出勤')
  await e2e.shot(manage, 'volunteer-07-confirmed')

  // 记录: the hours are in the volunteer's record, with the way to the next star.
  const record = await e2e.openAs('demo-resident-2', `${ROOT}/record/index`)
  const entry = record.getByTestId(`record-entry-activity-${id}`)
  await see(entry, '楼道清洁志愿活动')
  await see(entry, '+2.5 小时')
  // Default thresholds: 100 h for the first star.
  expect(await record.getByTestId('record-total-hours').textContent()).toBe('2.5')
  await see(record.getByTestId('star-progress'), '再服务 97.5 小时成为 1 星志愿者')
  await e2e.shot(record, 'volunteer-08-record')
}, 180000)
