import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import { StaffQueues, WorkList } from '@/components/DomainEntry'
import type { Counts } from '@/hooks/useCounts'
import { ENTRIES } from '@/pages/entries'
import GridCode from '@/packages/user/pages/grid-code/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, gridsTree, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

// A grid worker of 第二网格 who lives in 第一网格: the page must not guess their grid from where
// they live. What the server lets them show decides.
const worker = meOf({
  openid: 'demo-gridworker-1',
  nickname: '刘网格',
  can: canOf('user.gridCode', 'user.verify'),
})
const PNG = (gridId: string) => `data:image/png;base64,${Buffer.from(gridId).toString('base64')}`
const GRID_NAMES: Record<string, string> = { g1: '第一网格', g2: '第二网格' }

/** gridCode as the server answers: the code for 第二网格, FORBIDDEN for any other grid. */
function serves(...mine: string[]) {
  return (input: unknown) => {
    const { gridId } = input as { gridId: string }
    return mine.includes(gridId)
      ? ok({ gridId, gridName: GRID_NAMES[gridId], scene: `g=${gridId}`, image: PNG(gridId) })
      : fail('FORBIDDEN', '只有本网格的网格员或社区两委可以生成网格码', 'gridId')
  }
}

const code = () => screen.getByTestId('grid-code')
const pick = async (gridId: string) =>
  fireEvent.click(await screen.findByTestId(`grid-code-opt-${gridId}`))
const imageOf = () => within(code()).getByTestId('grid-code-image')

beforeEach(() => {
  mockCloud.calls.length = 0
  localStorage.clear()
  Current.router = { params: {}, path: '/packages/user/pages/grid-code/index' } as never
  mockCloud.on('user.me', ok(worker))
  mockCloud.on('user.listGrids', ok(gridsTree))
  mockCloud.on('user.gridCode', serves('g2'))
})

test('shows the chosen grid’s code large, with its name and what residents do with it', async () => {
  renderPage(<GridCode />)
  await pick('g2')

  await waitFor(() => expect(imageOf()).toHaveAttribute('src', PNG('g2')))
  expect(screen.getByTestId('grid-code-name')).toHaveTextContent('第二网格')
  expect(imageOf()).toHaveAttribute('alt', '第二网格的网格二维码')
  expect(code()).toHaveTextContent('请居民用微信扫一扫，绑定到本网格')
  expect(screen.getByTestId('grid-code-opt-g2')).toHaveAttribute('aria-checked', 'true')
  expect(mockCloud.callsTo('user.gridCode')).toEqual([{ gridId: 'g2' }])
})

test('a grid that is not the viewer’s shows the server’s reason beside the picker, and no code', async () => {
  renderPage(<GridCode />)
  // Nothing is chosen for them, not even the grid they live in.
  expect(await screen.findByText('选择要出示的网格')).toBeInTheDocument()
  expect(screen.queryByTestId('grid-code')).toBeNull()

  await pick('g1')
  const refusal = await within(code()).findByRole('alert')
  expect(refusal).toHaveTextContent('只有本网格的网格员或社区两委可以生成网格码')
  expect(within(code()).queryByText('重新加载')).toBeNull()
  expect(within(code()).queryByTestId('grid-code-image')).toBeNull()

  await pick('g2')
  await waitFor(() => expect(imageOf()).toHaveAttribute('src', PNG('g2')))
  expect(within(code()).queryByRole('alert')).toBeNull()
})

test('the next visit opens the last grid shown on this phone; a link may name the grid', async () => {
  const first = renderPage(<GridCode />)
  await pick('g2')
  await waitFor(() => expect(imageOf()).toBeInTheDocument())
  first.unmount()

  const again = renderPage(<GridCode />)
  await waitFor(() => expect(imageOf()).toHaveAttribute('src', PNG('g2')))
  again.unmount()

  mockCloud.on('user.gridCode', serves('g1', 'g2'))
  Current.router = { params: { gridId: 'g1' }, path: '/x' } as never
  renderPage(<GridCode />)
  await waitFor(() => expect(screen.getByTestId('grid-code-name')).toHaveTextContent('第一网格'))
  expect(mockCloud.callsTo('user.gridCode').at(-1)).toEqual({ gridId: 'g1' })
})

test('a network failure offers to try again', async () => {
  let down = true
  mockCloud.on('user.gridCode', (input: unknown) =>
    down ? fail('INTERNAL', '网络异常') : serves('g2')(input)
  )
  renderPage(<GridCode />)
  await pick('g2')
  const retry = await within(code()).findByText('重新加载')
  down = false
  fireEvent.click(retry)
  await waitFor(() => expect(imageOf()).toHaveAttribute('src', PNG('g2')))
})

describe('the way in', () => {
  const counts: Counts = { data: undefined, get: () => undefined, refresh: async () => undefined }
  afterEach(() => jest.restoreAllMocks())

  test('a viewer the server lets show grid codes finds 网格二维码 under 我的 → 工作, not on 首页', () => {
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    render(
      <>
        <WorkList entries={ENTRIES} me={worker} />
        <StaffQueues entries={ENTRIES} me={worker} counts={counts} />
      </>
    )
    const row = screen.getByTestId('mine-grid-code')
    expect(row).toHaveTextContent('网格二维码')
    expect(row).toHaveTextContent('入户时出示，居民扫码绑定本网格')
    expect(screen.queryByTestId('entry-grid-code')).toBeNull()
    fireEvent.click(within(row).getByText('网格二维码'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/grid-code/index' })
  })

  test('nobody else sees it', () => {
    render(<WorkList entries={ENTRIES} me={meOf({ can: canOf('wish.post') })} />)
    expect(screen.queryByTestId('mine-grid-code')).toBeNull()
  })
})
