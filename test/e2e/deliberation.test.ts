// 居民议事 in Chromium on the H5 build: the committee opens a household topic, residents discuss,
// one comment is reported by three neighbours and hidden by the committee, two residents of
// different households vote (the receipt stays on the voter's phone), the son of an elder who
// already voted is told his household has voted, the committee enters a meeting vote and closes
// the vote, and everyone sees the result.
import type { Locator, Page } from 'playwright-core'
import { startE2E, tap, type E2E } from './browser'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

const detail = (id: string) => `/packages/deliberation/pages/detail/index?id=${id}`
const result = (id: string) => `/packages/deliberation/pages/result/index?id=${id}`
const RECEIPT = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/

async function see(locator: Locator, text: string | RegExp) {
  await locator.getByText(text).first().waitFor({ timeout: 15000 })
}

/** Presses a step button, optionally fills its dialog, confirms, and waits for it to close. */
async function act(page: Page, testId: string, fill?: () => Promise<void>, within?: Locator) {
  await tap((within ?? page).getByTestId(testId))
  await page.getByTestId('dialog').waitFor()
  if (fill) await fill()
  await tap(page.getByTestId('dialog-ok'))
  await page.getByTestId('dialog').waitFor({ state: 'detached' })
}

const commentRow = (page: Page, text: string) => page.locator('.comment', { hasText: text })

async function comment(page: Page, text: string) {
  await page.getByTestId('deliberation-comment-input').fill(text)
  await tap(page.getByTestId('deliberation-comment-submit'))
  await commentRow(page, text).waitFor({ timeout: 15000 })
}

async function vote(page: Page, option: number): Promise<string> {
  await tap(page.getByTestId(`deliberation-option-${option}`))
  await tap(page.getByTestId('deliberation-vote-submit'))
  await see(page.getByTestId('deliberation-vote-confirm'), '投票后不能修改或撤回')
  await see(page.getByTestId('deliberation-vote-household'), '每户一票')
  await tap(page.getByTestId('dialog-ok'))
  const code = page.getByTestId('deliberation-receipt-code')
  await code.waitFor({ timeout: 15000 })
  return (await code.textContent())?.trim() ?? ''
}

test('a household topic from opening to the result, with discussion, moderation, online and meeting votes', async () => {
  // The committee opens the topic for grid g1, one vote per household.
  const committee = await e2e.openAs(
    'demo-committee-1',
    '/packages/deliberation/pages/create/index'
  )
  await committee.getByTestId('deliberation-title-input').fill('2号楼是否加装电梯')
  await committee
    .getByTestId('deliberation-background-input')
    .fill('2号楼老人多，上下楼不便。加装电梯费用按楼层分摊，请各户讨论后投票。')
  await committee.getByTestId('deliberation-option-input-0').fill('同意加装')
  await committee.getByTestId('deliberation-option-input-1').fill('不同意')
  await tap(committee.getByTestId('deliberation-unit-household'))
  await committee.getByTestId('deliberation-quorum-input').fill('20')
  await tap(committee.getByTestId('deliberation-scope-grid:g1'))
  await e2e.shot(committee, 'deliberation-01-create')
  await tap(committee.getByTestId('deliberation-submit'))
  await see(committee.getByTestId('deliberation-create-confirm'), '每户一票')
  await tap(committee.getByTestId('dialog-ok'))
  await see(committee.getByTestId('deliberation-phase'), '讨论中')
  const id = /[?&]id=([^&]+)/.exec(new URL(committee.url()).hash)?.[1] ?? ''
  expect(id).toBeTruthy()

  // Residents discuss; one comment crosses the line.
  const li = await e2e.openAs('demo-resident-2', detail(id))
  await see(li.getByTestId('deliberation-title'), '2号楼是否加装电梯')
  await comment(li, '我家住五楼，非常需要电梯，支持！')
  await comment(li, '一楼那几户就是自私，别理他们')
  const zhang = await e2e.openAs('demo-resident-1', detail(id))
  await comment(zhang, '我年纪大了，爬楼太难，希望早点装上')

  // Three neighbours report it: the last report hides it until a moderator decides.
  const listed = await e2e.emu.call('deliberation', 'demo-resident-1', 'listComments', { id })
  if (!listed.ok) throw new Error(JSON.stringify(listed.error))
  const rude = listed.data.items.find((c: { content: string }) => c.content.startsWith('一楼'))
  await act(zhang, 'comment-action-report', undefined, commentRow(zhang, '一楼那几户'))
  await see(commentRow(zhang, '一楼那几户'), '您已举报')
  for (const who of ['demo-resident-4', 'demo-volunteer-1']) {
    const r = await e2e.emu.call('deliberation', who, 'reportComment', { commentId: rude.id })
    expect(r.ok).toBe(true)
  }
  await committee.reload()
  const flagged = commentRow(committee, '一楼那几户')
  await see(flagged.getByTestId('comment-reports'), '3 人举报，等待处理')
  await e2e.shot(committee, 'deliberation-02-reported')
  await act(
    committee,
    'comment-action-hide',
    () => committee.getByTestId('comment-hide-reason').fill('含有针对邻居的不友善言论'),
    flagged
  )
  await zhang.reload()
  await see(
    zhang.getByTestId('deliberation-discussion'),
    '该评论已被隐藏：含有针对邻居的不友善言论'
  )
  expect(await zhang.getByText('一楼那几户就是自私').count()).toBe(0)
  await e2e.shot(zhang, 'deliberation-03-hidden')

  // The committee opens the vote early: the roll is frozen now.
  await act(committee, 'deliberation-action-openVoting')
  await see(committee.getByTestId('deliberation-phase'), '投票中')
  await committee.getByTestId('deliberation-quorum').waitFor()

  // Two residents of different households vote; each keeps a receipt.
  await zhang.reload()
  const receipt = await vote(zhang, 0)
  expect(receipt).toMatch(RECEIPT)
  await see(zhang.getByTestId('deliberation-turnout'), /已投 1 \//)
  await e2e.shot(zhang, 'deliberation-04-voted')
  await li.reload()
  expect(await vote(li, 1)).toMatch(RECEIPT)
  await see(li.getByTestId('deliberation-turnout'), /已投 2 \//)

  // 张桂兰's son: the household has voted, by his mother.
  const son = await e2e.openAs('demo-resident-4', detail(id))
  await see(son.getByTestId('deliberation-household-voted'), '您家 桂兰阿姨 已经投过票了')
  expect(await son.getByTestId('deliberation-vote-submit').count()).toBe(0)
  await e2e.shot(son, 'deliberation-05-household')

  // The committee enters the meeting's ballots: 赵志强 counts, 张伟's household already voted.
  await committee.reload()
  await tap(committee.getByTestId('deliberation-meeting'))
  await committee.getByTestId('meeting-resident-filter').fill('赵志强')
  await tap(committee.getByTestId('meeting-resident-option-demo-volunteer-1'))
  await tap(committee.getByTestId('meeting-resident'))
  await committee.getByTestId('meeting-resident-filter').fill('张伟')
  await tap(committee.getByTestId('meeting-resident-option-demo-resident-4'))
  await tap(committee.getByTestId('meeting-option-demo-volunteer-1-0'))
  await tap(committee.getByTestId('meeting-option-demo-resident-4-1'))
  await tap(committee.getByTestId('meeting-submit'))
  await see(committee.getByTestId('meeting-confirm'), '录入 2 位居民')
  await tap(committee.getByTestId('dialog-ok'))
  await see(committee.getByTestId('meeting-outcome-demo-volunteer-1'), '赵志强：已计入「同意加装」')
  await see(committee.getByTestId('meeting-outcome-demo-resident-4'), '这户已经投过票了')
  await see(committee.getByTestId('deliberation-turnout'), /已投 3 \//)
  await e2e.shot(committee, 'deliberation-06-meeting')

  // The committee closes the vote; the outcome is published.
  const topicPage = await e2e.openAs('demo-committee-1', detail(id))
  await act(topicPage, 'deliberation-action-close')
  await see(topicPage.getByTestId('deliberation-phase'), '已结束')
  await see(topicPage.getByTestId('deliberation-outcome-text'), '已形成决议')

  // Everyone sees the result: the bars, the turnout, online and meeting ballots, the hash.
  for (const who of ['demo-resident-2', 'demo-resident-4', 'demo-committee-1']) {
    const page = await e2e.openAs(who, result(id))
    await see(page.getByTestId('deliberation-result-outcome'), '已形成决议：「同意加装」')
    await see(page.getByTestId('deliberation-bar-0'), '2 票')
    await see(page.getByTestId('deliberation-bar-1'), '1 票')
    await see(page.getByTestId('deliberation-result-online'), '2 票')
    await see(page.getByTestId('deliberation-result-meeting'), '1 票')
    await see(page.getByTestId('deliberation-tally-hash'), /^[0-9a-f]{64}$/)
    await page.close()
  }
  // The elder checks her receipt, kept on her phone: counted for the option she chose.
  const mine = await e2e.openAs('demo-resident-1', result(id))
  await mine.getByTestId('deliberation-verify').waitFor({ timeout: 15000 })
  expect(await mine.getByTestId('deliberation-verify-input').inputValue()).toBe(receipt)
  await tap(mine.getByTestId('deliberation-verify-submit'))
  await see(mine.getByTestId('deliberation-verify-result'), '已计入：「同意加装」（线上投票）')
  await e2e.shot(mine, 'deliberation-07-result')
}, 240000)
