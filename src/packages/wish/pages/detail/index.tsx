import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { WISH_ROUTES } from '../../routes'
import {
  DetailScreen,
  NextSteps,
  NoteBlock,
  PersonRows,
  RatingRows,
  Timeline,
} from '@/components/Detail'
import { TimeText } from '@/components/TimeText'
import { wishApi } from '@/services/wish'
import type { Wish } from '@/contract/wish'
import { WISH_AUTO_CONFIRM_DAYS } from '@/contract/wish.rules'
import { WishActions } from '../../components/WishActions'
import { WishCategoryTag, WishStatusTag } from '../../components/WishTags'
import { helperName } from '../../components/WishCard'
import './index.scss'

// One wish: everything the server lets this viewer see, what happened to it, and the buttons
// its `can` allows. After an action the page shows the wish the server returned.

export default function WishDetail() {
  const params = (useRouter()?.params ?? {}) as { id?: string; posted?: string }
  return (
    <DetailScreen
      testId="page-wish-detail"
      id={params.id ?? ''}
      emptyText="没有找到这个心愿"
      load={(id) => wishApi.get(id)}
    >
      {(wish, setWish, refresh) => (
        <>
          {params.posted && <PostedSteps />}
          <Summary wish={wish} />
          <People wish={wish} />
          <Outcome wish={wish} />
          <Helper wish={wish} />
          <Timeline title="心愿进展" entries={wish.timeline} testId="wish-timeline" />
          <View className="actions">
            <WishActions wish={wish} onChanged={setWish} onStale={refresh} />
          </View>
        </>
      )}
    </DetailScreen>
  )
}

/** Just posted: where to go from here. */
function PostedSteps() {
  return (
    <NextSteps
      testId="wish-next-steps"
      title="心愿已提交"
      links={[
        { label: '查看我的心愿', testId: 'next-mine', url: WISH_ROUTES.mine },
        { label: '去心愿墙', testId: 'next-wall', url: WISH_ROUTES.wall },
      ]}
    >
      网格员审核通过后，邻居们就能看到并认领。有进展会通知您。
    </NextSteps>
  )
}

function Summary({ wish: w }: { wish: Wish }) {
  return (
    <View className="card">
      <View className="detail__tags">
        <WishCategoryTag category={w.category} />
        <WishStatusTag status={w.status} testId="wish-status" />
      </View>
      <View className="detail__title" data-testid="wish-detail-title">
        {w.title}
      </View>
      <View className="detail__content">{w.content}</View>
      <View className="detail__meta muted">
        {w.gridName} · 发布于 <TimeText value={w.createdAt} />
        {w.filedByGridWorker ? ' · 网格员代登记' : ''}
      </View>
    </View>
  )
}

function People({ wish: w }: { wish: Wish }) {
  return (
    <View className="card" data-testid="wish-people">
      <View className="card__title">发布人</View>
      <PersonRows person={w.author} testIdPrefix="wish-author" />
      {!w.author.phone && (
        <View className="muted" data-testid="wish-contact-hidden">
          为保护隐私，联系方式仅认领人和网格员可见。
        </View>
      )}

      {w.claimer && (
        <>
          <View className="card__title detail__meta">认领人</View>
          <PersonRows person={w.claimer} testIdPrefix="wish-claimer" />
        </>
      )}
    </View>
  )
}

/** Why it was refused or released, how it was fulfilled, the rating and thanks. */
function Outcome({ wish: w }: { wish: Wish }) {
  const waitingForMe = w.status === 'fulfilled' && w.can.confirm
  const anything =
    w.rejectReason || w.releaseReason || w.fulfillNote || w.rating || w.thanks || waitingForMe
  if (!anything) return null
  return (
    <View className="card" data-testid="wish-outcome">
      {w.rejectReason && (
        <NoteBlock
          label="未通过原因"
          tone="bad"
          testId="wish-reject-reason"
          text={w.rejectReason}
        />
      )}
      {w.releaseReason && w.status !== 'done' && (
        <NoteBlock
          label="上一位认领人放弃的原因"
          testId="wish-release-reason"
          text={w.releaseReason}
        />
      )}
      {w.fulfillNote && (
        <NoteBlock label="完成说明" testId="wish-fulfill-note" text={w.fulfillNote} />
      )}
      {waitingForMe && (
        <View className="detail__hint" data-testid="wish-confirm-hint">
          认领人说心愿已经完成了，请确认并送上感谢。{WISH_AUTO_CONFIRM_DAYS}{' '}
          天内未确认的，将自动确认。
        </View>
      )}
      <RatingRows rating={w.rating} text={w.thanks} prefix="wish" name="thanks" label="感谢的话" />
    </View>
  )
}

/** A lit wish of the viewer's: who helped, by the name they chose. */
function Helper({ wish: w }: { wish: Wish }) {
  if (w.status !== 'done' || !w.mine || !w.claimer) return null
  return (
    <View className="card wish-detail__helper" data-testid="wish-helper">
      帮您点亮心愿的邻居：{helperName(w.claimer)}
    </View>
  )
}
