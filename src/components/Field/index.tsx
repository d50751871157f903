import { createContext, useContext, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Input } from '@tarojs/components'
import { textLength } from '@/contract/rules'
import './index.scss'

/** A field's label, read by the input inside it: inputs are named by more than a placeholder. */
const FieldLabel = createContext<string | undefined>(undefined)

/** The accessible name of an input inside a `Field`: its label, else its placeholder. */
export function useFieldLabel(fallback?: string): string | undefined {
  return useContext(FieldLabel) ?? fallback
}

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
      {label && (
        <View className="field__label" aria-hidden>
          {label}
        </View>
      )}
      <View className="field__control">
        <FieldLabel.Provider value={label}>{children}</FieldLabel.Provider>
      </View>
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
  /** Shows a live count (never cuts the text: the form says what is over). */
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
  const name = useFieldLabel(placeholder)
  const count = textLength(value)
  const input = (
    <Input
      className="text-input"
      type={type}
      value={value}
      // -1: no limit (Taro's default is 140); a hard limit would cut the text silently.
      maxlength={-1}
      placeholder={placeholder}
      placeholderClass="text-input__placeholder"
      onInput={(e) => onChange(e.detail.value)}
      onBlur={() => onBlur?.()}
      nativeProps={{ 'data-testid': testId, 'aria-label': name }}
    />
  )
  if (!maxLength) return input
  return (
    <View className="text-input__wrap">
      {input}
      <View
        className={`text-input__count${count > maxLength ? ' text-input__count--over' : ''}`}
        data-testid={testId ? `${testId}-count` : undefined}
      >
        {count}/{maxLength}
      </View>
    </View>
  )
}
