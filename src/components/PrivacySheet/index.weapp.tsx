import { useEffect, useState } from 'react'
import { Button as NativeButton, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { USER_ROUTES } from '@/packages/user/routes'
import './index.scss'

// WeChat asks before a privacy API (getPhoneNumber, choosing images, clipboard…) runs:
// `onNeedPrivacyAuthorization` hands us a `resolve`, and our own sheet asks the user. The agree
// button must be WeChat's `open-type="agreePrivacyAuthorization"` so the platform sees the tap.

type Resolve = Parameters<Taro.onNeedPrivacyAuthorization.Listener>[0]

const AGREE_ID = 'privacy-agree'
/** Mounted sheets, the top page's last: the one that asks. */
const sheets: ((resolve: Resolve) => void)[] = []
let listening = false

function listen() {
  if (listening || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  listening = true
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const ask = sheets[sheets.length - 1]
    if (!ask) return resolve({ event: 'disagree' })
    resolve({ event: 'exposureAuthorization' })
    ask(resolve)
  })
}

export function PrivacySheet() {
  const [pending, setPending] = useState<Resolve | null>(null)

  useEffect(() => {
    listen()
    const ask = (resolve: Resolve) => setPending(() => resolve)
    sheets.push(ask)
    return () => {
      sheets.splice(sheets.indexOf(ask), 1)
    }
  }, [])

  if (!pending) return null
  const answer = (event: 'agree' | 'disagree') => {
    pending(event === 'agree' ? { event, buttonId: AGREE_ID } : { event })
    setPending(null)
  }
  return (
    <View className="privacy-sheet" data-testid="privacy-sheet">
      <View className="privacy-sheet__mask" catchMove />
      <View className="privacy-sheet__box" role="dialog" aria-modal aria-label="隐私保护提示">
        <View className="privacy-sheet__title">隐私保护提示</View>
        <View className="privacy-sheet__body">
          使用这项功能前，请阅读《红邻隐私保护指引》。我们只在您同意后读取相关信息，仅用于网格员认证和邻里帮忙。
        </View>
        <View
          className="privacy-sheet__link"
          role="link"
          onClick={() => void Taro.navigateTo({ url: USER_ROUTES.privacy })}
        >
          查看《红邻隐私保护指引》›
        </View>
        <View className="privacy-sheet__buttons">
          <Button className="privacy-sheet__button" onClick={() => answer('disagree')}>
            不同意
          </Button>
          <NativeButton
            id={AGREE_ID}
            className="privacy-sheet__agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answer('agree')}
          >
            同意并继续
          </NativeButton>
        </View>
      </View>
    </View>
  )
}
