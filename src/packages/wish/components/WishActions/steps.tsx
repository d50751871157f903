import type { StepTable } from '@/components/ItemActions'
import { optionalText as optional, ratingDialog, textDialog } from '@/components/ItemActions'
import type { Wish } from '@/contract/wish'
import { WISH_RATING, WISH_REVIEW_CROSS, WISH_STEP_RULES as RULES } from '@/contract/wish.rules'
import { wishApi } from '@/services/wish'
import { askToSubscribe } from '../../subscribe'

// The buttons a wish can show and what each one sends. Whether a button shows comes from the
// server's `can` only; review is one permission with two buttons.

export type WishStep = 'claim' | 'release' | 'fulfill' | 'confirm' | 'cancel' | 'approve' | 'reject'

export interface StepInput extends Record<string, unknown> {
  /** Fixed per step (false for reject), for the rules between fields. */
  approve: boolean
  reason: string
  note: string
  rating: number | null
  thanks: string
}

export const EMPTY: StepInput = { approve: false, reason: '', note: '', rating: 5, thanks: '' }

export const STEPS: StepTable<WishStep, Wish, StepInput> = {
  claim: {
    can: 'claim',
    button: '认领',
    kind: 'primary',
    title: '认领心愿',
    ok: '确认认领',
    done: '认领成功，请尽快联系发布人',
    text: (w) => (
      <>
        认领「{w.title}
        」后，发布人和网格员会看到您的姓名和电话。请尽快联系发布人，帮忙实现心愿。
      </>
    ),
    before: () => askToSubscribe('claim'),
    send: (id, _in, opts) => wishApi.claim(id, opts),
  },
  fulfill: {
    can: 'fulfill',
    button: '已完成',
    kind: 'primary',
    title: '心愿已完成',
    ok: '确认完成',
    done: '已告诉发布人，等待确认',
    text: () => '已经帮发布人实现了这个心愿？发布人确认后，心愿就点亮了。',
    ...textDialog(
      {
        name: 'note',
        label: '完成说明（选填）',
        testId: 'wish-note',
        placeholder: '如：已送到家中',
        rule: RULES.note,
      },
      (id, note, opts) => wishApi.fulfill({ id, ...optional('note', note) }, opts)
    ),
  },
  confirm: {
    can: 'confirm',
    button: '确认并致谢',
    kind: 'primary',
    title: '确认心愿已实现',
    ok: '确认并致谢',
    done: '心愿已点亮，谢谢您的反馈',
    text: () => '心愿已经实现了吗？给这次帮助打个分吧。',
    ...ratingDialog({
      stars: 'wish-rating-',
      rating: WISH_RATING,
      comment: {
        name: 'thanks',
        label: '感谢的话（选填）',
        testId: 'wish-thanks',
        hint: '会显示在心愿墙上',
        placeholder: '如：谢谢小赵，帮了大忙！',
        rule: RULES.thanks,
      },
      call: (id, rating, thanks, opts) =>
        wishApi.confirm({ id, rating, ...optional('thanks', thanks) }, opts),
    }),
    before: () => askToSubscribe('confirm'),
  },
  approve: {
    can: 'review',
    button: '审核通过',
    testId: 'review-approve',
    kind: 'primary',
    title: '审核通过',
    ok: '确认通过',
    done: '已通过，心愿已发布',
    text: (w) => <>通过后，「{w.title}」会发布到社区，志愿者就可以认领了。</>,
    send: (id, _in, opts) => wishApi.review({ id, approve: true }, opts),
  },
  reject: {
    can: 'review',
    button: '不通过',
    testId: 'review-reject',
    kind: 'default',
    title: '审核不通过',
    ok: '确认不通过',
    done: '已标记为不通过',
    text: () => '发布人会看到不通过的原因，可以修改后重新发布。',
    ...textDialog(
      {
        name: 'reason',
        label: '不通过的原因',
        testId: 'wish-reason',
        placeholder: '如：请写清楚需要帮什么忙',
        rule: RULES.reviewReason,
      },
      (id, reason, opts) => wishApi.review({ id, approve: false, reason }, opts)
    ),
    cross: WISH_REVIEW_CROSS,
  },
  release: {
    can: 'release',
    button: '放弃认领',
    kind: 'default',
    title: '放弃认领',
    ok: '确认放弃',
    done: '已放弃认领，心愿重新等待认领',
    text: () => '放弃后，心愿会重新等待其他志愿者认领。',
    ...textDialog(
      {
        name: 'reason',
        label: '放弃原因',
        testId: 'wish-reason',
        placeholder: '如：临时有事，无法按时帮忙',
        rule: RULES.releaseReason,
      },
      (id, reason, opts) => wishApi.release({ id, reason }, opts)
    ),
  },
  cancel: {
    can: 'cancel',
    button: '取消心愿',
    kind: 'danger',
    title: '取消心愿',
    ok: '确认取消',
    done: '心愿已取消',
    text: (w) => (
      <>
        确定取消「{w.title}」吗？取消后不能恢复{w.claimer ? '，认领人也不用再帮忙了' : ''}。
      </>
    ),
    send: (id, _in, opts) => wishApi.cancel(id, opts),
  },
}

/** Button order: the step that moves the wish forward first, the way out last. */
export const ALL_STEPS: WishStep[] = [
  'claim',
  'fulfill',
  'confirm',
  'approve',
  'reject',
  'release',
  'cancel',
]
