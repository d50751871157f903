import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { ContactPhone } from '@/components/ContactPhone'
import { Dialog } from '@/components/Dialog'
import { Field } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { PagedList } from '@/components/PagedList'
import { StaffGate } from '@/components/NoAccess'
import { EmptyState } from '@/components/Status'
import { Tag } from '@/components/Tag'
import { TextBox } from '@/components/TextBox'
import { TimeText } from '@/components/TimeText'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { usePaged } from '@/hooks/usePaged'
import { volunteerApi } from '@/services/volunteer'
import type { Me } from '@/contract/user'
import type { VolunteerApplication } from '@/contract/volunteer'
import { REVIEW_CROSS, REVIEW_RULES } from '@/contract/volunteer.rules'
import './index.scss'

// The committee's queue of volunteer applications from its community, oldest first: approve
// (the applicant becomes a volunteer) or refuse with a reason the applicant sees.

export default function ReviewApplications() {
  return (
    <StaffGate
      testId="page-volunteer-review"
      service="志愿者审核"
      forWhom="社区两委"
      allowed={(me) => me.can['volunteer.review']}
    >
      {(me) => <Queue me={me} />}
    </StaffGate>
  )
}

function Queue({ me }: { me: Me }) {
  const list = usePaged((page) => volunteerApi.listApplications(page))
  const [open, setOpen] = useState<{ app: VolunteerApplication; approve: boolean } | null>(null)
  return (
    <>
      <PagedList
        list={list}
        testId="applications"
        access={{ bindStatus: me.bindStatus, service: '志愿者审核' }}
        final={['FORBIDDEN']}
        empty={
          <EmptyState text="没有待审核的申请">
            <View className="state__text">居民申请成为志愿者后会出现在这里。</View>
          </EmptyState>
        }
      >
        {(a) => (
          <View className="card" data-testid={`application-${a.openid}`}>
            <View className="review__name">
              {a.name}
              {a.nickname && a.nickname !== a.name ? `（${a.nickname}）` : ''}
            </View>
            <View className="muted">
              {[a.gridName, a.buildingName].filter(Boolean).join(' · ')} · 申请于{' '}
              <TimeText value={a.appliedAt} />
            </View>
            {a.phone && (
              <ContactPhone phone={a.phone} can={a.can} testId={`application-phone-${a.openid}`} />
            )}
            <View className="review__skills">
              {a.skills.map((s) => (
                <Tag key={s} plain>
                  {s}
                </Tag>
              ))}
            </View>
            <View>
              {a.partyMember ? `中共党员 · 工作单位：${a.workUnit ?? '未填写'}` : '非党员'}
            </View>
            {a.can.review && (
              <View className="review__buttons">
                <Button
                  kind="danger"
                  testId={`application-refuse-${a.openid}`}
                  onClick={() => setOpen({ app: a, approve: false })}
                >
                  不通过
                </Button>
                <Button
                  kind="primary"
                  testId={`application-approve-${a.openid}`}
                  onClick={() => setOpen({ app: a, approve: true })}
                >
                  通过
                </Button>
              </View>
            )}
          </View>
        )}
      </PagedList>
      {open && (
        <ReviewDialog
          key={`${open.app.openid}-${open.approve}`}
          app={open.app}
          approve={open.approve}
          onClose={() => setOpen(null)}
          onDone={(id) => list.remove(id)}
        />
      )}
    </>
  )
}

function ReviewDialog({
  app,
  approve,
  onClose,
  onDone,
}: {
  app: VolunteerApplication
  approve: boolean
  onClose: () => void
  onDone: (id: string) => void
}) {
  const form = useForm(
    { approve, reason: '' },
    { rules: { reason: REVIEW_RULES.reason }, cross: REVIEW_CROSS }
  )
  const intent = useIntent()
  const send = async () => {
    if (intent.busy || !form.attempt()) return
    const reason = form.values.reason.trim()
    const result = await intent.run((opts) =>
      volunteerApi.reviewVolunteer(
        { openid: app.openid, approve, ...(reason ? { reason } : {}) },
        opts
      )
    )
    if (!result) return
    if (!result.ok) {
      toast(result.error.message)
      if (result.error.field === 'reason') return form.refuse(result.error)
      if (result.error.code === 'INTERNAL') return
      onClose()
      return onDone(app.id)
    }
    toast(approve ? `已通过，${app.name} 成为志愿者` : '已告知申请人未通过的原因')
    onClose()
    onDone(app.id)
  }
  return (
    <Dialog
      title={approve ? '通过申请' : '不通过'}
      okText={approve ? '通过' : '确认不通过'}
      okKind={approve ? 'primary' : 'danger'}
      busy={intent.busy}
      onOk={() => void send()}
      onCancel={onClose}
    >
      <View data-testid="review-dialog">
        <View>
          {approve
            ? `通过后，${app.name} 成为本社区的志愿者，可以报名志愿活动。`
            : `请告诉 ${app.name} 未通过的原因。`}
        </View>
        {!approve && (
          <Field label="原因" name="reason" error={form.messageOf('reason')}>
            <TextBox
              testId="review-reason"
              fixed
              value={form.values.reason}
              maxLength={REVIEW_RULES.reason.max.value}
              placeholder="如：请补充可以服务的时间"
              onChange={(reason) => form.set({ reason })}
            />
          </Field>
        )}
      </View>
    </Dialog>
  )
}
