import { Picker, View } from '@tarojs/components'
import { Field } from '@/components/Field'
import { TAB_STOP } from '@/components/a11y'
import './index.scss'

interface PickBoxProps {
  /** `field-<name>`, its message `<name>-error`, the box `<testId>`. */
  name: string
  label: string
  /** 'YYYY-MM' (fields month) or 'YYYY-MM-DD' (fields day). */
  value: string
  fields: 'month' | 'day'
  /** How the value reads, e.g. 2026年3月. */
  text: string
  /** The latest value offered. */
  end?: string
  error?: string
  testId: string
  onChange: (value: string) => void
}

/** A month or a day in a `Field`: a big box opening the system's date picker. */
export function PickBox({
  name,
  label,
  value,
  fields,
  text,
  end,
  error,
  testId,
  onChange,
}: PickBoxProps) {
  return (
    <Field label={label} name={name} error={error}>
      <Picker
        mode="date"
        fields={fields}
        value={value}
        end={end}
        onChange={(e) => onChange(String(e.detail.value).slice(0, fields === 'month' ? 7 : 10))}
      >
        <View
          className="pick-box"
          role="button"
          {...TAB_STOP}
          aria-label={`${label}：${text}`}
          data-testid={testId}
        >
          {text}
        </View>
      </Picker>
    </Field>
  )
}
