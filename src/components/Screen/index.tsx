import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { TitleBar } from '@/components/TitleBar'
import { PrivacySheet } from '@/components/PrivacySheet'
import { useMe } from '@/hooks/useMe'
import './index.scss'

interface ScreenProps {
  children?: ReactNode
  className?: string
  testId?: string
}

/**
 * The root of every page: base sizes for elderly readers, ×1.25 in elder mode; the title bar
 * (H5) and the page's content as its `main` landmark.
 */
export function Screen({ children, className, testId }: ScreenProps) {
  const { me } = useMe()
  const cls = ['screen', me?.elderMode ? 'screen--elder' : '', className ?? '']
  return (
    <View className={cls.filter(Boolean).join(' ')} data-testid={testId}>
      <TitleBar />
      <View role="main">{children}</View>
      <PrivacySheet />
    </View>
  )
}
