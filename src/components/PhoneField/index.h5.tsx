import { Field, TextInput } from '@/components/Field'
import type { PhoneFieldProps } from './types'

// H5 (local mode): there is no WeChat to vouch for the number, so it is typed by hand.
export function PhoneField({ value, onChange, onBlur, error }: PhoneFieldProps) {
  return (
    <Field label="手机号" name="phone" error={error} hint="网格员会用它核实您的身份">
      <TextInput
        testId="bind-phone"
        type="number"
        maxLength={11}
        placeholder="请输入 11 位手机号"
        value={value.phone}
        onChange={(phone) => onChange({ phone })}
        onBlur={onBlur}
      />
    </Field>
  )
}
