import { Text } from '@tarojs/components'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

dayjs.locale('zh-cn')

/** 2025-03-08T02:15:00Z → 3月8日 10:15 (the phone's zone; Asia/Shanghai for our users). */
export function formatTime(iso: string, format = 'M月D日 HH:mm'): string {
  const d = dayjs(iso)
  return d.isValid() ? d.format(format) : ''
}

export function TimeText({ value, format }: { value: string; format?: string }) {
  return <Text>{formatTime(value, format)}</Text>
}
