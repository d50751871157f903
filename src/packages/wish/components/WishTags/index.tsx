import { View } from '@tarojs/components'
import { Tag, type TagTone } from '@/components/Tag'
import {
  WISH_CATEGORY_LABELS,
  WISH_STATUS_LABELS,
  type WishCategory,
  type WishStatus,
} from '@/contract/wish.rules'

const STATUS_TONE: Record<WishStatus, TagTone> = {
  pending: 'warning',
  open: 'primary',
  claimed: 'primary',
  fulfilled: 'warning',
  done: 'success',
  rejected: 'danger',
  cancelled: 'default',
}

/** 待审核 / 待认领 / … — the exact label text (e2e tests read it). */
export function WishStatusTag({ status, testId }: { status: WishStatus; testId?: string }) {
  return (
    <View className="wish-tag" data-testid={testId} data-status={status}>
      <Tag tone={STATUS_TONE[status]}>{WISH_STATUS_LABELS[status]}</Tag>
    </View>
  )
}

export function WishCategoryTag({ category }: { category: WishCategory }) {
  return (
    <View className="wish-tag" data-category={category}>
      <Tag tone="primary" plain>
        {WISH_CATEGORY_LABELS[category]}
      </Tag>
    </View>
  )
}
