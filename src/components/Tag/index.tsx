import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

// A small label. Ours rather than NutUI's: NutUI's Tag (with its icon font) costs ~10 KB in the
// main package for a coloured box.

export type TagTone = 'default' | 'primary' | 'success' | 'warning' | 'danger'

export function Tag({
  tone = 'default',
  plain,
  children,
}: {
  tone?: TagTone
  plain?: boolean
  children?: ReactNode
}) {
  return <View className={`tag tag--${tone}${plain ? ' tag--plain' : ''}`}>{children}</View>
}
