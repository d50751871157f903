import { Picker, View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import { Field } from '@/components/Field'
import './index.scss'

interface DateTimePickProps {
  /** 'YYYY-MM-DD' and 'HH:mm' in Asia/Shanghai. */
  date: string
  time: string
  onChange: (next: { date: string; time: string }) => void
  /** The earliest day to offer. */
  start?: string
  /** `<testId>-date` and `<testId>-time`. */
  testId: string
  label: string
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const SHANGHAI = 8 * 3_600_000

/** 'YYYY-MM-DD' and 'HH:mm' of an instant in Asia/Shanghai (what the pickers show). */
export function pickerParts(ms: number): { date: string; time: string } {
  const iso = new Date(ms + SHANGHAI).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

/** The instant a picked day and time name in Asia/Shanghai, as the contract's ISO time. */
export const instantOf = (date: string, time: string): string => `${date}T${time}:00+08:00`

function dayText(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const wd = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${y}年${m}月${d}日 ${wd}`
}

/** A day and a time, each a big row opening the system picker (Taro Picker, date and time modes). */
export function DateTimePick({ date, time, onChange, start, testId, label }: DateTimePickProps) {
  return (
    <View className="dt-pick">
      <Picker
        mode="date"
        value={date}
        start={start}
        onChange={(e) => onChange({ date: String(e.detail.value), time })}
      >
        <View
          className="dt-pick__box dt-pick__box--date"
          role="button"
          {...TAB_STOP}
          aria-label={`${label}日期：${dayText(date)}`}
          data-testid={`${testId}-date`}
        >
          {dayText(date)}
        </View>
      </Picker>
      <Picker
        mode="time"
        value={time}
        onChange={(e) => onChange({ date, time: String(e.detail.value) })}
      >
        <View
          className="dt-pick__box"
          role="button"
          {...TAB_STOP}
          aria-label={`${label}时间：${time}`}
          data-testid={`${testId}-time`}
        >
          {time}
        </View>
      </Picker>
    </View>
  )
}

/**
 * A form's instant (an ISO time) as a day and a time in Asia/Shanghai, in a `Field` named
 * `name`; its pickers are `<testId>-date` and `-time`, from today on.
 */
export function DateTimeField({
  name,
  label,
  value,
  error,
  testId,
  onChange,
}: {
  name: string
  label: string
  value: string
  error?: string
  testId: string
  onChange: (iso: string) => void
}) {
  const parts = pickerParts(Date.parse(value))
  return (
    <Field label={label} name={name} error={error}>
      <DateTimePick
        label={label}
        testId={testId}
        date={parts.date}
        time={parts.time}
        start={pickerParts(Date.now()).date}
        onChange={(next) => onChange(new Date(instantOf(next.date, next.time)).toISOString())}
      />
    </Field>
  )
}
