import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { ServiceProof } from '@/contract/volunteer'

// H5 (and jest): the browser prints the A4 sheet below. The WeChat build picks
// `ProofTools.weapp.tsx`, which saves the proof as a picture instead.

export function ProofTools(_props: { proof: ServiceProof }) {
  return (
    <View className="proof__tools">
      <Button
        kind="primary"
        block
        testId="proof-print"
        onClick={() => {
          if (typeof window !== 'undefined' && typeof window.print === 'function') window.print()
        }}
      >
        打印证明
      </Button>
    </View>
  )
}
