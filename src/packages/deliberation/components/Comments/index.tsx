import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Field } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { ItemActions, type StepTable } from '@/components/ItemActions'
import { PagedList } from '@/components/PagedList'
import { EmptyState } from '@/components/Status'
import { TextBox } from '@/components/TextBox'
import { TimeText } from '@/components/TimeText'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { usePaged } from '@/hooks/usePaged'
import type { Topic, TopicComment } from '@/contract/deliberation'
import { DELIBERATION_RULES, REPORTS_TO_HIDE } from '@/contract/deliberation.rules'
import { deliberationApi } from '@/services/deliberation'
import { askToSubscribe } from '../../subscribe'
import './index.scss'

// The discussion of a topic: the comment box (when `can.comment`), then the comments, newest
// first, each with the buttons its `can` allows: 举报 (confirmed), 隐藏 with a reason, 恢复.

type CommentStep = 'report' | 'hide' | 'restore'

interface StepInput extends Record<string, unknown> {
  reason: string
}

const STEPS: StepTable<CommentStep, TopicComment, StepInput> = {
  report: {
    can: 'report',
    button: '举报',
    kind: 'default',
    title: '举报这条评论',
    ok: '确认举报',
    done: '已举报，谢谢您的提醒',
    text: () =>
      `评论有不文明、不实或泄露他人隐私的内容？${REPORTS_TO_HIDE} 位居民举报后，评论会先隐藏，由社区处理。每人只能举报一次。`,
    send: (id, _in, opts) => deliberationApi.reportComment(id, opts),
  },
  hide: {
    can: 'hide',
    button: '隐藏',
    kind: 'danger',
    title: '隐藏评论',
    ok: '确认隐藏',
    done: '评论已隐藏',
    text: () => '隐藏后，居民看到的是“该评论已被隐藏”和您写的原因。',
    fields: [
      {
        name: 'reason',
        label: '隐藏原因',
        testId: 'comment-hide-reason',
        placeholder: '如：含有人身攻击',
      },
    ],
    rules: { reason: DELIBERATION_RULES.hideReason },
    send: (id, input, opts) =>
      deliberationApi.hideComment({ commentId: id, reason: input.reason.trim() }, opts),
  },
  restore: {
    can: 'restore',
    button: '恢复',
    kind: 'default',
    title: '恢复评论',
    ok: '确认恢复',
    done: '评论已恢复',
    text: () => '恢复后，所有人都能再次看到这条评论。',
    send: (id, _in, opts) => deliberationApi.restoreComment(id, opts),
  },
}

const ORDER: CommentStep[] = ['report', 'hide', 'restore']

/** What a hidden comment says in place of its text (the text itself only for staff). */
export const hiddenText = (c: TopicComment): string => `该评论已被隐藏：${c.hiddenReason ?? ''}`

export function Comments({ topic }: { topic: Topic }) {
  const list = usePaged((page) => deliberationApi.listComments({ id: topic.id, ...page }))
  // Comments changed or added here since the list loaded (the list reloads on refresh).
  const [changed, setChanged] = useState<Record<string, TopicComment>>({})
  const [added, setAdded] = useState<TopicComment[]>([])
  const replace = (c: TopicComment) => setChanged((prev) => ({ ...prev, [c.id]: c }))
  const fresh = added.filter((a) => !list.items.some((c) => c.id === a.id))
  const items = [...fresh, ...list.items].map((c) => changed[c.id] ?? c)

  return (
    <View className="card" data-testid="deliberation-discussion">
      <View className="card__title">大家的讨论（{topic.commentCount + fresh.length}）</View>
      {topic.can.comment && (
        <CommentBox topic={topic} onSent={(c) => setAdded((prev) => [c, ...prev])} />
      )}
      <PagedList
        list={{ ...list, items }}
        testId="deliberation-comments"
        empty={
          <EmptyState text="还没有人发表看法">
            <View className="state__text">说说您的想法，大家商量着办。</View>
          </EmptyState>
        }
      >
        {(c) => <CommentRow comment={c} onChanged={replace} onStale={() => void list.refresh()} />}
      </PagedList>
    </View>
  )
}

function CommentRow({
  comment: c,
  onChanged,
  onStale,
}: {
  comment: TopicComment
  onChanged: (c: TopicComment) => void
  onStale: () => void
}) {
  return (
    <View className="comment" data-testid={`comment-${c.id}`}>
      <View className="comment__head">
        <View className="comment__author">
          {c.author}
          {c.mine ? '（我）' : ''}
        </View>
        <View className="muted">
          <TimeText value={c.createdAt} />
        </View>
      </View>
      {c.hidden && (
        <View className="comment__hidden" data-testid="comment-hidden">
          {hiddenText(c)}
        </View>
      )}
      {c.content !== null && (
        <View className={`comment__text${c.hidden ? ' muted' : ''}`} data-testid="comment-text">
          {c.hidden ? `（仅工作人员可见）${c.content}` : c.content}
        </View>
      )}
      {c.reportCount !== null && c.reportCount > 0 && (
        <View className="comment__reports" data-testid="comment-reports">
          {c.reportCount} 人举报{c.awaitingReview ? '，等待处理' : ''}
        </View>
      )}
      {c.myReport && !c.hidden && <View className="muted">您已举报</View>}
      <ItemActions
        item={c}
        table={STEPS}
        order={ORDER}
        empty={{ reason: '' }}
        prefix="comment"
        onChanged={onChanged}
        onStale={onStale}
      />
    </View>
  )
}

function CommentBox({ topic, onSent }: { topic: Topic; onSent: (comment: TopicComment) => void }) {
  const form = useForm({ content: '' }, { rules: { content: DELIBERATION_RULES.comment } })
  const intent = useIntent()
  const send = async () => {
    if (intent.busy || !form.attempt()) return
    // WeChat only asks from a tap: before the request.
    await askToSubscribe(topic.phase === 'discussion' ? 'discussion' : 'voting')
    const result = await intent.run((opts) =>
      deliberationApi.comment({ id: topic.id, content: form.values.content.trim() }, opts)
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    toast('评论已发表')
    form.set({ content: '' })
    onSent(result.data)
  }
  return (
    <View className="comment-box">
      <Field label="我的看法" name="content" error={form.messageOf('content')}>
        <TextBox
          testId="deliberation-comment-input"
          value={form.values.content}
          maxLength={DELIBERATION_RULES.comment.max.value}
          placeholder="文明发言，就事论事"
          onChange={(content) => form.set({ content })}
        />
      </Field>
      <Button
        kind="primary"
        block
        loading={intent.busy}
        testId="deliberation-comment-submit"
        onClick={() => void send()}
      >
        发表看法
      </Button>
    </View>
  )
}
