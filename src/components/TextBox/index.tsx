import { Textarea, View } from '@tarojs/components'
import { textLength } from '@/contract/rules'
import { useFieldLabel } from '@/components/Field'
import './index.scss'

interface TextBoxProps {
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  maxLength: number
  placeholder?: string
  /** Lands on the real `<textarea>` in H5; the counter is `<testId>-count`. */
  testId: string
  tall?: boolean
  /** Inside a fixed layer (a dialog): weapp needs to know to place the native textarea. */
  fixed?: boolean
}

/** A multi-line input with a live 12/500 counter (characters as people count them). */
export function TextBox({
  value,
  onChange,
  onBlur,
  maxLength,
  placeholder,
  testId,
  tall,
  fixed,
}: TextBoxProps) {
  const count = textLength(value)
  const name = useFieldLabel(placeholder)
  return (
    <View className={`text-box${tall ? ' text-box--tall' : ''}`}>
      <Textarea
        className="text-box__input"
        value={value}
        // -1: no limit (Taro's default is 140); over the limit, the count and the field's
        // message say so instead of the text being cut.
        maxlength={-1}
        placeholder={placeholder}
        placeholderClass="text-input__placeholder"
        fixed={fixed}
        disableDefaultPadding
        onInput={(e) => onChange(e.detail.value)}
        onBlur={() => onBlur?.()}
        nativeProps={{ 'data-testid': testId, 'aria-label': name }}
      />
      <View
        className={`text-box__count${count > maxLength ? ' text-box__count--over' : ''}`}
        data-testid={`${testId}-count`}
      >
        {count}/{maxLength}
      </View>
    </View>
  )
}
