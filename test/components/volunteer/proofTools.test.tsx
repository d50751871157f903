import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ServiceProof } from '@/contract/volunteer'
import { ProofTools } from '@/packages/volunteer/pages/proof/ProofTools.weapp'
import { saveProofImage } from '@/packages/volunteer/pages/proof/saveImage'

// The proof page's tools as the WeChat build renders them (jest resolves ProofTools.tsx, the H5
// print button, unless asked for the .weapp file): one big 保存证明图片 button and the canvas.

jest.mock('@/packages/volunteer/pages/proof/saveImage', () => ({ saveProofImage: jest.fn() }))
const save = saveProofImage as jest.Mock

const proof = { serial: '3FA9C21B07DE', communityName: '幸福里社区' } as ServiceProof

afterEach(() => jest.restoreAllMocks())

test('保存证明图片 draws on the page canvas; the note gives the serial for a stamped copy', async () => {
  save.mockResolvedValue('saved')
  const { container } = render(<ProofTools proof={proof} />)
  expect(screen.queryByTestId('proof-print')).toBeNull()
  expect(screen.getByTestId('proof-weapp-note')).toHaveTextContent('凭编号 3FA9C21B07DE')
  expect(container.querySelector('#proof-canvas')).not.toBeNull()
  fireEvent.click(screen.getByTestId('proof-save-image'))
  expect(screen.getByTestId('proof-save-image')).toHaveTextContent('请稍候')
  await waitFor(() =>
    expect(screen.getByTestId('proof-save-image')).toHaveTextContent('保存证明图片')
  )
  expect(save).toHaveBeenCalledWith('proof-canvas', proof)
})

test('a picture that cannot be made is told, and the button works again', async () => {
  save.mockRejectedValue(new Error('canvas #proof-canvas not found'))
  const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
  render(<ProofTools proof={proof} />)
  fireEvent.click(screen.getByTestId('proof-save-image'))
  await waitFor(() =>
    expect(toast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '证明图片没有生成，请稍后再试' })
    )
  )
  expect(screen.getByTestId('proof-save-image')).toHaveTextContent('保存证明图片')
})
