import { View } from '@tarojs/components'
import { Tag, type TagTone } from '@/components/Tag'
import {
  MATTER_LEVEL_LABELS,
  MATTER_STATUS_LABELS,
  type MatterCategory,
  type MatterLevel,
  type MatterStatus,
} from '@/contract/matter.rules'
import type { Matter } from '@/contract/matter'
import './index.scss'

const STATUS_TONE: Record<MatterStatus, TagTone> = {
  reported: 'primary',
  handling: 'primary',
  resolved: 'warning',
  closed: 'success',
  deliberating: 'warning',
  withdrawn: 'default',
}

const LEVEL_TONE: Record<MatterLevel, TagTone> = {
  grid: 'default',
  community: 'warning',
}

/** One character standing for each category, drawn as a round icon. */
const CATEGORY_ICONS: Record<MatterCategory, string> = {
  environment: '洁',
  facility: '修',
  safety: '安',
  neighbour: '邻',
  property: '物',
  parking: '车',
  suggestion: '议',
  other: '说',
}

export function MatterCategoryIcon({ category }: { category: MatterCategory }) {
  return (
    <View className={`matter-icon matter-icon--${category}`} aria-hidden>
      {CATEGORY_ICONS[category]}
    </View>
  )
}

/** Status, level, and 超时 when it applies: `<prefix>-status`, `-level`, `-overdue` (exact labels). */
export function MatterTags({ matter: m, testIdPrefix }: { matter: Matter; testIdPrefix: string }) {
  return (
    <View className="matter-tags">
      <View className="matter-tag" data-testid={`${testIdPrefix}-status`} data-status={m.status}>
        <Tag tone={STATUS_TONE[m.status]}>{MATTER_STATUS_LABELS[m.status]}</Tag>
      </View>
      <View className="matter-tag" data-testid={`${testIdPrefix}-level`} data-level={m.level}>
        <Tag tone={LEVEL_TONE[m.level]}>{MATTER_LEVEL_LABELS[m.level]}</Tag>
      </View>
      {m.overdue && (
        <View className="matter-tag" data-testid={`${testIdPrefix}-overdue`}>
          <Tag tone="danger">超时</Tag>
        </View>
      )}
    </View>
  )
}
