import { useState } from 'react'
import { Canvas, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { toast } from '@/components/Feedback'
import type { ServiceProof } from '@/contract/volunteer'
import { PROOF_SIZE } from './drawProof'
import { saveProofImage } from './saveImage'

// WeChat cannot print: the proof is drawn as an A4 picture on a Canvas 2D kept off screen, saved
// to the album and shown large (a long press sends it on). H5 resolves `ProofTools.tsx`.

const CANVAS_ID = 'proof-canvas'
// Off screen at its full pixel size, so the export is the whole sheet; inline px, not rpx.
const CANVAS_STYLE = `position: fixed; top: 0; left: -${PROOF_SIZE.width + 200}px; width: ${PROOF_SIZE.width}px; height: ${PROOF_SIZE.height}px;`

export function ProofTools({ proof }: { proof: ServiceProof }) {
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    try {
      await saveProofImage(CANVAS_ID, proof)
    } catch {
      toast('证明图片没有生成，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="proof__tools">
      <Button kind="primary" block testId="proof-save-image" loading={busy} onClick={save}>
        保存证明图片
      </Button>
      <View className="muted proof__hint" data-testid="proof-weapp-note">
        图片保存到手机相册，可发给家人或单位。需要盖章的纸质证明，请凭编号 {proof.serial}{' '}
        到社区开具。
      </View>
      <Canvas type="2d" id={CANVAS_ID} style={CANVAS_STYLE} />
    </View>
  )
}
