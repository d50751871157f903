import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { ErrorState, LoadingState } from '@/components/Status'
import { useQuery } from '@/hooks/useQuery'
import { volunteerApi } from '@/services/volunteer'
import type { Activity } from '@/contract/volunteer'
import { CHECKIN_CODE_SECONDS, CHECKIN_OPENS_MINUTES } from '@/contract/volunteer.rules'
import './index.scss'

const WINDOW_MS = CHECKIN_CODE_SECONDS * 1000
const QR_LABEL = '签到小程序码，志愿者扫码即可签到'

/**
 * The rotating check-in code, large, with the seconds until it changes, and its 小程序码 (a scan
 * opens the check-in page with the code filled in); both are fetched anew when the window ends
 * (the previous code is still accepted for a while, so a slow phone is fine).
 */
export function CheckinCodePanel({ activity }: { activity: Activity }) {
  const code = useQuery(() => volunteerApi.checkinCode(activity.id), [activity.id])
  const [now, setNow] = useState(() => Date.now())
  // When to fetch the next code, on the phone's clock: the window's end as the server says it,
  // but never more than a window away (the phone's clock may be off).
  const [nextAt, setNextAt] = useState<number | null>(null)
  const { refresh, data, loading } = code
  useEffect(() => {
    if (!data) return
    const received = Date.now()
    const d = Date.parse(data.expiresAt) - received
    setNextAt(received + (d > 0 && d <= WINDOW_MS ? d : WINDOW_MS))
  }, [data])
  const left = nextAt === null ? null : Math.max(0, Math.ceil((nextAt - now) / 1000))

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  // The window ended: the next code.
  useEffect(() => {
    if (left === 0 && !loading) {
      setNextAt(null)
      void refresh()
    }
  }, [left, loading, refresh])

  // Not started on the server's clock, and check-in still ahead on the phone's.
  const notYet = activity.phase === 'signup' || activity.phase === 'closed'
  const opensAt = Date.parse(activity.startAt) - CHECKIN_OPENS_MINUTES * 60_000
  return (
    <View className="card checkin-code" data-testid="checkin-code-panel">
      <View className="card__title">签到码</View>
      {code.data ? (
        <>
          <View
            className="checkin-code__digits"
            data-testid="checkin-code-value"
            aria-label={`签到码 ${code.data.code.split('').join(' ')}`}
          >
            {code.data.code}
          </View>
          <View className="checkin-code__frame">
            {/* A square code in a square box: fill it (H5's aspectFit never scales a small PNG up). */}
            <Image
              className="checkin-code__image"
              src={code.data.image}
              mode="scaleToFill"
              ariaLabel={QR_LABEL}
              nativeProps={{ alt: QR_LABEL, 'data-testid': 'checkin-code-image' }}
            />
          </View>
          <View className="checkin-code__left" data-testid="checkin-code-left">
            {left !== null && left > 0 ? `${left} 秒后更新` : '正在更新…'}
          </View>
          <View className="muted">
            请志愿者用微信扫一扫上方小程序码，或打开本活动点「签到」输入这 6 位数字。签到码每{' '}
            {CHECKIN_CODE_SECONDS} 秒更新一次。
          </View>
          {notYet && now < opensAt && (
            <View className="checkin-code__early" data-testid="checkin-code-early">
              签到在活动开始前 {CHECKIN_OPENS_MINUTES} 分钟开放，现在志愿者还不能签到。
            </View>
          )}
        </>
      ) : code.error && !code.loading ? (
        <ErrorState error={code.error} onRetry={code.refresh} />
      ) : (
        <LoadingState text="正在获取签到码…" />
      )}
      {code.data && (
        <Button testId="checkin-code-refresh" onClick={() => void refresh()}>
          刷新签到码
        </Button>
      )}
    </View>
  )
}
