import { useState } from 'react'
import { Button, View } from '@tarojs/components'
import type { ButtonProps } from '@tarojs/components'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import type { PhoneFieldProps } from './types'
import './index.scss'

export type { PhoneValue, PhoneFieldProps } from './types'

// weapp: WeChat hands over the verified number as a one-time code (the server exchanges it);
// typing it by hand stays possible for anyone who declines.
export function PhoneField({ value, onChange, onBlur, error }: PhoneFieldProps) {
  const [manual, setManual] = useState(false)

  const onGetPhoneNumber: ButtonProps['onGetPhoneNumber'] = (e) => {
    const code = (e.detail as { code?: string }).code
    if (code) onChange({ phone: '', phoneCode: code })
    else toast('未获取到手机号，可以手动填写')
  }

  if (value.phoneCode) {
    return (
      <Field label="手机号" name="phone" error={error}>
        <View className="phone-field__done">已通过微信获取手机号</View>
        <View className="phone-field__link" onClick={() => onChange({ phone: '' })}>
          改为手动填写
        </View>
      </Field>
    )
  }

  return (
    <Field label="手机号" name="phone" error={error} hint="网格员会用它核实您的身份">
      <Button
        className="phone-field__wechat"
        openType="getPhoneNumber"
        onGetPhoneNumber={onGetPhoneNumber}
      >
        微信手机号一键填写
      </Button>
      {manual ? (
        <TextInput
          testId="bind-phone"
          type="number"
          maxLength={11}
          placeholder="请输入 11 位手机号"
          value={value.phone}
          onChange={(phone) => onChange({ phone })}
          onBlur={onBlur}
        />
      ) : (
        <View className="phone-field__link" onClick={() => setManual(true)}>
          手动填写手机号
        </View>
      )}
    </Field>
  )
}
