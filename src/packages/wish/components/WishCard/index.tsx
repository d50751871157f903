import type { ReactNode } from 'react'
import { TAB_STOP } from '@/components/a11y'
import { View } from '@tarojs/components'
import { TimeText } from '@/components/TimeText'
import type { Wish } from '@/contract/wish'
import { WishCategoryTag, WishStatusTag } from '../WishTags'
import './index.scss'

interface WishCardProps {
  wish: Wish
  onOpen: () => void
  /** The whole text instead of a two-line teaser (the review queue). */
  full?: boolean
  /** Below the tappable part, e.g. the review buttons. */
  children?: ReactNode
}

/** One wish in a list: category, status, title, who wished it (as the server sends it), when. */
export function WishCard({ wish: w, onOpen, full, children }: WishCardProps) {
  return (
    <View className="card wish-card" data-testid={`wish-card-${w.id}`}>
      <View role="link" {...TAB_STOP} onClick={onOpen}>
        <View className="wish-card__head">
          <WishCategoryTag category={w.category} />
          <WishStatusTag status={w.status} testId="wish-card-status" />
          <View className="wish-card__time muted">
            <TimeText value={w.createdAt} />
          </View>
        </View>
        <View className="wish-card__title">{w.title}</View>
        <View className={`wish-card__content${full ? '' : ' wish-card__content--short'}`}>
          {w.content}
        </View>
        <View className="wish-card__who muted">{authorLine(w)}</View>
        {w.claimer && w.status === 'claimed' && (
          <View className="wish-card__claimer">{helperName(w.claimer)} 已认领，正在帮忙</View>
        )}
        {w.claimer && w.status === 'fulfilled' && (
          <View className="wish-card__claimer">
            {helperName(w.claimer)} 说已经帮完了，等待发布人确认
          </View>
        )}
        {w.thanks && <View className="wish-card__thanks">“{w.thanks}”</View>}
      </View>
      {children}
    </View>
  )
}

/** How a helper is named: the nickname they chose, with the name as the server shows it. */
export function helperName(p: { nickname: string; name: string }): string {
  return p.nickname && p.nickname !== p.name ? `${p.nickname}（${p.name}）` : p.name
}

/** 张* · 1号楼 · 网格员代登记 (the room only when the server sends it). */
export function authorLine(w: Wish): string {
  const place = [w.author.buildingName, w.author.room ? `${w.author.room}室` : '']
    .filter(Boolean)
    .join(' ')
  return [w.author.name, place, w.filedByGridWorker ? '网格员代登记' : '']
    .filter(Boolean)
    .join(' · ')
}
