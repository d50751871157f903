import type { ReactNode } from 'react'
import { TAB_STOP } from '@/components/a11y'
import { View } from '@tarojs/components'
import type { Errand } from '@/contract/errand'
import { ERRAND_TYPE_LABELS } from '@/contract/errand.rules'
import { ErrandTags, ErrandTypeIcon } from '../ErrandTags'
import { whenText } from '../../dates'
import './index.scss'

interface ErrandCardProps {
  errand: Errand
  onOpen: () => void
  /** Below the tappable part, e.g. 接单. */
  children?: ReactNode
}

/** One errand in a list: type, status, level, when, what, for whom (as the server sends it). */
export function ErrandCard({ errand: e, onOpen, children }: ErrandCardProps) {
  return (
    <View className="card errand-card" data-testid={`errand-card-${e.id}`}>
      <View role="link" {...TAB_STOP} onClick={onOpen}>
        <View className="errand-card__head">
          <ErrandTypeIcon type={e.type} />
          <View className="errand-card__title">
            <View className="errand-card__type">{ERRAND_TYPE_LABELS[e.type]}</View>
            <View className="errand-card__when">{whenText(e.date, e.slot, Date.now())}</View>
          </View>
        </View>
        <ErrandTags errand={e} testIdPrefix="errand-tag" />
        {e.detail && <View className="errand-card__detail">{e.detail}</View>}
        <View className="errand-card__who muted">{bookerLine(e)}</View>
        {e.agent && (e.status === 'accepted' || e.status === 'completed') && (
          <View className="errand-card__agent">
            红色代办员 {agentName(e.agent)}
            {e.status === 'accepted' ? ' 正在办理' : ' 已办结，等待销单'}
          </View>
        )}
      </View>
      {children}
    </View>
  )
}

/** How an agent is named: the nickname they chose, with the name as the server shows it. */
export function agentName(p: { nickname: string; name: string }): string {
  return p.nickname && p.nickname !== p.name ? `${p.nickname}（${p.name}）` : p.name
}

/** 张* · 1号楼 101室 · 第一网格 · 网格员代预约 (the room only when the server sends it). */
export function bookerLine(e: Errand): string {
  const b = e.booker
  const place = [b.buildingName, b.room ? `${b.room}室` : ''].filter(Boolean).join(' ')
  return [b.name, place, e.gridName, e.filedByGridWorker ? '网格员代预约' : '']
    .filter(Boolean)
    .join(' · ')
}
