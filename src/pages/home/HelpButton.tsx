import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { toast } from '@/components/Feedback'
import { TAB_STOP } from '@/components/a11y'
import { useIntent } from '@/hooks/useIntent'
import { errandApi } from '@/services/errand'
import type { HelpResult } from '@/contract/errand'
import { HELP_INTERVAL_MINUTES } from '@/contract/errand.rules'
import { ERRAND_ROUTES } from '@/packages/errand/routes'
import { askToSubscribe } from '@/packages/errand/subscribe'
import './HelpButton.scss'

// 一键求助: one tap and a confirm create an urgent help errand that tells the grid's workers and
// red agents at once; then the grid workers' phones are one tap from a call. Shown when the
// server allows it (`me.can['errand.help']`), large in elder mode.

type Outcome = { sent: HelpResult } | { limit: string }

export function HelpButton({ elder }: { elder: boolean }) {
  const [asking, setAsking] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const intent = useIntent()

  const send = async () => {
    // WeChat only asks from a tap: before the request.
    await askToSubscribe('help')
    const result = await intent.run((opts) => errandApi.help({}, opts))
    if (!result) return
    if (result.ok) {
      setAsking(false)
      return setOutcome({ sent: result.data })
    }
    toast(result.error.message)
    if (result.error.code === 'INTERNAL') return // same intent, same id: retrying is safe
    setAsking(false)
    if (result.error.code === 'LIMIT_EXCEEDED') setOutcome({ limit: result.error.message })
  }

  return (
    <>
      <View
        className={`home-help${elder ? ' home-help--elder' : ''}`}
        role="button"
        {...TAB_STOP}
        data-testid="home-help"
        onClick={() => setAsking(true)}
      >
        <View className="home-help__title">一键求助</View>
        <View className="home-help__desc">遇到急事，马上通知网格员和红色代办员</View>
      </View>
      {asking && (
        <Dialog
          title="一键求助"
          okText="确认求助"
          busy={intent.busy}
          onOk={() => void send()}
          onCancel={() => setAsking(false)}
        >
          <View data-testid="help-confirm">
            确认后，本网格的网格员和红色代办员会马上收到您的求助，并尽快联系您。
          </View>
        </Dialog>
      )}
      {outcome && <HelpSheet outcome={outcome} onClose={() => setOutcome(null)} />}
    </>
  )
}

function HelpSheet({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const sent = 'sent' in outcome ? outcome.sent : null
  const go = (url: string) => {
    onClose()
    void Taro.navigateTo({ url })
  }
  return sent ? (
    <Dialog
      testId="help-sheet"
      title="求助已发出"
      tone="success"
      titleTestId="help-sent"
      closeText="关闭"
      closeTestId="help-close"
      onClose={onClose}
    >
      网格员和红色代办员已经收到您的求助，会尽快联系您。着急的话，可以直接打电话：
      <View className="dialog__buttons dialog__buttons--column">
        {sent.callNumbers.map((phone, i) => (
          <Button
            key={phone}
            kind="primary"
            block
            testId={`help-call-${i}`}
            onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
          >
            拨打网格员 {phone}
          </Button>
        ))}
        <Button block testId="help-open" onClick={() => go(ERRAND_ROUTES.detail(sent.errand.id))}>
          查看求助进度
        </Button>
      </View>
    </Dialog>
  ) : (
    <Dialog
      testId="help-sheet"
      title="刚刚已经求助过了"
      tone="warning"
      titleTestId="help-limit"
      alert
      closeText="关闭"
      closeTestId="help-close"
      onClose={onClose}
    >
      {'limit' in outcome ? outcome.limit : ''}
      {`（每 ${HELP_INTERVAL_MINUTES} 分钟最多求助一次，网格员已经收到了上一次求助。）`}
      <View className="dialog__buttons dialog__buttons--column">
        <Button block testId="help-mine" onClick={() => go(ERRAND_ROUTES.mine)}>
          查看我的代办
        </Button>
      </View>
    </Dialog>
  )
}
