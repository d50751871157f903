import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Input } from '@tarojs/components'
import './index.scss'

interface FieldProps {
  label?: string
  /** The Chinese message shown under the field (client check or the server's `error.field`). */
  error?: string | null
  hint?: string
  /** Names the field for tests: the message is `data-testid="<name>-error"`. */
  name: string
  children?: ReactNode
}

export function Field({ label, error, hint, name, children }: FieldProps) {
  return (
    <View className={`field${error ? ' field--error' : ''}`} data-testid={`field-${name}`}>
      {label && <View className="field__label">{label}</View>}
      <View className="field__control">{children}</View>
      {hint && !error && <View className="field__hint">{hint}</View>}
      {error && (
        <View className="field__error" role="alert" data-testid={`${name}-error`}>
          {error}
        </View>
      )}
    </View>
  )
}

interface TextInputProps {
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  placeholder?: string
  maxLength?: number
  type?: 'text' | 'number'
  /** Lands on the real `<input>` in H5, for tests. */
  testId?: string
}

/** A large single-line input (Taro's own: NutUI's Input would add ~10 KB to the main package). */
export function TextInput({
  testId,
  value,
  onChange,
  onBlur,
  placeholder,
  maxLength,
  type = 'text',
}: TextInputProps) {
  return (
    <Input
      className="text-input"
      type={type}
      value={value}
      maxlength={maxLength}
      placeholder={placeholder}
      placeholderClass="text-input__placeholder"
      onInput={(e) => onChange(e.detail.value)}
      onBlur={() => onBlur?.()}
      nativeProps={testId ? { 'data-testid': testId } : undefined}
    />
  )
}
