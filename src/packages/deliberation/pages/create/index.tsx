import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { DateTimeField } from '@/components/DateTimePick'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { FormNotice } from '@/components/CreateForm'
import { OptionList } from '@/components/OptionList'
import { ScopeField, scopeKey, scopeOf } from '@/components/ScopeField'
import { StaffGate } from '@/components/NoAccess'
import { ErrorState, LoadingState } from '@/components/Status'
import { SubmitBar } from '@/components/SubmitBar'
import { TextBox } from '@/components/TextBox'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { useQuery } from '@/hooks/useQuery'
import { deliberationApi } from '@/services/deliberation'
import { matterApi } from '@/services/matter'
import type { Matter } from '@/contract/matter'
import { MATTER_CATEGORY_LABELS } from '@/contract/matter.rules'
import type { Me } from '@/contract/user'
import type { Topic } from '@/contract/deliberation'
import { checkText } from '@/contract/rules'
import {
  MAX_OPTIONS,
  MIN_OPTIONS,
  TOPIC_CROSS,
  TOPIC_QUORUM,
  TOPIC_RULES,
  VOTE_UNITS,
  VOTE_UNIT_LABELS,
  type VoteUnit,
} from '@/contract/deliberation.rules'
import { DELIBERATION_ROUTES } from '../../routes'
import { whenText } from '../../format'
import './index.scss'

// The committee (its community or any of its grids) or a grid worker (their grids) opens a topic:
// title, background, 2–10 options, the discussion and voting windows, one vote per resident or
// per household, the quorum, the scope. `?from=<id>`: the next round of a topic that ended in a
// tie or without the quorum, filled in from it. `?matter=<id>`: a matter (居民说事) of the
// community turned into a topic (`matter.toDeliberation`), filled in from the matter. Every check
// is the contract's rule data.

interface TopicValues extends Record<string, unknown> {
  title: string
  background: string
  options: string[]
  discussionEndsAt: string
  votingEndsAt: string
  unit: VoteUnit | null
  quorum: number | undefined
  scope: string
}

type Fields = keyof TopicValues & string
const { title, background, discussionEndsAt, votingEndsAt, unit } = TOPIC_RULES
const HOUR = 3_600_000
const DAY = 24 * HOUR
const FIELDS: string[] = [
  'title',
  'background',
  'discussionEndsAt',
  'votingEndsAt',
  'unit',
  'quorum',
]

/** Server fields to where they show: `scope.*` at the scope, `options.2` at the options. */
const fieldOf = (f: string): Fields | null =>
  f.startsWith('scope')
    ? 'scope'
    : f.startsWith('options')
      ? 'options'
      : FIELDS.includes(f)
        ? (f as Fields)
        : null

export default function CreateTopic() {
  const { from, matter } = (useRouter()?.params ?? {}) as { from?: string; matter?: string }
  return (
    <StaffGate
      testId="page-deliberation-create"
      service="发起议题"
      forWhom="社区两委和网格员"
      allowed={(me) => me.can['deliberation.create']}
    >
      {(me) =>
        from ? (
          <FollowUp me={me} from={from} />
        ) : matter ? (
          <FromMatter me={me} id={matter} />
        ) : (
          <TopicForm me={me} />
        )
      }
    </StaffGate>
  )
}

/** The next round starts from the last one's question, options, scope, unit and quorum. */
function FollowUp({ me, from }: { me: Me; from: string }) {
  const previous = useQuery(() => deliberationApi.get(from), [from])
  if (previous.data) return <TopicForm me={me} previous={previous.data} />
  if (previous.error && !previous.loading) {
    return <ErrorState error={previous.error} onRetry={previous.refresh} />
  }
  return <LoadingState />
}

/** A matter becomes a community topic: titled by its category and place, its words the background. */
function FromMatter({ me, id }: { me: Me; id: string }) {
  const matter = useQuery(() => matterApi.get(id), [id])
  if (matter.data) return <TopicForm me={me} matter={matter.data} />
  if (matter.error && !matter.loading) {
    return <ErrorState error={matter.error} onRetry={matter.refresh} />
  }
  return <LoadingState />
}

/** The matter's category and place as the title, its words as the background, its community. */
const fromMatter = (m: Matter) => ({
  title: [MATTER_CATEGORY_LABELS[m.category], m.place]
    .filter(Boolean)
    .join('：')
    .slice(0, title.max.value),
  background: m.content.slice(0, background.max.value),
  scope: scopeKey('community', m.communityId),
})

interface TopicFormProps {
  me: Me
  previous?: Topic
  matter?: Matter
}

function TopicForm({ me, previous, matter }: TopicFormProps) {
  // Defaults: three days of discussion, then four of voting, on the hour. The phone's clock; the
  // server checks again by its own.
  const initial = useMemo<TopicValues>(() => {
    const start = Math.ceil(Date.now() / HOUR) * HOUR
    return {
      ...(matter ? fromMatter(matter) : { title: '', background: '', scope: '' }),
      options: previous?.options ?? ['', ''],
      discussionEndsAt: new Date(start + 3 * DAY).toISOString(),
      votingEndsAt: new Date(start + 7 * DAY).toISOString(),
      unit: previous?.unit ?? null,
      quorum: previous?.quorum ?? 50,
      ...(previous && {
        title: previous.title,
        background: previous.background,
        scope: scopeKey(previous.scope.type, previous.scope.id),
      }),
    }
  }, [previous, matter])
  const form = useForm<TopicValues>(initial, {
    rules: {
      title,
      background,
      discussionEndsAt,
      votingEndsAt,
      unit,
      quorum: TOPIC_QUORUM,
      scope: { required: TOPIC_RULES.scopeId.required, blank: TOPIC_RULES.scopeId.blank },
    },
    cross: TOPIC_CROSS,
    fieldOf,
  })
  const v = form.values
  const [quorumText, setQuorumText] = useState(String(initial.quorum ?? ''))
  const [checked, setChecked] = useState(false)
  const intent = useIntent()
  const optionErrors = v.options.map((o) => checkText(TOPIC_RULES.option, o))

  const setOption = (i: number, text: string) =>
    form.set({ options: v.options.map((o, j) => (j === i ? text : o)) })

  const timeField = (field: 'discussionEndsAt' | 'votingEndsAt', label: string) => (
    <DateTimeField
      name={field}
      label={label}
      value={v[field]}
      error={form.messageOf(field)}
      testId={`deliberation-${field}`}
      onChange={(iso) => {
        form.set({ [field]: iso })
        form.touch(field)
      }}
    />
  )

  const check = () => {
    setChecked(true)
    const passes = form.attempt()
    return passes && !optionErrors.some(Boolean)
  }

  const send = async () => {
    const fields = {
      title: v.title.trim(),
      background: v.background.trim(),
      scope: scopeOf(v.scope),
      options: v.options.map((o) => o.trim()),
      discussionEndsAt: v.discussionEndsAt,
      votingEndsAt: v.votingEndsAt,
      unit: v.unit!,
      quorum: v.quorum!,
    }
    const result = await intent.run<{ id: string }>(async (opts) => {
      if (!matter) {
        return previous
          ? deliberationApi.followUp({ id: previous.id, ...fields }, opts)
          : deliberationApi.create(fields, opts)
      }
      // The matter answers with its deliberation: the topic just opened.
      const sent = await matterApi.toDeliberation({ id: matter.id, ...fields }, opts)
      return sent.ok ? { ok: true as const, data: { id: sent.data.deliberation?.id ?? '' } } : sent
    })
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    toast(previous ? '下一轮议题已发起' : matter ? '已转为居民议事' : '议题已发起')
    void Taro.redirectTo({ url: DELIBERATION_ROUTES.detail(result.data.id) })
  }

  return (
    <>
      <FormNotice>
        {previous
          ? `「${previous.title}」没有形成决议。发起下一轮，居民重新讨论和投票，两轮议题互相关联。`
          : '先讨论、再投票：讨论截止后自动开始投票，投票名单在那一刻确定；无记名投票，结果在投票结束后公布。'}
      </FormNotice>

      <View className="card">
        <Field label="议题标题" name="title" error={form.messageOf('title')}>
          <TextInput
            testId="deliberation-title-input"
            value={v.title}
            maxLength={title.max.value}
            placeholder="如：3号楼是否加装电梯"
            onChange={(t) => form.set({ title: t })}
            onBlur={() => form.touch('title')}
          />
        </Field>
        <Field label="议题背景" name="background" error={form.messageOf('background')}>
          <TextBox
            testId="deliberation-background-input"
            tall
            value={v.background}
            maxLength={background.max.value}
            placeholder="为什么要商量这件事、有哪些情况大家需要知道"
            onChange={(b) => form.set({ background: b })}
            onBlur={() => form.touch('background')}
          />
        </Field>
      </View>

      <View className="card">
        <Field
          label={`投票选项（${MIN_OPTIONS}–${MAX_OPTIONS} 个）`}
          name="options"
          error={form.messageOf('options')}
        >
          {v.options.map((o, i) => (
            <View key={i} className="topic-form__option">
              <View className="topic-form__option-input">
                <TextInput
                  testId={`deliberation-option-input-${i}`}
                  value={o}
                  maxLength={TOPIC_RULES.option.max.value}
                  placeholder={`选项 ${i + 1}`}
                  onChange={(text) => setOption(i, text)}
                />
                {(checked || [...o.trim()].length > TOPIC_RULES.option.max.value) &&
                  optionErrors[i] && (
                    <View
                      className="topic-form__option-error error-text"
                      data-testid={`deliberation-option-error-${i}`}
                    >
                      {optionErrors[i]}
                    </View>
                  )}
              </View>
              {v.options.length > MIN_OPTIONS && (
                <Button
                  testId={`deliberation-option-remove-${i}`}
                  onClick={() => form.set({ options: v.options.filter((_, j) => j !== i) })}
                >
                  删除
                </Button>
              )}
            </View>
          ))}
          {v.options.length < MAX_OPTIONS && (
            <Button
              block
              testId="deliberation-option-add"
              onClick={() => form.set({ options: [...v.options, ''] })}
            >
              添加选项
            </Button>
          )}
        </Field>
      </View>

      <View className="card">
        {timeField('discussionEndsAt', '讨论截止')}
        {timeField('votingEndsAt', '投票截止')}
      </View>

      <View className="card">
        <Field label="投票方式" name="unit" error={form.messageOf('unit')}>
          <OptionList
            label="投票方式"
            options={VOTE_UNITS.map((u) => ({
              id: u,
              label: VOTE_UNIT_LABELS[u],
              hint: u === 'household' ? '同一楼栋同一房号算一户' : '每位已认证居民都能投',
            }))}
            value={v.unit}
            onChange={(u) => form.set({ unit: u as VoteUnit })}
            testIdPrefix="deliberation-unit-"
          />
        </Field>
        <Field
          label="参与率要求（%）"
          name="quorum"
          error={form.messageOf('quorum')}
          hint="投票的人数（户数）占名单的比例达到它，结果才有效；0 为不设要求"
        >
          <TextInput
            testId="deliberation-quorum-input"
            type="number"
            value={quorumText}
            placeholder="0–100"
            onChange={(text) => {
              setQuorumText(text)
              form.set({ quorum: text.trim() ? Number(text) : undefined })
            }}
            onBlur={() => form.touch('quorum')}
          />
        </Field>
      </View>

      <View className="card">
        <ScopeField
          me={me}
          label="议题范围"
          hint="网格议题由该网格居民讨论投票，社区议题全社区居民都能参与"
          error={form.messageOf('scope')}
          value={v.scope}
          onChange={(scope) => form.set({ scope })}
          testIdPrefix="deliberation-scope-"
        />
      </View>

      <SubmitBar
        error={form.formError}
        testId="deliberation-submit"
        busy={intent.busy}
        text={previous ? '发起下一轮' : '发起议题'}
        check={check}
        fixHint="请按红色提示修改后再发起"
        confirm={{
          title: previous ? '确认发起下一轮' : '确认发起议题',
          okText: '发起',
          body: (
            <View data-testid="deliberation-create-confirm">
              <View>「{v.title.trim()}」</View>
              <View>
                {v.options.length} 个选项 · {v.unit ? VOTE_UNIT_LABELS[v.unit] : ''} · 参与率要求{' '}
                {v.quorum}%
              </View>
              <View>讨论截止 {whenText(v.discussionEndsAt)}</View>
              <View>投票截止 {whenText(v.votingEndsAt)}</View>
              <View className="muted">发起后选项和时间不能修改。</View>
            </View>
          ),
        }}
        onSubmit={send}
      />
    </>
  )
}
