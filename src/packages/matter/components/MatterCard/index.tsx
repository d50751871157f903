import type { ReactNode } from 'react'
import { Image, View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import { TimeText } from '@/components/TimeText'
import type { Matter } from '@/contract/matter'
import { MATTER_CATEGORY_LABELS } from '@/contract/matter.rules'
import { MatterCategoryIcon, MatterTags } from '../MatterTags'
import './index.scss'

interface MatterCardProps {
  matter: Matter
  onOpen: () => void
  /** Below the tappable part, e.g. 我也遇到. */
  children?: ReactNode
}

/** One matter in a list: what, where, its state, the cover photo and how many also met it. */
export function MatterCard({ matter: m, onOpen, children }: MatterCardProps) {
  const cover = m.photos[0]?.url
  return (
    <View className="card matter-card" data-testid={`matter-card-${m.id}`}>
      <View role="link" {...TAB_STOP} onClick={onOpen}>
        <View className="matter-card__head">
          <MatterCategoryIcon category={m.category} />
          <View className="matter-card__title">
            <View className="matter-card__category">{MATTER_CATEGORY_LABELS[m.category]}</View>
            <View className="muted">
              <TimeText value={m.createdAt} />
            </View>
          </View>
        </View>
        <MatterTags matter={m} testIdPrefix="matter-tag" />
        <View className="matter-card__body">
          <View className="matter-card__content">{m.content}</View>
          {cover && (
            <View className="matter-card__cover">
              <Image
                className="matter-card__img"
                src={cover}
                mode="aspectFill"
                nativeProps={{ alt: '现场照片' }}
              />
              {m.photoCount > 1 && <View className="matter-card__count">共 {m.photoCount} 张</View>}
            </View>
          )}
        </View>
        {m.place && <View className="matter-card__place muted">位置：{m.place}</View>}
        <View className="matter-card__who muted">{reporterLine(m)}</View>
        {(m.seconds > 0 || m.handler) && (
          <View className="matter-card__foot">
            {m.seconds > 0 && (
              <View className="matter-card__seconds" data-testid={`matter-seconds-${m.id}`}>
                {m.seconds} 人也遇到{m.mySecond ? '（含您）' : ''}
              </View>
            )}
            {m.handler && <View className="matter-card__handler">{m.handler} 负责</View>}
          </View>
        )}
      </View>
      {children}
    </View>
  )
}

/** 张* · 1号楼 · 第一网格 (the room only when the server sends it). */
export function reporterLine(m: Matter): string {
  const r = m.reporter
  const place = [r.buildingName, r.room ? `${r.room}室` : ''].filter(Boolean).join(' ')
  return [m.mine ? '我反映的' : r.name, place, m.gridName].filter(Boolean).join(' · ')
}
