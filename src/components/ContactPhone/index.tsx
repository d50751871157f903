import { View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import Taro from '@tarojs/taro'
import type { ContactCan } from '@/contract/common'
import './index.scss'

/**
 * A person's phone as the server shows it, with 拨打 only when the server says the viewer may
 * call them (`can.call`: the full number is known and it is not the viewer's own).
 */
export function ContactPhone({
  phone,
  can,
  testId,
}: {
  phone: string
  can?: ContactCan
  testId: string
}) {
  if (!can?.call) return <View data-testid={testId}>{phone}</View>
  return (
    <View className="contact-phone" data-testid={testId}>
      <View className="contact-phone__number">{phone}</View>
      <View
        className="contact-phone__call"
        role="button"
        {...TAB_STOP}
        aria-label={`拨打 ${phone}`}
        data-testid={`${testId}-call`}
        onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
      >
        拨打
      </View>
    </View>
  )
}
