import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TAB_STOP } from '@/components/a11y'
import { AccessHint } from '@/components/AccessHint'
import { Button } from '@/components/Button'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { SubmitBar } from '@/components/SubmitBar'
import { Toggle } from '@/components/Toggle'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { useMe } from '@/hooks/useMe'
import { useQuery } from '@/hooks/useQuery'
import { volunteerApi } from '@/services/volunteer'
import { checkText } from '@/contract/rules'
import type { Me } from '@/contract/user'
import type { VolunteerApplication } from '@/contract/volunteer'
import {
  APPLICATION_STATUS_LABELS,
  REGISTER_CROSS,
  REGISTER_RULES,
} from '@/contract/volunteer.rules'
import { VOLUNTEER_ROUTES } from '../../routes'
import { askToSubscribe } from '../../subscribe'
import './index.scss'

// A verified resident applies to be a volunteer: 1–5 skills, party membership and, for a working
// party member, the unit they report from (在职党员双报到). The committee reviews it.

interface ApplyValues extends Record<string, unknown> {
  skills: string[]
  partyMember: boolean
  workUnit: string
}

const MAX_SKILLS = REGISTER_CROSS.find((r) => r.kind === 'list')?.max ?? 5
const SUGGESTED = ['陪伴老人', '理发', '维修', '文艺演出', '环境整治', '医疗健康', '法律咨询']

export default function VolunteerApply() {
  const { me, loading, error, refresh } = useMe()
  // Where the caller's application stands, on any later visit (null before they applied).
  const mine = useQuery(() => volunteerApi.myApplication(), [], { enabled: !!me })
  const [sent, setSent] = useState<VolunteerApplication | null>(null)
  const [again, setAgain] = useState(false)
  const body = () => {
    if (!me)
      return error && !loading ? <ErrorState error={error} onRetry={refresh} /> : <LoadingState />
    if (sent) return <Applied application={sent} />
    if (mine.error && !mine.data) return <ErrorState error={mine.error} onRetry={mine.refresh} />
    if (mine.data === undefined) return <LoadingState />
    return (
      <Standing
        me={me}
        application={mine.data}
        again={again}
        onApplyAgain={() => setAgain(true)}
        onSent={setSent}
      />
    )
  }
  return <Screen testId="page-volunteer-apply">{body()}</Screen>
}

/** What the page offers, from the viewer's abilities and their application (null: none yet). */
function Standing({
  me,
  application,
  again,
  onApplyAgain,
  onSent,
}: {
  me: Me
  application: VolunteerApplication | null
  again: boolean
  onApplyAgain: () => void
  onSent: (a: VolunteerApplication) => void
}) {
  const approved = application?.status === 'approved'
  if (me.can['volunteer.signup'] || approved) return <AlreadyVolunteer approved={approved} />
  const canApply = !!me.can['volunteer.register']
  if (application?.status === 'rejected' && canApply && again)
    return <ApplyForm from={application} onSent={onSent} />
  if (application)
    return <Applied application={application} onApplyAgain={canApply ? onApplyAgain : undefined} />
  if (canApply) return <ApplyForm onSent={onSent} />
  if (me.can['volunteer.record']) return <UnderReview />
  return <AccessHint bindStatus={me.bindStatus} service="志愿服务" />
}

function AlreadyVolunteer({ approved }: { approved: boolean }) {
  return (
    <EmptyState text="您已是志愿者">
      <View className="state__text" data-testid="apply-approved">
        {approved ? '您的申请已通过。' : ''}去看看近期有哪些志愿活动吧。
      </View>
      <Button
        className="state__action"
        kind="primary"
        testId="apply-go-list"
        onClick={() => void Taro.redirectTo({ url: VOLUNTEER_ROUTES.list })}
      >
        查看志愿活动
      </Button>
    </EmptyState>
  )
}

function UnderReview() {
  return (
    <EmptyState text="您的申请正在审核中">
      <View className="state__text" data-testid="apply-pending">
        社区两委审核后会通知您，通过后就可以报名志愿活动。
      </View>
    </EmptyState>
  )
}

/** An application sent: where it stands, why it was refused, and the way on. */
function Applied({
  application: a,
  onApplyAgain,
}: {
  application: VolunteerApplication
  onApplyAgain?: () => void
}) {
  return (
    <View className="card" data-testid="apply-status">
      <View className="card__title">申请状态：{APPLICATION_STATUS_LABELS[a.status]}</View>
      {a.status === 'pending' && (
        <View className="muted" data-testid="apply-pending">
          已提交，社区两委审核后会通知您。通过后就可以报名志愿活动。
        </View>
      )}
      {a.status === 'rejected' && a.reason && (
        <View className="error-text" data-testid="apply-reason">
          未通过的原因：{a.reason}
        </View>
      )}
      <View className="muted apply__skills">特长：{a.skills.join('、')}</View>
      {a.status === 'rejected' && onApplyAgain ? (
        <Button
          className="apply__next"
          kind="primary"
          block
          testId="apply-again"
          onClick={onApplyAgain}
        >
          修改后重新申请
        </Button>
      ) : (
        <Button
          className="apply__next"
          kind="primary"
          block
          testId="apply-done"
          onClick={() => void Taro.redirectTo({ url: VOLUNTEER_ROUTES.list })}
        >
          返回志愿服务
        </Button>
      )}
    </View>
  )
}

function ApplyForm({
  from,
  onSent,
}: {
  /** A refused application: the form starts from what it said. */
  from?: VolunteerApplication
  onSent: (a: VolunteerApplication) => void
}) {
  const form = useForm<ApplyValues>(
    {
      skills: from?.skills ?? [],
      partyMember: from?.partyMember ?? false,
      workUnit: from?.workUnit ?? '',
    },
    { rules: { workUnit: REGISTER_RULES.workUnit }, cross: REGISTER_CROSS }
  )
  const v = form.values
  const [draft, setDraft] = useState('')
  const [draftError, setDraftError] = useState<string | null>(null)
  const intent = useIntent()

  const add = (raw: string) => {
    const skill = raw.trim()
    const problem =
      checkText(REGISTER_RULES.skill, skill) ??
      (v.skills.includes(skill) ? '特长不能重复' : undefined) ??
      (v.skills.length >= MAX_SKILLS ? `最多填写 ${MAX_SKILLS} 项特长` : undefined)
    if (problem) return setDraftError(problem)
    setDraftError(null)
    setDraft('')
    form.set({ skills: [...v.skills, skill] })
  }
  const remove = (skill: string) => form.set({ skills: v.skills.filter((s) => s !== skill) })

  const send = async () => {
    await askToSubscribe('register')
    const workUnit = v.workUnit.trim()
    const result = await intent.run((opts) =>
      volunteerApi.register(
        { skills: v.skills, partyMember: v.partyMember, ...(workUnit ? { workUnit } : {}) },
        opts
      )
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    toast('申请已提交')
    onSent(result.data)
  }

  return (
    <>
      <View className="card muted">
        志愿者参加社区和网格组织的活动，服务时长计入个人记录，累计时长可评为星级志愿者。
      </View>
      <View className="card">
        <Field
          label={`我的特长（1–${MAX_SKILLS} 项）`}
          name="skills"
          error={draftError ?? form.messageOf('skills')}
          hint="每项最多 10 个字，可点下方常见特长快速添加"
        >
          <View className="apply__chips" data-testid="apply-skills">
            {v.skills.map((s) => (
              <View
                key={s}
                className="apply__chip apply__chip--on"
                role="button"
                {...TAB_STOP}
                aria-label={`删除特长 ${s}`}
                data-testid={`apply-skill-${s}`}
                onClick={() => remove(s)}
              >
                {s} ×
              </View>
            ))}
          </View>
          <View className="apply__add">
            <View className="apply__add-input">
              <TextInput
                testId="apply-skill-input"
                value={draft}
                placeholder="如：理发"
                onChange={(text) => {
                  setDraft(text)
                  setDraftError(null)
                }}
              />
            </View>
            <Button testId="apply-skill-add" onClick={() => add(draft)}>
              添加
            </Button>
          </View>
          <View className="apply__chips">
            {SUGGESTED.filter((s) => !v.skills.includes(s)).map((s) => (
              <View
                key={s}
                className="apply__chip"
                role="button"
                {...TAB_STOP}
                data-testid={`apply-suggest-${s}`}
                onClick={() => add(s)}
              >
                + {s}
              </View>
            ))}
          </View>
        </Field>
      </View>
      <View className="card">
        <View className="apply__party">
          <View>
            <View className="card__title">我是中共党员</View>
            <View className="muted">在职党员请填写工作单位，到居住社区双报到</View>
          </View>
          <Toggle
            testId="apply-party"
            label="我是中共党员"
            checked={v.partyMember}
            onChange={(partyMember) => form.set({ partyMember })}
          />
        </View>
        {v.partyMember && (
          <Field label="工作单位" name="workUnit" error={form.messageOf('workUnit')}>
            <TextInput
              testId="apply-work-unit"
              value={v.workUnit}
              maxLength={REGISTER_RULES.workUnit.max.value}
              placeholder="如：市第一人民医院"
              onChange={(workUnit) => form.set({ workUnit })}
              onBlur={() => form.touch('workUnit')}
            />
          </Field>
        )}
      </View>
      <SubmitBar
        error={form.formError}
        testId="apply-submit"
        busy={intent.busy}
        text="提交申请"
        check={form.attempt}
        confirm={{
          title: '确认提交申请',
          okText: '提交',
          body: (
            <View data-testid="apply-confirm">
              <View>特长：{v.skills.join('、')}</View>
              <View>
                {v.partyMember ? `中共党员 · ${v.workUnit.trim() || '未填写单位'}` : '非党员'}
              </View>
              <View className="muted">社区两委审核后会通知您。</View>
            </View>
          ),
        }}
        onSubmit={send}
      />
    </>
  )
}
