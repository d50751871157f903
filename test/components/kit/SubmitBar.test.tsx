import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { SubmitBar } from '@/components/SubmitBar'

// The end of every form: the check, the confirm dialog it owns, and one request at a time.

beforeEach(() => jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' }))
afterEach(() => jest.restoreAllMocks())

const confirm = { title: '确认提交', okText: '提交', body: <span>提交后不能修改</span> }

test('a failed check says how to go on and neither asks nor sends', () => {
  const onSubmit = jest.fn()
  render(
    <SubmitBar
      error={null}
      testId="go"
      busy={false}
      text="提交"
      check={() => false}
      fixHint="请按红色提示修改后再预约"
      confirm={confirm}
      onSubmit={onSubmit}
    />
  )
  fireEvent.click(screen.getByTestId('go'))
  expect(Taro.showToast).toHaveBeenCalledWith(
    expect.objectContaining({ title: '请按红色提示修改后再预约' })
  )
  expect(screen.queryByTestId('dialog')).toBeNull()
  expect(onSubmit).not.toHaveBeenCalled()
})

test('with a confirm: the tap asks, 取消 sends nothing, 提交 sends once however often it is tapped', async () => {
  let finish: () => void = () => {}
  const onSubmit = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)))
  render(
    <SubmitBar
      error={null}
      testId="go"
      busy={false}
      text="提交"
      check={() => true}
      confirm={confirm}
      onSubmit={onSubmit}
    />
  )
  fireEvent.click(screen.getByTestId('go'))
  expect(screen.getByTestId('dialog')).toHaveTextContent('提交后不能修改')
  fireEvent.click(screen.getByTestId('dialog-cancel'))
  expect(screen.queryByTestId('dialog')).toBeNull()
  expect(onSubmit).not.toHaveBeenCalled()

  fireEvent.click(screen.getByTestId('go'))
  fireEvent.click(screen.getByTestId('dialog-ok'))
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(onSubmit).toHaveBeenCalledTimes(1)
  expect(screen.getByTestId('dialog')).toBeInTheDocument()
  await act(async () => finish())
  expect(screen.queryByTestId('dialog')).toBeNull()
})

test('without a confirm the tap sends at once; the server’s form message is shown', () => {
  const onSubmit = jest.fn()
  render(
    <SubmitBar error="已经提交过了" testId="go" busy={false} text="提交" onSubmit={onSubmit} />
  )
  expect(screen.getByTestId('go-error')).toHaveTextContent('已经提交过了')
  fireEvent.click(screen.getByTestId('go'))
  expect(onSubmit).toHaveBeenCalledTimes(1)
})

test('while busy the button sends nothing', () => {
  const onSubmit = jest.fn()
  render(<SubmitBar error={null} testId="go" busy text="提交" onSubmit={onSubmit} />)
  fireEvent.click(screen.getByTestId('go'))
  expect(onSubmit).not.toHaveBeenCalled()
})
