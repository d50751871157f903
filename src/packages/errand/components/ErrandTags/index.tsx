import { View } from '@tarojs/components'
import { Tag, type TagTone } from '@/components/Tag'
import {
  ERRAND_LEVEL_LABELS,
  ERRAND_STATUS_LABELS,
  type ErrandLevel,
  type ErrandStatus,
  type ErrandType,
} from '@/contract/errand.rules'
import type { Errand } from '@/contract/errand'
import './index.scss'

const STATUS_TONE: Record<ErrandStatus, TagTone> = {
  requested: 'primary',
  accepted: 'primary',
  completed: 'warning',
  closed: 'success',
  cancelled: 'default',
  expired: 'default',
}

const LEVEL_TONE: Record<ErrandLevel, TagTone> = {
  grid: 'default',
  community: 'warning',
  committee: 'danger',
}

/** One character standing for each type, drawn as a round icon. */
const TYPE_ICONS: Record<ErrandType, string> = {
  bill: '缴',
  medicine: '药',
  shopping: '菜',
  certificate: '证',
  parcel: '递',
  escort: '医',
  other: '办',
  help: '急',
}

export function ErrandTypeIcon({ type }: { type: ErrandType }) {
  return (
    <View className={`errand-icon errand-icon--${type}`} aria-hidden>
      {TYPE_ICONS[type]}
    </View>
  )
}

/** 待接单 / 办理中 / … — the exact label text (e2e tests read it). */
export function ErrandStatusTag({ status, testId }: { status: ErrandStatus; testId?: string }) {
  return (
    <View className="errand-tag" data-testid={testId} data-status={status}>
      <Tag tone={STATUS_TONE[status]}>{ERRAND_STATUS_LABELS[status]}</Tag>
    </View>
  )
}

/** 网格 / 社区 / 两委: whose pool the errand is in now. */
export function ErrandLevelTag({ level, testId }: { level: ErrandLevel; testId?: string }) {
  return (
    <View className="errand-tag" data-testid={testId} data-level={level}>
      <Tag tone={LEVEL_TONE[level]}>{ERRAND_LEVEL_LABELS[level]}</Tag>
    </View>
  )
}

/** Status, level, and 紧急 / 超时 when they apply: `<prefix>-status`, `-level`, … */
export function ErrandTags({ errand: e, testIdPrefix }: { errand: Errand; testIdPrefix: string }) {
  return (
    <View className="errand-tags">
      <ErrandStatusTag status={e.status} testId={`${testIdPrefix}-status`} />
      <ErrandLevelTag level={e.level} testId={`${testIdPrefix}-level`} />
      {e.urgent && (
        <View className="errand-tag" data-testid={`${testIdPrefix}-urgent`}>
          <Tag tone="danger">紧急</Tag>
        </View>
      )}
      {e.overdue && (
        <View className="errand-tag" data-testid={`${testIdPrefix}-overdue`}>
          <Tag tone="danger">超时</Tag>
        </View>
      )}
    </View>
  )
}
