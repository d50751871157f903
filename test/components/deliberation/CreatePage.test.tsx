import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import CreateTopic from '@/packages/deliberation/pages/create/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, gridsTree, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { can, topicOf } from './fixtures'
import { matterOf } from '../matter/fixtures'
import { MATTER_CATEGORY_LABELS } from '@/contract/matter.rules'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const committee = () =>
  meOf({
    openid: 'demo-committee-1',
    grid: null,
    verified: false,
    bindStatus: 'none',
    can: canOf('deliberation.view', 'deliberation.create', 'deliberation.moderate'),
  })

beforeEach(() => {
  mockCloud.calls.length = 0
  Current.router = { params: {}, path: '/packages/deliberation/pages/create/index' } as never
  mockCloud.on('user.me', ok(committee()))
  mockCloud.on('user.listGrids', ok(gridsTree))
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
})
afterEach(() => jest.restoreAllMocks())

const type = async (testId: string, value: string) =>
  fireEvent.input(await screen.findByTestId(testId), { target: { value } })

test('the committee fills the form, checked live, edits the options, confirms, and lands on the topic', async () => {
  renderPage(<CreateTopic />)
  await screen.findByTestId('deliberation-scope-community:c1', {}, { timeout: 5000 })
  fireEvent.click(screen.getByTestId('deliberation-submit'))
  expect(await screen.findByTestId('title-error')).toHaveTextContent('请填写议题标题')
  expect(screen.getByTestId('background-error')).toHaveTextContent('请填写议题背景')
  expect(screen.getByTestId('unit-error')).toHaveTextContent('请选择投票方式')
  expect(screen.getByTestId('scope-error')).toHaveTextContent('请选择议题范围')
  expect(screen.getByTestId('deliberation-option-error-0')).toHaveTextContent('选项不能为空')

  await type('deliberation-title-input', '2号楼是否加装电梯')
  await type('deliberation-background-input', '2号楼老人多，上下楼不便。')
  await type('deliberation-option-input-0', '同意')
  await type('deliberation-option-input-1', '同意')
  expect(await screen.findByTestId('options-error')).toHaveTextContent('选项不能重复')
  await type('deliberation-option-input-1', '不同意')
  expect(screen.queryByTestId('options-error')).not.toBeInTheDocument()
  // Two options at least: no 删除 until a third is added.
  expect(screen.queryByTestId('deliberation-option-remove-0')).not.toBeInTheDocument()
  fireEvent.click(screen.getByTestId('deliberation-option-add'))
  await type('deliberation-option-input-2', '再议')
  fireEvent.click(screen.getByTestId('deliberation-option-remove-2'))
  expect(screen.queryByTestId('deliberation-option-input-2')).not.toBeInTheDocument()
  await type('deliberation-quorum-input', '101')
  expect(await screen.findByTestId('quorum-error')).toHaveTextContent('参与率要求最高 100%')
  await type('deliberation-quorum-input', '60')
  fireEvent.click(screen.getByTestId('deliberation-unit-household'))
  fireEvent.click(screen.getByTestId('deliberation-scope-grid:g1'))

  mockCloud.on('deliberation.create', ok(topicOf({ id: 't9' })))
  fireEvent.click(screen.getByTestId('deliberation-submit'))
  expect(screen.getByTestId('deliberation-create-confirm')).toHaveTextContent(
    '2 个选项 · 每户一票 · 参与率要求 60%'
  )
  fireEvent.click(screen.getByTestId('dialog-ok'))
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/deliberation/pages/detail/index?id=t9',
    })
  )
  const [sent] = mockCloud.callsTo('deliberation.create') as Record<string, unknown>[]
  expect(sent).toMatchObject({
    title: '2号楼是否加装电梯',
    background: '2号楼老人多，上下楼不便。',
    options: ['同意', '不同意'],
    unit: 'household',
    quorum: 60,
    scope: { type: 'grid', id: 'g1' },
  })
  // Three days of discussion, then four of voting.
  const talk = Date.parse(sent.discussionEndsAt as string) - Date.now()
  const vote = Date.parse(sent.votingEndsAt as string) - Date.parse(sent.discussionEndsAt as string)
  expect(talk).toBeGreaterThan(3 * 86_400_000 - 60_000)
  expect(vote).toBe(4 * 86_400_000)
})

test('no more than ten options can be added', async () => {
  renderPage(<CreateTopic />)
  await screen.findByTestId('deliberation-scope-community:c1', {}, { timeout: 5000 })
  for (let i = 0; i < 8; i++) fireEvent.click(screen.getByTestId('deliberation-option-add'))
  expect(await screen.findByTestId('deliberation-option-input-9')).toBeInTheDocument()
  expect(screen.queryByTestId('deliberation-option-add')).not.toBeInTheDocument()
})

test("the server's refusal shows at its field", async () => {
  renderPage(<CreateTopic />)
  await screen.findByTestId('deliberation-scope-community:c1', {}, { timeout: 5000 })
  await type('deliberation-title-input', '违禁测试词议题')
  await type('deliberation-background-input', '背景')
  await type('deliberation-option-input-0', '甲')
  await type('deliberation-option-input-1', '乙')
  fireEvent.click(screen.getByTestId('deliberation-unit-resident'))
  fireEvent.click(screen.getByTestId('deliberation-scope-community:c1'))
  mockCloud.on('deliberation.create', fail('CONTENT_REJECTED', '标题含有不适宜发布的信息', 'title'))
  fireEvent.click(screen.getByTestId('deliberation-submit'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByTestId('title-error')).toHaveTextContent('标题含有不适宜发布的信息')
  expect(Taro.redirectTo).not.toHaveBeenCalled()
})

test('the next round is filled in from the last one and sent as its follow-up', async () => {
  Current.router = { params: { from: 't1' }, path: '' } as never
  mockCloud.on(
    'deliberation.get',
    ok(topicOf({ phase: 'closed', outcome: 'tie', quorum: 40, can: can('followUp') }))
  )
  mockCloud.on('deliberation.followUp', ok(topicOf({ id: 't2', previousId: 't1' })))
  renderPage(<CreateTopic />)
  expect(await screen.findByTestId('deliberation-title-input')).toHaveValue('2号楼是否加装电梯')
  expect(screen.getByTestId('deliberation-option-input-2')).toHaveValue('再议')
  expect(screen.getByTestId('deliberation-unit-household')).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(screen.getByTestId('deliberation-submit'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/deliberation/pages/detail/index?id=t2',
    })
  )
  expect(mockCloud.callsTo('deliberation.followUp')[0]).toMatchObject({
    id: 't1',
    options: ['同意加装', '不同意', '再议'],
    quorum: 40,
    scope: { type: 'grid', id: 'g1' },
  })
})

test('a matter is turned into a community topic: filled in from it, sent as matter.toDeliberation', async () => {
  Current.router = { params: { matter: 'm1' }, path: '' } as never
  mockCloud.on('matter.get', ok(matterOf({ status: 'handling', level: 'community' })))
  mockCloud.on(
    'matter.toDeliberation',
    ok(
      matterOf({
        status: 'deliberating',
        level: 'community',
        deliberation: {
          id: 't5',
          title: '设施：3号楼东侧',
          phase: 'discussion',
          outcome: null,
          winner: null,
          closedAt: null,
          rounds: 1,
          updates: [],
        },
      })
    )
  )
  renderPage(<CreateTopic />)
  const title = await screen.findByTestId('deliberation-title-input', {}, { timeout: 5000 })
  expect(title).toHaveValue(`${MATTER_CATEGORY_LABELS.facility}：3号楼东侧`)
  expect(screen.getByTestId('deliberation-background-input')).toHaveValue(
    '3号楼东侧路灯坏了一个星期，晚上很黑'
  )
  expect(
    await screen.findByTestId('deliberation-scope-community:c1', {}, { timeout: 5000 })
  ).toHaveAttribute('aria-checked', 'true')
  await type('deliberation-option-input-0', '加装路灯')
  await type('deliberation-option-input-1', '暂不加装')
  fireEvent.click(screen.getByTestId('deliberation-unit-resident'))
  fireEvent.click(screen.getByTestId('deliberation-submit'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/deliberation/pages/detail/index?id=t5',
    })
  )
  expect(mockCloud.callsTo('deliberation.create')).toHaveLength(0)
  expect(mockCloud.callsTo('matter.toDeliberation')[0]).toMatchObject({
    id: 'm1',
    title: `${MATTER_CATEGORY_LABELS.facility}：3号楼东侧`,
    options: ['加装路灯', '暂不加装'],
    unit: 'resident',
    scope: { type: 'community', id: 'c1' },
  })
})

test('a resident is told who may open topics', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('deliberation.view') })))
  renderPage(<CreateTopic />)
  expect(await screen.findByTestId('no-access')).toBeInTheDocument()
  expect(screen.getByText('发起议题仅对社区两委和网格员开放')).toBeInTheDocument()
})
