import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { toast } from '@/components/Feedback'
import './index.scss'

/** The voter's receipt, kept on this phone only, with a copy button. */
export function Receipt({ receipt }: { receipt: string }) {
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: receipt })
      toast('回执已复制')
    } catch {
      toast('复制没有成功，请把回执抄下来')
    }
  }
  return (
    <View className="receipt" data-testid="deliberation-receipt">
      <View className="receipt__label">您的投票回执</View>
      <View className="receipt__code" data-testid="deliberation-receipt-code">
        {receipt}
      </View>
      <View className="muted">
        回执只在投票时给出一次，已保存在这台手机上，别人看不到。结果公布后，可以用它核对您的一票是否被计入。
      </View>
      <Button testId="deliberation-receipt-copy" onClick={() => void copy()}>
        复制回执
      </Button>
    </View>
  )
}
