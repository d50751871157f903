import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useMe } from '@/hooks/useMe'
import './index.scss'

interface ScreenProps {
  children?: ReactNode
  className?: string
  testId?: string
}

/** The root of every page: base sizes for elderly readers, ×1.25 in elder mode. */
export function Screen({ children, className, testId }: ScreenProps) {
  const { me } = useMe()
  const cls = ['screen', me?.elderMode ? 'screen--elder' : '', className ?? '']
  return (
    <View className={cls.filter(Boolean).join(' ')} data-testid={testId}>
      {children}
    </View>
  )
}
