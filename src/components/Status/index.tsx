import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { ApiError } from '@/contract/errors'
import './index.scss'

// Loading, error and empty states, the same on every screen.

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="state" data-testid="state-loading">
      <View className="state__spinner" />
      <View className="state__text">{text}</View>
    </View>
  )
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <View className="state" data-testid="state-error" role="alert">
      <View className="state__icon state__icon--error">!</View>
      <View className="state__title">{error.message}</View>
      {error.code === 'INTERNAL' && <View className="state__text">请检查网络后重试</View>}
      {onRetry && (
        <Button className="state__action" kind="primary" onClick={onRetry}>
          重新加载
        </Button>
      )}
    </View>
  )
}

export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className="state" data-testid="state-empty">
      <View className="state__icon">空</View>
      <View className="state__title">{text}</View>
      {children}
    </View>
  )
}
